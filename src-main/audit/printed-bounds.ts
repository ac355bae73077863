// How far a printed figure's true value may lie from what is printed: rounding, decimals, "< value" bounds, and a
// printed difference of two shares once both denominators are known.
import { linearExpression, type RangedConstraint } from './linear-expression';
import type { PendingDifference } from './system-parts';

/**
 * Half the base: the contract of definities.json ("each count is known to within half the base"), which holds for
 * publication/precision.ts (the nearest multiple). Controlled rounding (disclosure/controlled-rounding.ts) may move a
 * count to either neighbouring multiple, up to base - 1 away: a package rounded that way can make this system
 * inconsistent, and the audit then says so.
 */
export function roundingHalfWidth(base: number): number {
  return base / 2;
}

/** Half a unit of the last printed decimal: "16,8" lies in [16,75; 16,85]. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** The largest whole count below a printed bound "< value". */
export function belowBound(value: number): number {
  return Math.ceil(value) - 1;
}

/** The difference of two shares as a linear constraint, once both denominators are known exactly. */
export function differenceConstraint(difference: PendingDifference, minuendDenominator: number, subtrahendDenominator: number): RangedConstraint {
  const terms = linearExpression([
    ...difference.minuend.numerator.map((term) => ({ variable: term.variable, coefficient: (100 * term.coefficient) / minuendDenominator })),
    ...difference.subtrahend.numerator.map((term) => ({ variable: term.variable, coefficient: (-100 * term.coefficient) / subtrahendDenominator })),
  ]);
  const { figure } = difference;
  return {
    terms,
    lower: difference.value - difference.halfWidth,
    upper: difference.value + difference.halfWidth,
    source: `${figure.package}: uitvoer ${figure.output}, ${figure.label} (verschil van aandelen)`,
  };
}
