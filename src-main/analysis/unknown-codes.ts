// Codes in the analysis table that a feature's label list does not know (INHUAFTYP 8 or 9 in a newer delivery): the
// analyst is told which, per feature, in the link report; publication counts them under "Overig of onbekend". A code
// held by fewer households than the rule set's threshold is not named (its existence is a count of 1 to 9).
import { ANALYSIS_TABLE } from '../linking/analysis-table-name';
import type { QuerySession } from './cross-table';
import { FEATURES, type Feature } from './features';
import { sqlString } from '../engine/sql';

/** How many unknown codes a note names before it says "..." (a code list, never a count). */
const CODES_NAMED = 10;

/** One note per categorical feature whose column holds codes outside its label list; none when every code is known. */
export async function unknownCodeNotes(session: QuerySession, threshold: number, features: readonly Feature[] = FEATURES): Promise<string[]> {
  const notes: string[] = [];
  for (const feature of features) {
    if (feature.kind !== 'category') continue;
    const code = `(${feature.sql})::VARCHAR`;
    const known = feature.categories.map((category) => sqlString(category.code)).join(', ');
    const rows = await session.query(
      `SELECT ${code} AS code, count(*) >= ${threshold} AS named FROM ${ANALYSIS_TABLE}
       WHERE ${code} IS NOT NULL AND ${code} NOT IN (${known}) GROUP BY 1 ORDER BY 1`,
    );
    if (rows.length === 0) continue;
    const named = rows.filter((row) => row.named === true).map((row) => String(row.code));
    const shown = named.slice(0, CODES_NAMED).join(', ') + (named.length > CODES_NAMED ? ', ...' : '');
    const small = named.length < rows.length ? `codes van minder dan ${threshold} huishoudens` : '';
    const which = [shown, small].filter((part) => part !== '').join(' en ');
    notes.push(`${feature.label}: de bestanden hebben codes die niet in de labellijst staan (${which}); ze tellen mee als "Overig of onbekend".`);
  }
  return notes;
}
