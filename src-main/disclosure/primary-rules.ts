// Primary disclosure rules, one pure function per kind of cell: counts, shares, statistics, magnitudes, groups.
import type { BlockingRule } from './checked-table';
import type { RuleSet } from './rule-set';

export type { BlockingRule };

/** What a cell may do on its way out: be shown, be blocked (and by which rule), or need a checker's review. */
export type CellStatus = { status: 'safe' } | { status: 'blocked'; rule: BlockingRule } | { status: 'review'; reason: 'zero' | 'group-disclosure' };

const SAFE: CellStatus = { status: 'safe' };

/** A count of units: at least the threshold; zero is flagged for review (it can say "no one here has X"). */
export function countStatus(units: number, rules: RuleSet): CellStatus {
  if (units === 0) return rules.zeroCells === 'review' ? { status: 'review', reason: 'zero' } : SAFE;
  return units < rules.threshold ? { status: 'blocked', rule: 'threshold' } : SAFE;
}

/** A share: its numerator and its denominator group each need the threshold. */
export function shareStatus(numerator: number, denominator: number, rules: RuleSet): CellStatus {
  if (denominator < rules.threshold) return { status: 'blocked', rule: 'threshold' };
  return countStatus(numerator, rules);
}

/** A mean, median, standard deviation or percentile: computed over enough units. */
export function statisticStatus(units: number, rules: RuleSet): CellStatus {
  return units < rules.statisticThreshold ? { status: 'blocked', rule: 'statistic-threshold' } : SAFE;
}

/** Minima and maxima are single units' values: never exported. */
export function extremeStatus(): CellStatus {
  return { status: 'blocked', rule: 'min-max' };
}

/**
 * A magnitude cell (a sum or mean of incomes) from its contributions: enough contributors, no NK
 * dominance (the n largest make up k or more of the total) and the p% rule (the second largest cannot
 * estimate the largest to within p %). Contributions are absolute values, in any order.
 */
export function magnitudeStatus(contributions: readonly number[], rules: RuleSet): CellStatus {
  if (contributions.length < rules.threshold) return { status: 'blocked', rule: 'threshold' };
  const sorted = contributions.map(Math.abs).sort((a, b) => b - a);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  if (total === 0) return SAFE;
  const largest = sorted.slice(0, rules.dominance.n).reduce((sum, value) => sum + value, 0);
  if (largest >= rules.dominance.k * total) return { status: 'blocked', rule: 'dominance' };
  const first = sorted[0] ?? 0;
  const second = sorted[1] ?? 0;
  if (total - first - second < rules.pPercent * first) return { status: 'blocked', rule: 'p-percent' };
  return SAFE;
}

/**
 * The pq rule (tau-ARGUS, sdcTable): the p% rule for an intruder who already knows every contribution to
 * within q, so the remainder must be at least (p / q) times the largest. p and q are shares (0.6, 0.8), not percents.
 * Reported as the p% rule it refines, so a blocked cell names a rule the output checker knows.
 */
export function pqStatus(contributions: readonly number[], p: number, q: number): CellStatus {
  const sorted = contributions.map(Math.abs).sort((a, b) => b - a);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const first = sorted[0] ?? 0;
  const second = sorted[1] ?? 0;
  return total - first - second < (p / q) * first ? { status: 'blocked', rule: 'p-percent' } : SAFE;
}

/** Group disclosure: a category holding (nearly) all of a group's units tells something about each of them. */
export function groupStatus(categoryUnits: readonly number[], rules: RuleSet): CellStatus {
  const total = categoryUnits.reduce((sum, value) => sum + value, 0);
  if (total === 0) return SAFE;
  return categoryUnits.some((units) => units >= rules.groupShare * total) ? { status: 'review', reason: 'group-disclosure' } : SAFE;
}

/** Residual degrees of freedom of a model. */
export function modelStatus(residualDegreesOfFreedom: number, rules: RuleSet): CellStatus {
  return residualDegreesOfFreedom < rules.residualDegreesOfFreedom ? { status: 'blocked', rule: 'degrees-of-freedom' } : SAFE;
}
