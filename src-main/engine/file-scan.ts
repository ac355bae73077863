// The relation that scans an opened file where it lies, typed: keys as text, dates as YYYYMMDD text; paths always bound.
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { DATE_TYPE_LABEL, keyWidth, type ColumnKind } from './column-kinds';
import type { CsvDelimiter, CsvEncoding } from './csv-dialect';
import type { FileFormat } from './opened-files';
import { quoteIdentifier } from './sql';

export interface ScanColumn {
  name: string;
  kind: ColumnKind;
  /** The type DuckDB reads from the file (before keys and dates are turned into text). */
  sourceType: string;
  /** A code stored as a number whose text has a fixed width (SPSS N format): zeros are put back up to it. */
  codeWidth?: number | undefined;
  /** From a .sav dictionary: what the column means and what its codes mean (shown in the profile). */
  labels?: ColumnLabels | undefined;
}

/** A .sav variable's label and value labels; numeric codes are matched by value (1 = '1' = '1.0'). */
export interface ColumnLabels {
  label: string | null;
  valueLabels: ReadonlyMap<number | string, string>;
}

/** How a CSV file is read, decided once when it is opened. */
export interface CsvReadOptions {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  decimalSeparator: '.' | ',';
  /** One type per column, in file order: keys, codes and dates VARCHAR, the rest as detected. */
  types: string[];
}

/** What the scans need to know about an opened file. */
export interface ScannableFile {
  id: string;
  name: string;
  path: string;
  format: FileFormat;
  columns: readonly ScanColumn[];
  csv?: CsvReadOptions | undefined;
  /** Where the scan reads, when not at `path`: a private UTF-8 copy of a Windows-1252 CSV. */
  scanPath?: string | undefined;
  /** For .xlsx and .sav: the in-memory table of the study's session that holds the data. */
  tableName?: string | undefined;
}

export interface Relation {
  /** Usable after FROM (a table function, a table name or a parenthesised query); give it an alias. */
  sql: string;
  parameters: Record<string, DuckDBValue>;
}

/** The type a column has in scanRelation(): keys and codes text, dates YYYYMMDD text understood as dates. */
export function displayType(column: ScanColumn): string {
  if (column.kind === 'date') return DATE_TYPE_LABEL;
  return column.kind === 'key' || column.kind === 'code' ? 'VARCHAR' : column.sourceType;
}

/** Parameter names unique per file, so several files can be scanned in one statement. */
function parameterPrefix(file: Pick<ScannableFile, 'id'>): string {
  return `f${file.id.replace(/[^0-9a-zA-Z]/g, '').slice(0, 16)}`;
}

export interface CsvDialectOptions {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  decimalSeparator?: '.' | ',' | undefined;
  types?: readonly string[] | undefined;
  allVarchar?: boolean;
}

/** read_csv with every dialect option bound as a parameter (never pasted). */
export function csvScan(path: string, options: CsvDialectOptions, prefix = 'scan'): Relation {
  const parameters: Record<string, DuckDBValue> = {
    [`${prefix}_path`]: path,
    [`${prefix}_delim`]: options.delimiter,
    [`${prefix}_encoding`]: options.encoding,
    [`${prefix}_decimal`]: options.decimalSeparator ?? '.',
  };
  const extra: string[] = [];
  if (options.types) {
    parameters[`${prefix}_types`] = listValue([...options.types]);
    extra.push(`types = $${prefix}_types`);
  }
  if (options.allVarchar) extra.push('all_varchar = true');
  const sql =
    `read_csv($${prefix}_path, header = true, skip = 0, delim = $${prefix}_delim, quote = '"', escape = '"', ` +
    `encoding = $${prefix}_encoding, decimal_separator = $${prefix}_decimal${extra.map((option) => `, ${option}`).join('')})`;
  return { sql, parameters };
}

export function parquetScan(path: string, prefix = 'scan'): Relation {
  return { sql: `read_parquet($${prefix}_path)`, parameters: { [`${prefix}_path`]: path } };
}

function rawScan(file: ScannableFile, prefix: string): Relation {
  switch (file.format) {
    case 'csv':
      if (!file.csv) throw new Error(`${file.name}: the CSV dialect was not detected.`);
      return csvScan(file.scanPath ?? file.path, file.csv, prefix);
    case 'parquet':
      return parquetScan(file.path, prefix);
    case 'xlsx':
    case 'sav':
    case 'workspace':
      if (!file.tableName) throw new Error(`${file.name}: the ${file.format === 'xlsx' ? 'sheet' : 'file'} was not loaded.`);
      return { sql: quoteIdentifier(file.tableName), parameters: {} };
  }
}

const FRACTIONAL_TYPES = /^(DOUBLE|FLOAT|REAL|DECIMAL)/;

/** A number as text: whole numbers without a decimal part (a .sav stores code 1 and key 12345 as 1.0 and 12345.0). */
export function numberText(expression: string, sourceType: string): string {
  if (!FRACTIONAL_TYPES.test(sourceType)) return `CAST(${expression} AS VARCHAR)`;
  return (
    `CASE WHEN ${expression} = trunc(${expression}) AND abs(${expression}) < 1e15 THEN ` +
    `CAST(CAST(${expression} AS BIGINT) AS VARCHAR) ELSE CAST(${expression} AS VARCHAR) END`
  );
}

/** A person key padded back to its width when shorter (longer or other text stays as it is). */
function padded(text: string, width: number): string {
  return `CASE WHEN length(${text}) < ${width} THEN lpad(${text}, ${width}, '0') ELSE ${text} END`;
}

/**
 * Expression that gives a key, code or date column as text (dates as 8-character YYYYMMDD). Person keys
 * of a CSV (perhaps saved from a spreadsheet) or stored as numbers get their leading zeros back; Parquet
 * text keys are left untouched so that filters and joins still prune row groups.
 */
function asText(column: ScanColumn, format: FileFormat): string | undefined {
  const name = quoteIdentifier(column.name);
  const width = column.kind === 'key' ? keyWidth(column.name) : undefined;
  if (column.sourceType === 'VARCHAR') return width !== undefined && format === 'csv' ? padded(name, width) : undefined;
  if (column.kind === 'date') {
    return column.sourceType === 'DATE' || column.sourceType.startsWith('TIMESTAMP') ? `strftime(${name}, '%Y%m%d')` : numberText(name, column.sourceType);
  }
  if (column.kind === 'key' || column.kind === 'code') {
    const text = numberText(name, column.sourceType);
    const fixed = width ?? column.codeWidth;
    return fixed === undefined ? text : padded(text, fixed);
  }
  return undefined;
}

/**
 * The file as a relation for linking and profiling: keys and codes as VARCHAR, dates as 8-character
 * YYYYMMDD text (compare them as text), every other column as read. CSV and Parquet are scanned where
 * they lie (filters push down into the scan); an .xlsx sheet, a .sav file or a file from a workspace is its in-memory table in the session.
 * Parameter names are unique per file, so relations of several files combine in one statement.
 */
export function scanRelation(file: ScannableFile): Relation {
  const scan = rawScan(file, parameterPrefix(file));
  const replacements = file.columns.flatMap((column) => {
    const expression = asText(column, file.format);
    return expression ? [`${expression} AS ${quoteIdentifier(column.name)}`] : [];
  });
  if (replacements.length === 0) return { sql: `(SELECT * FROM ${scan.sql})`, parameters: scan.parameters };
  return { sql: `(SELECT * REPLACE (${replacements.join(', ')}) FROM ${scan.sql})`, parameters: scan.parameters };
}
