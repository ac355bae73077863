// How a checked cell reads in an export: Dutch number formats, and the Dutch words for every status and blocking rule.
import type { BlockingRule } from '../disclosure/primary-rules';
import type { CellStatusName, PublishedCell, ValueFormat } from '../disclosure/checked-table';
import type { RuleSet } from '../disclosure/rule-set';

/** Decimals shown per value format; the CSV and the sheets use the same, so every file says the same number. */
export const FORMAT_DECIMALS: Record<ValueFormat, number> = {
  count: 0,
  percent: 1,
  percentagePoints: 1,
  amount: 0,
  number: 2,
  pValue: 3,
  residual: 1,
};

const NO_BREAK_SPACE = '\u00a0';

const grouped = new Map<number, Intl.NumberFormat>();
const plain = new Map<number, Intl.NumberFormat>();

function formatter(cache: Map<number, Intl.NumberFormat>, decimals: number, useGrouping: boolean): Intl.NumberFormat {
  let format = cache.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping });
    cache.set(decimals, format);
  }
  return format;
}

/** A number in Dutch as a person reads it: 1.234, 12,3 %, € 14.000 (a percent value is already in percent, 12.3). */
export function formatDutch(value: number, format: ValueFormat): string {
  const number = formatter(grouped, FORMAT_DECIMALS[format], true).format(value);
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

/** A number for a machine-readable Dutch file: decimal comma, no thousands separator, no unit. */
export function formatDutchPlain(value: number, format: ValueFormat): string {
  return formatter(plain, FORMAT_DECIMALS[format], false).format(value);
}

/** Why a blocked cell is blocked, in the words of the rule set it was checked against. */
export function blockedText(rule: BlockingRule, rules: RuleSet): string {
  const percent = (share: number): string => `${formatter(plain, 0, false).format(share * 100)}${NO_BREAK_SPACE}%`;
  switch (rule) {
    case 'threshold':
      return `geblokkeerd: minder dan ${rules.threshold} eenheden`;
    case 'statistic-threshold':
      return `geblokkeerd: berekend over minder dan ${rules.statisticThreshold} eenheden`;
    case 'dominance':
      return `geblokkeerd: dominantie (${rules.dominance.n} grootste bijdragen ≥ ${percent(rules.dominance.k)})`;
    case 'p-percent':
      return `geblokkeerd: p%-regel (p = ${percent(rules.pPercent)})`;
    case 'min-max':
      return 'geblokkeerd: minimum of maximum wordt nooit getoond';
    case 'degrees-of-freedom':
      return `geblokkeerd: minder dan ${rules.residualDegreesOfFreedom} vrijheidsgraden`;
  }
}

export const SECONDARY_TEXT = 'secundair onderdrukt';
export const EMPTY_TEXT = 'leeg';

/** Short marks shown beside a value in the report and the sheet, explained in the legend. */
export const STATUS_MARK: Record<CellStatusName, string> = {
  safe: '',
  review: 'c',
  rounded: 'a',
  blocked: 'x',
  secondary: 's',
  empty: '–',
};

/** The legend under every table: what each status means. */
export function statusLegend(rules: RuleSet): Array<{ status: CellStatusName; mark: string; text: string }> {
  return [
    { status: 'safe', mark: '', text: 'veilig: voldoet aan alle regels' },
    { status: 'review', mark: STATUS_MARK.review, text: 'ter controle: een nul of een categorie met (bijna) een hele groep; een outputcontroleur kijkt ernaar' },
    { status: 'rounded', mark: STATUS_MARK.rounded, text: 'afgerond op een veelvoud van de afrondingsbasis (gecontroleerd afronden)' },
    { status: 'blocked', mark: STATUS_MARK.blocked, text: `geblokkeerd door een primaire regel (drempel ${rules.threshold}); de waarde wordt nooit getoond` },
    { status: 'secondary', mark: STATUS_MARK.secondary, text: 'secundair onderdrukt, zodat een geblokkeerde cel niet terug te rekenen is' },
    { status: 'empty', mark: STATUS_MARK.empty, text: 'leeg: niets te tonen' },
  ];
}

/** The words for a cell without a value; null for a cell that has one. */
export function cellWithoutValueText(cell: PublishedCell, rules: RuleSet): string | null {
  switch (cell.status) {
    case 'blocked':
      return blockedText(cell.rule, rules);
    case 'secondary':
      return SECONDARY_TEXT;
    case 'empty':
      return EMPTY_TEXT;
    default:
      return null;
  }
}

/** A cell as a person reads it: the formatted value with its mark, or the words for why there is none. */
export function cellDisplayText(cell: PublishedCell, format: ValueFormat, rules: RuleSet): string {
  const withoutValue = cellWithoutValueText(cell, rules);
  if (withoutValue !== null) return withoutValue;
  if (!('value' in cell)) return '';
  const mark = STATUS_MARK[cell.status];
  if ('text' in cell && cell.text !== undefined) return mark === '' ? cell.text : `${cell.text} ${mark}`;
  return mark === '' ? formatDutch(cell.value, format) : `${formatDutch(cell.value, format)} ${mark}`;
}

/** The note a rounded or review cell adds to the output log and the report. */
export function cellNote(cell: PublishedCell): string | null {
  if (cell.status === 'rounded') return `afgerond op een veelvoud van ${cell.base}`;
  if (cell.status === 'review') return cell.reason === 'zero' ? 'ter controle: nulcel' : 'ter controle: groepsonthulling';
  return null;
}

/** A population's published unit count: "11.346", or "< 10" when the count itself was blocked. */
export function unitsText(units: number | { below: number }): string {
  return typeof units === 'number' ? formatDutch(units, 'count') : `< ${units.below}`;
}
