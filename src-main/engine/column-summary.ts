// The summary of one column of an open file: row count, missing and distinct values (aggregates only, counts of
// units through the count rule).
import { UserFacingError } from '../common/errors';
import type { RuleSet } from '../disclosure/rule-set';
import type { ColumnSummary } from './engine-shapes';
import type { OpenedFileEntry } from './file-opening';
import { maskCount } from './file-profile';
import { displayType, scanRelation } from './file-scan';
import type { LockedSession } from './locked-session';
import { quoteIdentifier } from './sql';

function asCount(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new Error(`Expected a count from DuckDB, got ${JSON.stringify(value)}.`);
}

/** Row count, missing and distinct values of one column: aggregates only. */
export async function summariseColumn(session: LockedSession, file: OpenedFileEntry, column: string, rules: RuleSet): Promise<ColumnSummary> {
  const known = file.columns.find((candidate) => candidate.name === column);
  if (!known) throw new UserFacingError(`"${file.name}" heeft geen kolom ${JSON.stringify(column)}.`);
  const name = quoteIdentifier(column);
  const relation = scanRelation(file);
  const rows = await session.query(
    `SELECT count(*) AS row_count, count(*) - count(${name}) AS missing, count(DISTINCT ${name}) AS distinct_values
     FROM ${relation.sql}`,
    relation.parameters,
  );
  const row = rows[0];
  return {
    column,
    type: displayType(known),
    rowCount: maskCount(asCount(row?.row_count), rules),
    missing: maskCount(asCount(row?.missing), rules),
    distinct: asCount(row?.distinct_values),
  };
}
