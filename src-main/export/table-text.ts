// A checked table as aligned text for the terminal (`groepsbeeld run`): Dutch numbers, every hidden cell as "x".
import { cellFormat, columnTitle, type CheckedTable } from '../disclosure/checked-table';
import { cellDisplayText, unitsText } from './cell-text';

export function formatTableText(table: CheckedTable): string {
  const header = [table.rowHeader, ...table.columns.map(columnTitle)];
  const body = table.rows.map((row, rowIndex) => [
    row.label,
    ...row.cells.map((cell, index) => cellDisplayText(cell, cellFormat(table, rowIndex, index) ?? 'number').replaceAll('\u00a0', ' ')),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((text, column) => (column === 0 ? text.padEnd(widths[0] ?? 0) : text.padStart(widths[column] ?? 0))).join('  ');
  return [
    `${table.title} (${table.population.label}, N = ${unitsText(table.population.units)})`,
    line(header),
    ...body.map(line),
    ...table.notes.map((note) => `  ${note}`),
    '',
  ].join('\n');
}
