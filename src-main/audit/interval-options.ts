// The interval solver's limits: whole-number checks and work bounds, the defaults, and the error beyond them.
import type { BranchLimits } from './branch-and-bound';

export interface IntervalOptions {
  /**
   * Whole-number verification of LP endpoints that are not whole; false: LP bounds rounded inwards only. `totalWork`:
   * tableau cells all branch-and-bound programs together may cost (see NodeBudget).
   */
  readonly branchAndBound: false | (BranchLimits & { readonly totalWork: number });
  /**
   * The linear programs' work at most, in tableau cell updates: a component's first (phase 1) program costs about
   * rows x rows x columns (a dense simplex takes about as many pivots as rows), every further objective about
   * PIVOTS_PER_OBJECTIVE x rows x columns (it starts from the optimum before). `perProgram` bounds one phase 1,
   * `total` the whole audit. The estimate is made before a component is solved: beyond either, SystemTooLargeError,
   * and the audit says it cannot check rather than running for hours.
   */
  readonly work?: { readonly perProgram: number; readonly total: number };
}

/**
 * About a third of a second of branching at most, on this kind of machine. Measured (2 cores): the package of the
 * demo's cluster table and persona cards has a component of 900 unknowns and 722 rows, phase 1 8.5e8, 1,800
 * objectives in 7.4 s with the solver of then (about 1.5e9 units a second; it is faster since, so the limits are on
 * the safe side). Its work estimate is 1.1e10; `total` allows some 30 such packages. Two clusterings of the same
 * clients audited together (6,158 unknowns, 1,258 rows, phase 1 1.2e10, five programs in more than two minutes) are
 * beyond `perProgram` and refused at once.
 */
export const DEFAULT_INTERVAL_OPTIONS: IntervalOptions = {
  branchAndBound: { maxNodes: 40, maxDepth: 12, totalWork: 5_000_000 },
  work: { perProgram: 4e9, total: 4e11 },
};

/** Pivots a further objective takes from the optimum before, about (see IntervalOptions.work). */
export const PIVOTS_PER_OBJECTIVE = 4;

/** The system of printed figures is beyond the audit's limits (see IntervalOptions.work). */
export class SystemTooLargeError extends Error {
  constructor(
    readonly variables: number,
    readonly rows: number,
  ) {
    super(`Het stelsel van de gepubliceerde cijfers is te groot om door te rekenen (een deel met ${variables} onbekenden en ${rows} voorwaarden).`);
  }
}
