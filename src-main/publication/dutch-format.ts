// How a published figure reads in Dutch, in every file and on the terminal: "1.234", "32,5 %", "+3,4 %-punt",
// "€ 14.000", "< 0,001", and "x" for a hidden cell. Values arrive rounded (publication/precision.ts): this only writes them.
import type { PublishedCell, ValueFormat } from '../disclosure/checked-table';

/** The one mark of a hidden cell, in every table a reader gets. */
export const HIDDEN_MARK = 'x';
export const NO_BREAK_SPACE = '\u00a0';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(decimals: number, grouping: boolean, signed: boolean): Intl.NumberFormat {
  const key = `${decimals}:${grouping}:${signed}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, format);
  }
  return format;
}

/** Residuals and differences carry their sign: "+2,2", "-9,0". */
function signed(format: ValueFormat): boolean {
  return format === 'percentagePoints' || format === 'residual';
}

/** A figure as a person reads it. */
export function dutchFigure(value: number, format: ValueFormat, decimals: number): string {
  const number = formatter(decimals, true, signed(format)).format(value);
  switch (format) {
    case 'percent':
      return `${number}${NO_BREAK_SPACE}%`;
    case 'percentagePoints':
      return `${number}${NO_BREAK_SPACE}%-punt`;
    case 'amount':
      return `€${NO_BREAK_SPACE}${number}`;
    default:
      return number;
  }
}

/** A figure for a machine-readable Dutch file: decimal comma, no thousands separator, no unit. */
export function dutchPlain(value: number, decimals: number): string {
  return formatter(decimals, false, false).format(value);
}

/** "EUR"-free amount text for sentences ("€ 14.000"), "45 jaar", "2,5 personen". */
export function dutchAmountText(value: number, unit: 'euro' | 'jaar' | 'personen' | 'dagen', decimals: number): string {
  const number = formatter(decimals, true, false).format(value);
  switch (unit) {
    case 'euro':
      return `€${NO_BREAK_SPACE}${number}`;
    case 'jaar':
      return `${number}${NO_BREAK_SPACE}jaar`;
    case 'dagen':
      return `${number}${NO_BREAK_SPACE}${value === 1 ? 'dag' : 'dagen'}`;
    case 'personen':
      return `${number}${NO_BREAK_SPACE}${value === 1 ? 'persoon' : 'personen'}`;
  }
}

/** How a published cell reads: its own words, its figure, the hidden mark, or nothing. `format` is the column's or row's. */
export function cellReading(cell: PublishedCell, format: ValueFormat): string {
  switch (cell.status) {
    case 'suppressed':
      return HIDDEN_MARK;
    case 'empty':
      return cell.text ?? '';
    default:
      return cell.text ?? dutchFigure(cell.value, cell.format ?? format, cell.decimals);
  }
}
