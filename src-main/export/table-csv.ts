// A checked table as a Dutch CSV file: UTF-8 with BOM, ';' separator, decimal comma, blocked cells as words.
import { columnTitle, type CheckedTable, type PublishedCell, type ValueFormat } from '../disclosure/checked-table';
import type { RuleSet } from '../disclosure/rule-set';
import { cellNote, cellWithoutValueText, formatDutchPlain, unitsText } from './cell-text';

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

function cellField(cell: PublishedCell, format: ValueFormat, rules: RuleSet): string {
  const words = cellWithoutValueText(cell, rules);
  if (words !== null) return csvField(words);
  // A cell read in words ("Bijstand 81 %") is written as those words: the number alone would lose the category.
  if ('text' in cell && cell.text !== undefined) return csvLabel(cell.text);
  return 'value' in cell ? csvField(formatDutchPlain(cell.value, format)) : '';
}

/** The CSV text (without BOM): a header row, then one line per table row. */
export function tableCsvText(table: CheckedTable, rules: RuleSet): string {
  const lines = [[csvLabel(table.rowHeader), ...table.columns.map((column) => csvLabel(columnTitle(column)))].join(CSV_SEPARATOR)];
  for (const row of table.rows) {
    if (row.cells.length !== table.columns.length) {
      throw new Error(`Table "${table.id}", row "${row.id}": ${row.cells.length} cells for ${table.columns.length} columns.`);
    }
    const fields = row.cells.map((cell, index) => {
      const format = row.format ?? table.columns[index]?.format;
      return format ? cellField(cell, format, rules) : '';
    });
    lines.push([csvLabel(row.label), ...fields].join(CSV_SEPARATOR));
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
