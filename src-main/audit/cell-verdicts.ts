// The audit's verdicts on what the attacker learns: a hidden cell too narrowly pinned, a cell class certainly small;
// and what the attacker would like to know of a figure, with where a finding about it points.
import type { AttackerSystem } from './attacker-system';
import type { Finding } from './audit-findings';
import type { Knowledge, SolvedSides, TargetInterval } from './interval-targets';
import type { LinearExpression } from './linear-expression';
import type { SystemFigure } from './system-parts';

/** A hidden cell fails when the attacker pins it to fewer than the protection level and it could be below the threshold. */
export function hiddenCellPasses(interval: Pick<TargetInterval, 'lower' | 'upper'>, rules: AttackerSystem['rules'], conceded = rules.protectionLevel): boolean {
  return !(interval.upper - interval.lower < Math.min(rules.protectionLevel, conceded) && interval.lower < rules.threshold);
}

/**
 * A cell class (a group of households no printed figure splits) fails when it is certainly small: every count the
 * attacker can reach is at least 1 and below the threshold, so the package says that such a small group exists. A
 * class that may be empty, or may hold the threshold or more, says no such thing (an interval like [2, 11] is no
 * published small count). Hidden cells of the tables have the stricter rule of hiddenCellPasses.
 */
function classVerdict(knowledge: Knowledge, rules: AttackerSystem['rules']): 'pass' | 'fail' | 'open' {
  if (knowledge.lowerAttained <= 0 || knowledge.upperAttained >= rules.threshold || knowledge.lowerProven >= rules.threshold) return 'pass';
  if (knowledge.lowerProven >= 1 && knowledge.upperProven < rules.threshold) return 'fail';
  return 'open';
}

/**
 * Whether classFails can already tell: a verdict from whole-number solutions, or LP bounds that cannot make the class
 * certainly small (it may be empty, or may hold the threshold or more). Only the others need both of their sides.
 */
export function classSettled(knowledge: Knowledge, solved: SolvedSides, rules: AttackerSystem['rules']): boolean {
  return (
    classVerdict(knowledge, rules) !== 'open' || (solved.lower && knowledge.lowerProven <= 0) || (solved.upper && knowledge.upperProven >= rules.threshold)
  );
}

export function classFails(interval: TargetInterval, rules: AttackerSystem['rules']): boolean {
  const verdict = classVerdict(interval, rules);
  if (verdict !== 'open') return verdict === 'fail';
  // Not settled by whole-number solutions: judge the LP bounds.
  return interval.lower >= 1 && interval.upper < rules.threshold;
}

export function intervalText(interval: Pick<TargetInterval, 'lower' | 'upper'>): string {
  return `[${interval.lower}, ${interval.upper === Infinity ? '∞' : interval.upper}]`;
}

/** The cell an attacker would like to know for a hidden figure, and how wide the print itself already leaves it. */
export function hiddenTarget(figure: SystemFigure): { target: LinearExpression; conceded: number } | null {
  const { printed, meaning } = figure;
  if (printed === null || figure.row === null) return null;
  const hidden = printed.kind === 'hidden';
  const below = printed.kind === 'below';
  if (meaning.kind === 'count' || meaning.kind === 'record') {
    if (hidden) return { target: meaning.expression, conceded: Infinity };
    // "< 10" concedes [0, 9]: the attacker must not narrow it further (up to the protection level).
    if (below) return { target: meaning.expression, conceded: Math.ceil(printed.value) - 1 };
  }
  if ((meaning.kind === 'share' || meaning.kind === 'shareAtLeast') && hidden) return { target: meaning.numerator, conceded: Infinity };
  return null;
}

export function figureWhere(figure: SystemFigure): Pick<Finding, 'package' | 'output' | 'row' | 'column' | 'label'> {
  return {
    package: figure.package,
    output: figure.output,
    ...(figure.row === null ? {} : { row: figure.row }),
    ...(figure.column === null ? {} : { column: figure.column }),
    label: figure.label,
  };
}
