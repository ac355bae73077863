// Which columns are keys (always text) and which hold YYYYMMDD dates: by CBS name, then by a sample of values.
import { quoteIdentifier } from './sql';

/** CBS key columns: text with leading zeros, never numbers (letter case varies by year). */
const KEY_COLUMNS = new Set([
  'RINPERSOON',
  'RINPERSOONS',
  'RINOBJECTNUMMER',
  'SOORTOBJECTNUMMER',
  'HUISHOUDNR',
  'RINPERSOONHKW',
  'RINPERSOONSHKW',
  'RINPERSOONPA',
  'RINPERSOONSPA',
  'RINPERSOONMA',
  'RINPERSOONSMA',
  'BEID',
  'SBEID',
]);

export function isKeyColumnName(name: string): boolean {
  const upper = name.toUpperCase();
  return KEY_COLUMNS.has(upper) || /^RINPERSOONS?[A-Z]*$/.test(upper);
}

/** Person keys are 9 digits; a copy that went through a spreadsheet or a number type lost the leading zeros. */
const KEY_WIDTHS: Record<string, number> = { RINPERSOON: 9, RINPERSOONHKW: 9 };

export function keyWidth(name: string): number | undefined {
  return KEY_WIDTHS[name.toUpperCase()];
}

/** Names that announce a date: DATUMAANVANGHH, GBADATUMEINDEADRESHOUDING, AANVSECM, JGDHGELDIGHEIDBEGINDATUM, STARTDATUM... */
export function looksLikeDateName(name: string): boolean {
  return /DATUM|AANV|EINDE?|BEGIN|START|STOP|^DAT|DATE/i.test(name);
}

/** How a column is stored in a typed scan and shown in the schema. */
/** key: a CBS key (by name); code: text because values have leading zeros (gem2017 0784); date: YYYYMMDD text. */
export type ColumnKind = 'key' | 'code' | 'date' | 'text' | 'number' | 'other';

export const DATE_TYPE_LABEL = 'DATE (YYYYMMDD)';

/** SQL that turns a YYYYMMDD text column into a DATE (NULL for empty values; fails on impossible dates, which opening refuses). */
export function dateExpression(column: string): string {
  return `CAST(strptime(${quoteIdentifier(column)}, '%Y%m%d') AS DATE)`;
}

/** Per-column sample facts, computed in one query over the all-text scan. */
export interface ColumnSample {
  name: string;
  leadingZeros: boolean;
  allYyyymmdd: boolean;
  nonEmpty: number;
  decimalComma: boolean;
}

/** One aggregate query over an all-VARCHAR relation: leading zeros, 8-digit dates and decimal commas per column. */
export function sampleFactsSql(columns: readonly string[], relation: string): string {
  const parts = columns.flatMap((column, index) => {
    const name = quoteIdentifier(column);
    return [
      `bool_or(regexp_full_match(${name}, '0[0-9]+')) AS lz_${index}`,
      `bool_and(${name} IS NULL OR regexp_full_match(${name}, '(1[89]|2[01])[0-9]{6}')) AS ymd_${index}`,
      `count(${name}) AS n_${index}`,
      `bool_and(${name} IS NULL OR regexp_full_match(${name}, '-?[0-9]+(,[0-9]+)?')) AND bool_or(regexp_full_match(${name}, '-?[0-9]+,[0-9]+')) AS dc_${index}`,
    ];
  });
  return `SELECT ${parts.join(', ')} FROM ${relation}`;
}

export function readSampleFacts(columns: readonly string[], row: Record<string, unknown> | undefined): ColumnSample[] {
  return columns.map((name, index) => ({
    name,
    leadingZeros: row?.[`lz_${index}`] === true,
    allYyyymmdd: row?.[`ymd_${index}`] === true,
    nonEmpty: typeof row?.[`n_${index}`] === 'number' ? (row[`n_${index}`] as number) : 0,
    decimalComma: row?.[`dc_${index}`] === true,
  }));
}

/**
 * Keys (by name) and codes (values with leading zeros) stay text; a column named like a date whose sampled
 * values are all 8-digit YYYYMMDD is a date kept as text. Everything else keeps DuckDB's detected type.
 */
export function classifyColumn(name: string, detectedType: string, sample: ColumnSample | undefined): ColumnKind {
  if (isKeyColumnName(name)) return 'key';
  if (detectedType === 'DATE') return 'date';
  if (looksLikeDateName(name) && sample?.allYyyymmdd && sample.nonEmpty > 0) return 'date';
  if (sample?.leadingZeros) return 'code';
  if (/^(VARCHAR|TEXT)$/.test(detectedType)) return 'text';
  if (/INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(detectedType)) return 'number';
  return 'other';
}
