// A checked table as an .xlsx sheet: title, header, values as numbers with Dutch formats, every hidden cell as "x", a legend.
import { unzipSync, zipSync } from 'fflate';
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { columnTitle, type CheckedTable, type PublishedCell, type ValueFormat } from '../disclosure/checked-table';
import type { RuleSet } from '../disclosure/rule-set';
import { ruleSummary } from '../disclosure/rule-summary';
import { cellNote, HIDDEN_MARK, statusLegend, unitsText } from './cell-text';

/**
 * The Excel number format of a value with its decimals (the codes are locale-free: Dutch Excel shows "1.234" and
 * "12,3 %"). The percent format is a literal " %" after the number because the values are already in percent
 * (12.3, not 0.123). Residuals and differences carry their sign, as in every other format.
 */
export function xlsxNumberFormat(format: ValueFormat, decimals: number): string {
  const digits = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  const signed = (suffix: string) => `+0${digits}${suffix};-0${digits}${suffix};0${digits}${suffix}`;
  switch (format) {
    case 'count':
      return '#,##0';
    case 'percent':
      return `0${digits}" %"`;
    case 'percentagePoints':
      return signed('" %-punt"');
    case 'amount':
      return `"€ "#,##0${digits}`;
    case 'residual':
      return signed('');
    default:
      return `#,##0${digits}`;
  }
}

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

function valueCell(cell: PublishedCell, format: ValueFormat): Cell {
  if (cell.status === 'suppressed') return { type: String, value: HIDDEN_MARK, align: 'right', textColor: BLOCKED_COLOR };
  if (cell.status === 'empty') return cell.text ? { type: String, value: cell.text, align: 'right', textColor: '#555555', fontStyle: 'italic' } : null;
  if (cell.text !== undefined) return { type: String, value: cell.text, align: 'right' };
  return { type: Number, value: cell.value, format: xlsxNumberFormat(cell.format ?? format, cell.decimals) };
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
    ],
  ];
  for (const row of table.rows) {
    rows.push([
      text(row.label, row.total ? { fontWeight: 'bold' } : {}),
      ...row.cells.map((cell, index) => valueCell(cell, row.format ?? table.columns[index]?.format ?? 'number')),
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
  rows.push([], [text(ruleSummary(rules), { textColor: '#555555' })]);
  return rows;
}

/** The .xlsx file's bytes; zip entries stamped `time` so the same table gives the same bytes. */
export async function tableXlsx(table: CheckedTable, rules: RuleSet, time: Date): Promise<Buffer> {
  const workbook = await writeExcelFile(tableSheetRows(table, rules), {
    sheet: sheetName(table.title),
    columns: [{ width: 34 }, ...table.columns.map(() => ({ width: 18 }))],
  }).toBuffer();
  return withFixedZipTime(workbook, time);
}
