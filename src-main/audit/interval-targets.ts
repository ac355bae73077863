// What the interval solver is asked (targets) and what it answers: what is known of each target's interval, and
// the statistics of a run. Knowledge adds up over the components a target touches.
import type { LinearExpression } from './linear-expression';

/**
 * What is known of the attacker's whole-number interval [min, max] of a target:
 * lowerProven <= min <= lowerAttained and upperAttained <= max <= upperProven.
 * "Proven" bounds come from the linear programs (rounded inwards); "attained" ones from whole-number solutions found.
 */
export interface Knowledge {
  readonly lowerProven: number;
  readonly lowerAttained: number;
  readonly upperAttained: number;
  readonly upperProven: number;
}

export interface IntervalRequest {
  readonly target: LinearExpression;
  /**
   * Optional: true once the caller needs no more (a verdict is known). Then the solver may skip programs, using
   * whole-number solutions found for other targets. `solved` says which sides a program of the target's own has
   * bounded (a proven bound on a side not solved may be loose). Without it both endpoints are solved.
   */
  readonly settled?: (knowledge: Knowledge, solved: SolvedSides) => boolean;
}

/** The sides of a target a linear program of its own (or of a whole-number search) has bounded. */
export interface SolvedSides {
  readonly lower: boolean;
  readonly upper: boolean;
}

export interface TargetInterval extends Knowledge {
  /** The attacker's interval as far as proven: [lowerProven, upperProven] (upper Infinity when nothing bounds it). */
  readonly lower: number;
  readonly upper: number;
  /** Both endpoints are attained by whole-number solutions: the interval is exact for an attacker who uses whole counts. */
  readonly integerVerified: boolean;
}

export interface IntervalStatistics {
  readonly variables: number;
  readonly fixedByPresolve: number;
  readonly components: number;
  readonly largestComponent: { readonly variables: number; readonly rows: number };
  readonly programs: number;
  readonly branchNodes: number;
}

export const UNKNOWN: Knowledge = { lowerProven: -Infinity, lowerAttained: Infinity, upperAttained: -Infinity, upperProven: Infinity };

export function addKnowledge(a: Knowledge, b: Knowledge): Knowledge {
  return {
    lowerProven: a.lowerProven + b.lowerProven,
    lowerAttained: a.lowerAttained + b.lowerAttained,
    upperAttained: a.upperAttained + b.upperAttained,
    upperProven: a.upperProven + b.upperProven,
  };
}

export function shifted(knowledge: Knowledge, constant: number): Knowledge {
  return addKnowledge(knowledge, { lowerProven: constant, lowerAttained: constant, upperAttained: constant, upperProven: constant });
}
