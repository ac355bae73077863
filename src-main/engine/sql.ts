// SQL text helpers: identifiers are quoted here; values are never pasted, always bound as parameters.

/** Quotes a table or column name so that any text (quotes, semicolons, keywords) stays one identifier. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0) throw new Error('An empty name cannot be used as a table or column name.');
  if (name.includes('\u0000')) throw new Error(`The name ${JSON.stringify(name)} contains a NUL character.`);
  return `"${name.replaceAll('"', '""')}"`;
}
