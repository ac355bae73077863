// Codes in the analysis table that a feature's label list does not know (INHUAFTYP 8 or 9 in a newer delivery): the
// analyst is told which, per feature, in the link report; publication counts them under "Overig of onbekend".
import { ANALYSIS_TABLE } from '../linking/analysis-table-name';
import type { QuerySession } from './cross-table';
import { FEATURES } from './features';

/** How many unknown codes a note names before it says "..." (a code list, never a count). */
const CODES_NAMED = 10;

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** One note per categorical feature whose column holds codes outside its label list; none when every code is known. */
export async function unknownCodeNotes(session: QuerySession): Promise<string[]> {
  const notes: string[] = [];
  for (const feature of FEATURES) {
    if (feature.kind !== 'category') continue;
    const code = `(${feature.sql})::VARCHAR`;
    const known = feature.categories.map((category) => literal(category.code)).join(', ');
    const rows = await session.query(
      `SELECT DISTINCT ${code} AS code FROM ${ANALYSIS_TABLE} WHERE ${code} IS NOT NULL AND ${code} NOT IN (${known}) ORDER BY 1 LIMIT ${CODES_NAMED + 1}`,
    );
    if (rows.length === 0) continue;
    const codes = rows.slice(0, CODES_NAMED).map((row) => String(row.code));
    notes.push(
      `${feature.label}: de bestanden hebben codes die niet in de labellijst staan (${codes.join(', ')}${rows.length > CODES_NAMED ? ', ...' : ''}); ` +
        'ze tellen mee als "Overig of onbekend".',
    );
  }
  return notes;
}
