// A checked table as an .xlsx sheet: title, header, values as numbers with Dutch formats, blocked cells as words, a legend.
import { unzipSync, zipSync } from 'fflate';
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { columnTitle, type CheckedTable, type PublishedCell, type ValueFormat } from '../disclosure/checked-table';
import type { RuleSet } from '../disclosure/rule-set';
import { cellNote, cellWithoutValueText, STATUS_MARK, statusLegend, unitsText } from './cell-text';

/**
 * Excel number formats (the codes are locale-free: Dutch Excel shows "1.234" and "12,3 %"). The percent
 * format is a literal " %" after the number because the values are already in percent (12.3, not 0.123).
 */
export const XLSX_NUMBER_FORMAT: Record<ValueFormat, string> = {
  count: '#,##0',
  percent: '0.0" %"',
  percentagePoints: '0.0" %-punt"',
  amount: '"€ "#,##0',
  number: '#,##0.00',
  pValue: '0.000',
  residual: '+0.0;-0.0;0.0',
};

const HEADER_FILL = '#E8EEF4';
const BLOCKED_COLOR = '#8A1C1C';

/**
 * Rewrites the workbook's zip with every entry stamped `time`: write-excel-file stamps "now", so without
 * this the same table would give different bytes (and checksums) on every export.
 */
export function withFixedZipTime(workbook: Uint8Array, time: Date): Buffer {
  return Buffer.from(zipSync(unzipSync(workbook), { mtime: time }));
}

/** The sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(text: string): string {
  const cleaned = text.replace(/[:\\/?*[\]]/g, ' ').trim();
  return (cleaned === '' ? 'Tabel' : cleaned).slice(0, 31);
}

function valueCell(cell: PublishedCell, format: ValueFormat, rules: RuleSet): Cell {
  const words = cellWithoutValueText(cell, rules);
  if (words !== null) {
    return { type: String, value: words, align: 'right', textColor: cell.status === 'empty' ? '#555555' : BLOCKED_COLOR, fontStyle: 'italic' };
  }
  if (!('value' in cell)) return null;
  if ('text' in cell && cell.text !== undefined) return { type: String, value: cell.text, align: 'right' };
  return { type: Number, value: cell.value, format: XLSX_NUMBER_FORMAT[format] };
}

function markText(cells: readonly PublishedCell[]): string {
  return [...new Set(cells.map((cell) => STATUS_MARK[cell.status]).filter((mark) => mark !== '' && mark !== STATUS_MARK.empty))].join(' ');
}

/** The sheet's rows: title, population, header, the table, then notes and the status legend. */
export function tableSheetRows(table: CheckedTable, rules: RuleSet): Row[] {
  const text = (value: string, extra: Partial<Exclude<Cell, null | undefined | string | number | boolean | Date>> = {}): Cell => ({
    type: String,
    value,
    ...extra,
  });
  const rows: Row[] = [
    [text(table.title, { fontWeight: 'bold', fontSize: 14 })],
    [text(`Populatie: ${table.population.label} (${unitsText(table.population.units)} ${table.unit})`)],
    [],
    [
      text(table.rowHeader, { fontWeight: 'bold', backgroundColor: HEADER_FILL }),
      ...table.columns.map((column) => text(columnTitle(column), { fontWeight: 'bold', backgroundColor: HEADER_FILL, align: 'right', wrap: true })),
      text('Status', { fontWeight: 'bold', backgroundColor: HEADER_FILL }),
    ],
  ];
  for (const row of table.rows) {
    rows.push([
      text(row.label, row.total ? { fontWeight: 'bold' } : {}),
      ...row.cells.map((cell, index) => valueCell(cell, row.format ?? table.columns[index]?.format ?? 'number', rules)),
      text(markText(row.cells)),
    ]);
  }
  const notes = table.rows.flatMap((row) =>
    row.cells.flatMap((cell, index) => {
      const note = cellNote(cell);
      return note === null ? [] : [`${row.label} / ${table.columns[index] ? columnTitle(table.columns[index]) : index}: ${note}`];
    }),
  );
  rows.push([]);
  for (const note of [...notes, ...table.notes]) rows.push([text(note, { fontStyle: 'italic' })]);
  rows.push([], [text('Legenda', { fontWeight: 'bold' })]);
  for (const entry of statusLegend(rules)) rows.push([text(entry.mark === '' ? '(geen)' : entry.mark), text(entry.text)]);
  rows.push([], [text(`Regelset: ${rules.name} (SHA-256 ${table.ruleSet.digest})`, { textColor: '#555555' })]);
  return rows;
}

/** The .xlsx file's bytes; zip entries stamped `time` so the same table gives the same bytes. */
export async function tableXlsx(table: CheckedTable, rules: RuleSet, time: Date): Promise<Buffer> {
  const workbook = await writeExcelFile(tableSheetRows(table, rules), {
    sheet: sheetName(table.title),
    columns: [{ width: 34 }, ...table.columns.map(() => ({ width: 18 })), { width: 10 }],
  }).toBuffer();
  return withFixedZipTime(workbook, time);
}
