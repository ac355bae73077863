// Decides how an opened CSV or Parquet file is read: dialect, column names, and each column's kind and type.
import { classifyColumn, readSampleFacts, sampleFactsSql } from './column-kinds';
import type { CsvSniff } from './csv-dialect';
import { csvScan, parquetScan, type CsvDialectOptions, type CsvReadOptions, type Relation, type ScanColumn } from './file-scan';
import type { LockedSession } from './locked-session';
import { quoteIdentifier } from './sql';

/** Rows sampled to find leading zeros, YYYYMMDD dates and decimal commas (as DuckDB's own sniffer samples). */
const SAMPLE_ROWS = 20_000;

export interface DescribedFile {
  columns: ScanColumn[];
  csv?: CsvReadOptions;
}

interface DetectedColumn {
  name: string;
  type: string;
}

async function describeRelation(session: LockedSession, relation: Relation): Promise<DetectedColumn[]> {
  const rows = await session.query(`DESCRIBE SELECT * FROM ${relation.sql}`, relation.parameters);
  return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}

async function sampleFacts(session: LockedSession, columns: readonly DetectedColumn[], textRelation: Relation) {
  const names = columns.map((column) => column.name);
  const rows = await session.query(sampleFactsSql(names, `(SELECT * FROM ${textRelation.sql} LIMIT ${SAMPLE_ROWS})`), textRelation.parameters);
  return readSampleFacts(names, rows[0]);
}

const TEXT_KINDS = new Set(['key', 'code', 'date']);

/** With the sniffed bytes, lets DuckDB detect the columns, then fixes keys, codes and dates as text and detects a decimal comma. */
export async function describeCsv(session: LockedSession, path: string, sniff: Pick<CsvSniff, 'encoding' | 'delimiter'>): Promise<DescribedFile> {
  const dialect: CsvDialectOptions = { encoding: sniff.encoding, delimiter: sniff.delimiter };
  let detected = await describeRelation(session, csvScan(path, dialect));
  const samples = await sampleFacts(session, detected, csvScan(path, { ...dialect, allVarchar: true }));
  const decimalSeparator = sniff.delimiter === ';' && samples.some((sample) => sample.decimalComma) ? ',' : '.';
  if (decimalSeparator === ',') detected = await describeRelation(session, csvScan(path, { ...dialect, decimalSeparator }));
  const columns = detected.map((column, index): ScanColumn => {
    const kind = classifyColumn(column.name, column.type, samples[index]);
    // Dates DuckDB already reads as DATE (2017-12-31) stay dates; YYYYMMDD dates, keys and codes are read as text.
    const keepDate = kind === 'date' && column.type === 'DATE';
    return { name: column.name, kind, sourceType: keepDate ? 'DATE' : TEXT_KINDS.has(kind) ? 'VARCHAR' : column.type };
  });
  return {
    columns,
    csv: { encoding: sniff.encoding, delimiter: sniff.delimiter, decimalSeparator, types: columns.map((column) => column.sourceType) },
  };
}

/** Parquet keeps its own types; keys stored as numbers and dates stored as DATE or integers are recognised. */
export async function describeParquet(session: LockedSession, path: string): Promise<DescribedFile> {
  const scan = parquetScan(path);
  const detected = await describeRelation(session, scan);
  const asText = detected.map((column) => `CAST(${quoteIdentifier(column.name)} AS VARCHAR) AS ${quoteIdentifier(column.name)}`).join(', ');
  const samples = await sampleFacts(session, detected, { sql: `(SELECT ${asText} FROM ${scan.sql})`, parameters: scan.parameters });
  return {
    columns: detected.map((column, index) => ({ name: column.name, kind: classifyColumn(column.name, column.type, samples[index]), sourceType: column.type })),
  };
}
