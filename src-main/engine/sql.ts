// SQL text helpers: identifiers are quoted here. Values are bound as parameters; the few constants that must be written
// into the SQL text (codes in an IN list or a CASE, a run id, a default key source) are quoted by sqlString, here too.

/** Quotes a table or column name so that any text (quotes, semicolons, keywords) stays one identifier. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0) throw new Error('An empty name cannot be used as a table or column name.');
  if (name.includes('\u0000')) throw new Error(`The name ${JSON.stringify(name)} contains a NUL character.`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL string literal: the text between single quotes, each quote doubled. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
