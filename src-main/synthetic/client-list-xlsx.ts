// The food bank's client list also as .xlsx, as a partner delivers it: keys and dates as text cells.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { unzipSync, zipSync } from 'fflate';
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { extractTable, type ColumnKind, type ExtractTable } from './extract-tables';

export const CLIENT_LIST_SHEET = 'Klanten';

/** Zip entry times are fixed, so the same list always gives the same bytes (the library stamps "now"). */
const ZIP_ENTRY_TIME = new Date(2017, 11, 31);

function cell(value: string, kind: ColumnKind): Cell {
  // Text cells keep leading zeros; Excel would turn 012345678 into the number 12345678.
  if (kind === 'count' || kind === 'amount') return { type: Number, value: Number(value) };
  return { type: String, value };
}

/** Reads the CSV line by line (header first) into sheet rows, checking the header and the column count. */
async function readSheetRows(csvPath: string, table: ExtractTable): Promise<Row[]> {
  const expectedHeader = table.columns.map(([name]) => name).join(',');
  const rows: Row[] = [];
  const lines = createInterface({ input: createReadStream(csvPath, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (lineNumber === 1) {
      if (line !== expectedHeader) throw new Error(`${csvPath}: the header row is "${line}", expected "${expectedHeader}".`);
      rows.push(table.columns.map(([name]) => ({ type: String, value: name, fontWeight: 'bold' })));
      continue;
    }
    if (line === '') continue;
    const values = line.split(',');
    if (values.length !== table.columns.length) {
      throw new Error(`${csvPath}, row ${lineNumber}: ${values.length} values, expected ${table.columns.length}.`);
    }
    rows.push(values.map((value, index) => cell(value, table.columns[index]![1])));
  }
  if (lineNumber === 0) throw new Error(`${csvPath} is empty: it has no header row.`);
  return rows;
}

/** Writes `xlsxPath` from the client list CSV; returns the number of data rows. */
export async function writeClientListXlsx(csvPath: string, xlsxPath: string): Promise<number> {
  const table = extractTable('clients');
  const rows = await readSheetRows(csvPath, table);
  const workbook = await writeExcelFile(rows, { sheet: CLIENT_LIST_SHEET, columns: table.columns.map(() => ({ width: 14 })) }).toBuffer();
  await writeFile(xlsxPath, zipSync(unzipSync(workbook), { mtime: ZIP_ENTRY_TIME }));
  return rows.length - 1;
}
