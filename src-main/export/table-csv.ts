// A checked table as a Dutch CSV file: UTF-8 with BOM, a comment line with the rules used, ';' separator, decimal
// comma, every hidden cell as "x".
import { columnTitle, type CheckedTable, type PublishedCell } from '../disclosure/checked-table';
import { ruleSummary } from '../disclosure/rule-summary';
import type { RuleSet } from '../disclosure/rule-set';
import { dutchPlain, HIDDEN_MARK } from '../publication/dutch-format';
import { cellNote, unitsText } from './cell-text';

export const CSV_SEPARATOR = ';';
/** Excel (Dutch locale) reads a BOM-marked file as UTF-8; without it "ë" turns into "Ã«". */
const BYTE_ORDER_MARK = '\ufeff';
const LINE_END = '\r\n';

/** Characters a spreadsheet would read as the start of a formula when a text field begins with them. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted when it holds the separator, a quote, a line break or surrounding spaces. */
export function csvField(text: string): string {
  if (text === '') return '';
  if (/[;"\r\n]/.test(text) || text.trim() !== text) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/**
 * A label (text from the data) as a field: a label that starts like a formula gets a leading apostrophe,
 * so a spreadsheet shows it as text instead of evaluating it (CSV injection).
 */
export function csvLabel(text: string): string {
  return csvField(FORMULA_START.test(text) ? `'${text}` : text);
}

function cellField(cell: PublishedCell): string {
  if (cell.status === 'suppressed') return HIDDEN_MARK;
  if (cell.status === 'empty') return cell.text ? csvLabel(cell.text) : '';
  // A cell read in words ("Bijstand 81,3 %", "< 0,001") is written as those words: the number alone would lose them.
  if (cell.text !== undefined) return csvLabel(cell.text);
  return csvField(dutchPlain(cell.value, cell.decimals));
}

/** The CSV text (without BOM): the rules comment, a header row, then one line per table row. */
export function tableCsvText(table: CheckedTable, rules: RuleSet): string {
  const lines = [`# ${ruleSummary(rules)}`, [csvLabel(table.rowHeader), ...table.columns.map((column) => csvLabel(columnTitle(column)))].join(CSV_SEPARATOR)];
  for (const row of table.rows) {
    if (row.cells.length !== table.columns.length) {
      throw new Error(`Table "${table.id}", row "${row.id}": ${row.cells.length} cells for ${table.columns.length} columns.`);
    }
    lines.push([csvLabel(row.label), ...row.cells.map(cellField)].join(CSV_SEPARATOR));
  }
  return lines.join(LINE_END) + LINE_END;
}

/** The CSV file's bytes. */
export function tableCsv(table: CheckedTable, rules: RuleSet): Buffer {
  return Buffer.from(BYTE_ORDER_MARK + tableCsvText(table, rules), 'utf8');
}

/**
 * What a reader of the CSV must know that the file itself does not say (it stays machine-readable): the
 * title, population, rounded and review cells, and the table's own notes. These go to the output log.
 */
export function tableCsvNotes(table: CheckedTable): string[] {
  const notes = [`${table.title} (${table.population.label}, ${unitsText(table.population.units)} ${table.unit})`];
  for (const row of table.rows) {
    row.cells.forEach((cell, index) => {
      const note = cellNote(cell);
      if (note !== null) notes.push(`${row.label} / ${table.columns[index] ? columnTitle(table.columns[index]) : index}: ${note}`);
    });
  }
  return [...notes, ...table.notes];
}
