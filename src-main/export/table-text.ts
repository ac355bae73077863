// A checked table as aligned text for the terminal (`groepsbeeld run`): Dutch numbers, blocked cells in words.
import { columnTitle, type CheckedTable, type PublishedCell } from '../disclosure/checked-table';
import type { RuleSet } from '../disclosure/rule-set';
import { cellDisplayText, unitsText } from './cell-text';

/** Short words for cells without a value, so a table stays narrow enough for a terminal. */
function terminalCell(cell: PublishedCell, format: CheckedTable['columns'][number]['format'], rules: RuleSet): string {
  if (cell.status === 'blocked') return 'geblokkeerd';
  if (cell.status === 'secondary') return 'onderdrukt';
  if (cell.status === 'empty') return '';
  return cellDisplayText(cell, format, rules).replaceAll('\u00a0', ' ');
}

export function formatTableText(table: CheckedTable, rules: RuleSet): string {
  const header = [table.rowHeader, ...table.columns.map(columnTitle)];
  const body = table.rows.map((row) => [row.label, ...row.cells.map((cell, index) => terminalCell(cell, row.format ?? table.columns[index]?.format ?? 'number', rules))]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((text, column) => (column === 0 ? text.padEnd(widths[0] ?? 0) : text.padStart(widths[column] ?? 0))).join('  ');
  return [
    `${table.title} (${table.population.label}, N = ${unitsText(table.population.units)})`,
    line(header),
    ...body.map(line),
    ...table.notes.map((note) => `  ${note}`),
    '',
  ].join('\n');
}
