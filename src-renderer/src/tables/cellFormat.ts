// How a published cell reads on screen: its own words, or its already rounded value written with its own decimals
// (Dutch exactly as the export writes it: 11.346, 32,5 %, +3,4 %-punt, € 14.000); never rounded again here.
import { localeOf, type Language } from '../i18n/language';
import type { CheckedTable } from '../api/types';

export type ValueFormat = CheckedTable['columns'][number]['format'];
export type PublishedCell = CheckedTable['rows'][number]['cells'][number];

/** The one mark of a hidden cell, on screen as in every exported file. */
export const HIDDEN_MARK = 'x';
const NO_BREAK_SPACE = '\u00a0';

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, decimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${language}:${decimals}:${signed}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf[language], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, format);
  }
  return format;
}

/** Differences of shares and residuals carry their sign: "+2,2", "-9,0". */
function isSigned(format: ValueFormat): boolean {
  return format === 'percentagePoints' || format === 'residual';
}

/**
 * A published value as a person reads it. `decimals` is the cell's own (the precision the main process rounded it
 * to); the value is only written, so the screen, the CSV, the sheet and the reports show the same figure.
 */
export function formatCellValue(value: number, format: ValueFormat, decimals: number, language: Language): string {
  const number = numberFormat(language, decimals, isSigned(format)).format(value);
  switch (format) {
    case 'percent':
      return `${number}${NO_BREAK_SPACE}%`;
    case 'percentagePoints':
      return language === 'nl' ? `${number}${NO_BREAK_SPACE}%-punt` : `${number}${NO_BREAK_SPACE}pp`;
    case 'amount':
      return `€${NO_BREAK_SPACE}${number}`;
    default:
      return number;
  }
}

/** The format a cell is written in: its own when it has one, else its row's, else its column's. */
export function cellFormatOf(table: CheckedTable, rowIndex: number, columnIndex: number): ValueFormat {
  const row = table.rows[rowIndex];
  const cell = row?.cells[columnIndex];
  return (cell && 'format' in cell ? cell.format : undefined) ?? row?.format ?? table.columns[columnIndex]?.format ?? 'number';
}

/** How a cell reads, without its status mark: its words, its figure, "x" when hidden, "–" when there is nothing. */
export function cellReading(cell: PublishedCell, format: ValueFormat, language: Language): string {
  switch (cell.status) {
    case 'suppressed':
      return HIDDEN_MARK;
    case 'empty':
      return cell.text ?? '–';
    default:
      return cell.text ?? formatCellValue(cell.value, cell.format ?? format, cell.decimals, language);
  }
}

/** The mark beside a shown value, as in the export: c under review, a rounded to a base; none otherwise. */
export function statusMark(cell: PublishedCell): 'c' | 'a' | null {
  return cell.status === 'review' ? 'c' : cell.status === 'rounded' ? 'a' : null;
}

/**
 * "90 % of meer" kept on one line where words wrap freely (a persona card): a no-break space between a figure and its
 * "%". Only for display beside the tables; the tables show the main process's words exactly as the export writes them.
 */
export function keepFiguresTogether(text: string): string {
  return text.replace(/(\d) %/g, `$1${NO_BREAK_SPACE}%`);
}
