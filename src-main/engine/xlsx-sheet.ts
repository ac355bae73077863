// A partner's .xlsx list: the first sheet read in Node and loaded into an in-memory table of the locked session.
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { readSheet } from 'read-excel-file/node';
import { UserFacingError } from '../common/errors';
import { classifyColumn, keyWidth, type ColumnKind, type ColumnSample } from './column-kinds';
import type { LockedSession } from './locked-session';
import { quoteIdentifier } from './sql';

type SheetValue = string | number | null;

export interface SheetColumn {
  name: string;
  kind: ColumnKind;
  sqlType: 'VARCHAR' | 'DOUBLE';
  values: SheetValue[];
}

const INSERT_BATCH_ROWS = 5_000;

function yyyymmdd(date: Date): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}`;
}

function cellValue(cell: unknown): SheetValue {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return yyyymmdd(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = String(cell).trim();
  return text === '' ? null : text;
}

function sampleOf(name: string, values: readonly SheetValue[]): ColumnSample {
  const texts = values.filter((value): value is string | number => value !== null).map(String);
  return {
    name,
    leadingZeros: texts.some((text) => /^0[0-9]+$/.test(text)),
    allYyyymmdd: texts.every((text) => /^(1[89]|2[01])[0-9]{6}$/.test(text)),
    nonEmpty: texts.length,
    decimalComma: false,
  };
}

function toColumn(name: string, values: SheetValue[]): SheetColumn {
  const allNumbers = values.every((value) => value === null || typeof value === 'number');
  const kind = classifyColumn(name, allNumbers ? 'DOUBLE' : 'VARCHAR', sampleOf(name, values));
  if (kind === 'number') return { name, kind, sqlType: 'DOUBLE', values };
  // A spreadsheet that stored a person key as a number lost its leading zeros: they are put back.
  const width = keyWidth(name);
  const asText = values.map((value) => {
    if (typeof value !== 'number') return value;
    const text = Number.isInteger(value) ? value.toFixed(0) : String(value);
    return kind === 'key' && width ? text.padStart(width, '0') : text;
  });
  return { name, kind, sqlType: 'VARCHAR', values: asText };
}

/** Reads the first sheet: a header row, then data rows; keys and dates become text. */
export async function readSheetColumns(path: string, name: string): Promise<SheetColumn[]> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(path)) as unknown[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserFacingError(`"${name}" kon niet worden gelezen als Excel-werkmap (.xlsx): ${reason}. Sla het bestand in Excel opnieuw op als .xlsx.`);
  }
  const [header, ...data] = rows;
  if (!header || header.every((cell) => cellValue(cell) === null)) {
    throw new UserFacingError(`"${name}" is leeg: het eerste werkblad heeft geen kopregel.`);
  }
  const names = header.map((cell, index) => {
    const title = cellValue(cell);
    if (title === null) throw new UserFacingError(`"${name}": kolom ${index + 1} van de kopregel heeft geen naam; geef elke kolom een naam.`);
    return String(title);
  });
  const duplicate = names.find((title, index) => names.indexOf(title) !== index);
  if (duplicate) throw new UserFacingError(`"${name}": de kopregel noemt kolom "${duplicate}" twee keer; geef elke kolom een eigen naam.`);
  return names.map((title, index) =>
    toColumn(
      title,
      data.map((row) => cellValue(row[index])),
    ),
  );
}

/** Creates the table in the session and fills it in batches; values are bound as list parameters, never pasted. */
export async function loadSheet(session: LockedSession, tableName: string, columns: readonly SheetColumn[]): Promise<void> {
  const definitions = columns.map((column) => `${quoteIdentifier(column.name)} ${column.sqlType}`).join(', ');
  await session.query(`CREATE OR REPLACE TABLE ${quoteIdentifier(tableName)} (${definitions})`);
  const rowCount = columns[0]?.values.length ?? 0;
  const select = columns.map((column, index) => `CAST(CAST(unnest($c${index}) AS VARCHAR) AS ${column.sqlType})`).join(', ');
  for (let start = 0; start < rowCount; start += INSERT_BATCH_ROWS) {
    const parameters: Record<string, DuckDBValue> = {};
    columns.forEach((column, index) => {
      // Numbers travel as their shortest exact text (a JS list of numbers would bind as integers) and are cast back.
      parameters[`c${index}`] = listValue(column.values.slice(start, start + INSERT_BATCH_ROWS).map((value) => (value === null ? null : String(value))));
    });
    await session.query(`INSERT INTO ${quoteIdentifier(tableName)} SELECT ${select}`, parameters);
  }
}
