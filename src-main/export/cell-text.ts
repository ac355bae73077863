// How a checked cell reads in an export: Dutch number formats, one mark for every hidden cell, the legend, and the
// Dutch words for each blocking rule (which only the output log names, per cell, for the checker).
import type { BlockingRule } from '../disclosure/primary-rules';
import type { CellStatusName, PublishedCell, ValueFormat } from '../disclosure/checked-table';
import type { RuleSet } from '../disclosure/rule-set';
import { cellReading, dutchFigure, dutchPlain, HIDDEN_MARK, NO_BREAK_SPACE } from '../publication/dutch-format';

export { HIDDEN_MARK };

/** A number in Dutch as a person reads it: 1.234, 12,3 %, € 14.000 (a percent value is already in percent, 12.3). */
export function formatDutch(
  value: number,
  format: ValueFormat,
  decimals = format === 'percent' || format === 'percentagePoints' || format === 'residual' ? 1 : 0,
): string {
  return dutchFigure(value, format, decimals);
}

/** A number for a machine-readable Dutch file: decimal comma, no thousands separator, no unit. */
export function formatDutchPlain(value: number, decimals: number): string {
  return dutchPlain(value, decimals);
}

/** Why a cell is hidden, in the words of the rule set it was checked against (the output log's reasons). */
export function blockedText(rule: BlockingRule, rules: RuleSet): string {
  const percent = (share: number): string => `${dutchPlain(share * 100, 0)}${NO_BREAK_SPACE}%`;
  switch (rule) {
    case 'threshold':
      return `minder dan ${rules.threshold} eenheden, of de rest van de groep is kleiner dan ${rules.threshold}`;
    case 'statistic-threshold':
      return `berekend over minder dan ${rules.statisticThreshold} eenheden`;
    case 'dominance':
      return `dominantie (${rules.dominance.n} grootste bijdragen ≥ ${percent(rules.dominance.k)})`;
    case 'p-percent':
      return `p%-regel (p = ${percent(rules.pPercent)})`;
    case 'min-max':
      return 'minimum of maximum wordt nooit getoond';
    case 'degrees-of-freedom':
      return `minder dan ${rules.residualDegreesOfFreedom} vrijheidsgraden`;
  }
}

export const SECONDARY_TEXT = 'secundair onderdrukt: zodat een andere verborgen cel niet is terug te rekenen';
export const DERIVED_TEXT = 'berekend uit een verborgen aantal';

/** Short marks shown beside a value in the report and the sheet, explained in the legend. */
export const STATUS_MARK: Record<CellStatusName, string> = {
  safe: '',
  review: 'c',
  rounded: 'a',
  suppressed: HIDDEN_MARK,
  empty: '–',
};

/** The legend under every table: what each mark means. One line for every hidden cell, whatever hid it. */
export function statusLegend(rules: RuleSet): Array<{ status: CellStatusName; mark: string; text: string }> {
  return [
    {
      status: 'suppressed',
      mark: HIDDEN_MARK,
      text: `niet getoond: te weinig huishoudens (minder dan ${rules.threshold}), of terug te rekenen uit andere cijfers van deze studie`,
    },
    {
      status: 'review',
      mark: STATUS_MARK.review,
      text: 'ter controle: een nul of een categorie met (bijna) een hele groep; een outputcontroleur kijkt ernaar',
    },
    { status: 'rounded', mark: STATUS_MARK.rounded, text: `afgerond op een veelvoud van ${rules.roundingBase}` },
    { status: 'empty', mark: STATUS_MARK.empty, text: 'leeg: niets te tonen' },
  ];
}

/** A cell as a person reads it: the formatted value (or its words) with its mark, "x", or nothing. */
export function cellDisplayText(cell: PublishedCell, format: ValueFormat): string {
  const reading = cellReading(cell, format);
  if (cell.status === 'suppressed' || cell.status === 'empty') return cell.status === 'empty' && reading === '' ? STATUS_MARK.empty : reading;
  const mark = STATUS_MARK[cell.status];
  return mark === '' ? reading : `${reading} ${mark}`;
}

/** The note a rounded or review cell adds to the output log and the report. */
export function cellNote(cell: PublishedCell): string | null {
  if (cell.status === 'rounded') return `afgerond op een veelvoud van ${cell.base}`;
  if (cell.status === 'review') return cell.reason === 'zero' ? 'ter controle: nulcel' : 'ter controle: groepsonthulling';
  return null;
}

/** A population's published unit count: "11.346", or "x" when the count itself is hidden. */
export function unitsText(units: number | { below: number }): string {
  return typeof units === 'number' ? dutchFigure(units, 'count', 0) : HIDDEN_MARK;
}
