// One raw aggregate (a count, share, statistic or magnitude, with what it was computed from) checked against
// the primary rules and turned into the cell that may leave the main process.
import type { PublishedCell } from './checked-table';
import { countStatus, extremeStatus, shareStatus, statisticStatus, type CellStatus } from './primary-rules';
import type { RuleSet } from './rule-set';

/** An aggregate as the engine computed it, with the unit counts the rules need. Never leaves the main process. */
export type RawCell =
  | { kind: 'count'; units: number }
  /** A share in percent of `denominator` units; both groups need the threshold. */
  | { kind: 'share'; numerator: number; denominator: number }
  /** A mean, median, quartile or standard deviation over `units` units (value null when there were none). */
  | { kind: 'statistic'; units: number; value: number | null }
  /** A sum or mean of amounts with what dominance needs: the number of contributors, their total and the largest ones. */
  | { kind: 'magnitude'; units: number; value: number | null; total: number; largest: readonly number[] }
  | { kind: 'extreme' };

/**
 * NK dominance and the p% rule from a magnitude cell's summary. The n largest contributions and the total
 * are all the NK rule needs; the p% rule needs the two largest. `largest` holds absolute values.
 */
export function magnitudeSummaryStatus(units: number, total: number, largest: readonly number[], rules: RuleSet): CellStatus {
  if (units < rules.threshold) return { status: 'blocked', rule: 'threshold' };
  const sorted = [...largest].map(Math.abs).sort((a, b) => b - a);
  if (sorted.length < Math.min(units, Math.max(rules.dominance.n, 2))) {
    throw new Error(`A magnitude cell needs its ${Math.max(rules.dominance.n, 2)} largest contributions to be checked.`);
  }
  if (total <= 0) return { status: 'safe' };
  const top = sorted.slice(0, rules.dominance.n).reduce((sum, value) => sum + value, 0);
  if (top >= rules.dominance.k * total) return { status: 'blocked', rule: 'dominance' };
  const first = sorted[0] ?? 0;
  const second = sorted[1] ?? 0;
  if (total - first - second < rules.pPercent * first) return { status: 'blocked', rule: 'p-percent' };
  return { status: 'safe' };
}

function withValue(status: CellStatus, value: number | null, decimals: number): PublishedCell {
  if (status.status === 'blocked') return { status: 'suppressed' };
  if (value === null || !Number.isFinite(value)) return { status: 'empty' };
  return status.status === 'review' ? { status: 'review', reason: status.reason, value, decimals } : { status: 'safe', value, decimals };
}

/** The published form of one raw cell checked on its own (outputs outside the study's ledger: a model's cluster sizes). */
export function checkCell(cell: RawCell, rules: RuleSet, decimals = 0): PublishedCell {
  switch (cell.kind) {
    case 'count':
      return withValue(countStatus(cell.units, rules), cell.units, 0);
    case 'share':
      return withValue(
        shareStatus(cell.numerator, cell.denominator, rules),
        cell.denominator === 0 ? null : (100 * cell.numerator) / cell.denominator,
        decimals,
      );
    case 'statistic':
      return withValue(statisticStatus(cell.units, rules), cell.value, decimals);
    case 'magnitude':
      return withValue(magnitudeSummaryStatus(cell.units, cell.total, cell.largest, rules), cell.value, decimals);
    case 'extreme':
      return withValue(extremeStatus(), null, decimals);
  }
}
