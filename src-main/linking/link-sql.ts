// SQL expressions over a linking input: keys and dates as text, role sub-queries, and the date filter
// that DuckDB can push into the scan.
import { sqlDate, type ReferenceDate } from '../common/reference-date';
import { quoteIdentifier as q, sqlString } from '../engine/sql';
import { UserFacingError } from '../common/errors';
import type { RolesOf } from './input-columns';
import type { Input } from './link-inputs';
import type { InputKind } from './study-file';

/** A key column as text; numbers would have lost their leading zeros, so they are refused. */
export function keyText(input: Input<InputKind>, column: string, alias = ''): string {
  const type = input.types.get(column) ?? 'VARCHAR';
  if (/INT|DOUBLE|FLOAT|DECIMAL|NUMERIC/.test(type)) {
    throw new UserFacingError(
      `${input.name}: de sleutelkolom ${column} bevat getallen (${type}); sleutels moeten tekst zijn, met hun voorloopnullen. Exporteer de kolom als tekst.`,
    );
  }
  return asText(input, column, alias);
}

/** A date column as YYYYMMDD text, whether the file stores text or a DATE. */
export function dateText(input: Input<InputKind>, column: string, alias = ''): string {
  const type = input.types.get(column) ?? 'VARCHAR';
  if (type === 'DATE' || type.startsWith('TIMESTAMP')) return `strftime(${alias}${q(column)}, '%Y%m%d')`;
  return asText(input, column, alias);
}

/**
 * A column as text. A text column is referenced bare: a cast around it, even a no-op one, would keep
 * DuckDB from pushing filters and join keys into the Parquet reader.
 */
export function asText(input: Input<InputKind>, column: string, alias = ''): string {
  const type = input.types.get(column) ?? 'VARCHAR';
  if (type === 'VARCHAR') return `${alias}${q(column)}`;
  // Codes stored as numbers (as in .sav files: 1.0) must read as the code text '1'.
  if (/DOUBLE|FLOAT|DECIMAL/.test(type)) return `CAST(CAST(round(${alias}${q(column)}) AS BIGINT) AS VARCHAR)`;
  return `CAST(${alias}${q(column)} AS VARCHAR)`;
}

/** The rows of an input, as a sub-query with the wanted roles under their role names. */
export function select<K extends InputKind>(input: Input<K>, pick: Partial<Record<RolesOf<K>, 'key' | 'date' | 'text' | 'integer'>>, where = ''): string {
  const columns = input.columns as Record<string, string>;
  const constants = input.constants as Partial<Record<string, string>>;
  const parts = Object.entries(pick).map(([role, how]) => {
    const constant = constants[role];
    if (constant !== undefined) return `${sqlString(constant)} AS ${q(role)}`;
    const column = columns[role] ?? role;
    // Numbers stay text while the national file streams past; they are cast once the rows are few.
    const expression = how === 'key' ? keyText(input, column) : how === 'date' ? dateText(input, column) : asText(input, column);
    return `${expression} AS ${q(role)}`;
  });
  return `(SELECT ${parts.join(', ')} FROM ${input.scan}${where ? ` WHERE ${where}` : ''})`;
}

/**
 * A date filter on the scan itself, so DuckDB applies it while reading (and skips Parquet row groups). The date is a
 * literal, not a parameter: Parquet row groups are only skipped on their statistics when the filter compares with a
 * constant; a ReferenceDate is a checked calendar date, so the literal is safe.
 */
export function validOn<K extends InputKind>(input: Input<K>, beginRole: RolesOf<K>, endRole: RolesOf<K>, referenceDate: ReferenceDate): string {
  return validBetween(input, beginRole, endRole, referenceDate, referenceDate);
}

/** As validOn, for a spell valid on some day from `from` up to `to` (the range of the households' moments). */
export function validBetween<K extends InputKind>(input: Input<K>, beginRole: RolesOf<K>, endRole: RolesOf<K>, from: ReferenceDate, to: ReferenceDate): string {
  const columns = input.columns as Record<string, string>;
  const begin = columns[beginRole as string] ?? String(beginRole);
  const end = columns[endRole as string] ?? String(endRole);
  return `${dateText(input, begin)} <= ${sqlDate(to)} AND ${dateText(input, end)} >= ${sqlDate(from)}`;
}
