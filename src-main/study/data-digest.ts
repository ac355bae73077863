// A fingerprint of the analysis table (its recipe and its content): packages with the same digest describe the same
// households, so the auditor attacks them together. No value of the table can be read from it.
import { createHash } from 'node:crypto';
import type { QuerySession } from '../analysis/cross-table';
import { quoteIdentifier } from '../engine/sql';
import { ANALYSIS_TABLE } from '../linking/analysis-table-name';

export async function analysisTableDigest(session: QuerySession, recipe: unknown): Promise<string> {
  const columns = (await session.query(`DESCRIBE ${ANALYSIS_TABLE}`)).map((row) => quoteIdentifier(String(row.column_name)));
  // An order-free digest of every row: the count, and sums of two independent row hashes modulo large primes.
  const [row] = await session.query(
    `SELECT count(*)::VARCHAR AS n, sum(hash(${columns.join(', ')}) % 4294967291)::VARCHAR AS a, ` +
      `sum(hash(${columns.join(', ')}, 'b') % 4294967279)::VARCHAR AS b FROM ${ANALYSIS_TABLE}`,
  );
  return createHash('sha256')
    .update(JSON.stringify({ recipe, n: row?.n, a: row?.a, b: row?.b }))
    .digest('hex');
}
