// A small dense two-phase simplex solver (Bland's rule) for the attacker's linear programs on tables with margins.

export type ConstraintRelation = '<=' | '=' | '>=';

/** One linear constraint: coefficients · x (relation) rhs. Every variable is also >= 0. */
export interface LinearConstraint {
  readonly coefficients: readonly number[];
  readonly relation: ConstraintRelation;
  readonly rhs: number;
}

export interface LinearObjective {
  readonly coefficients: readonly number[];
  readonly direction: 'minimize' | 'maximize';
}

export interface LinearProgram extends LinearObjective {
  readonly constraints: readonly LinearConstraint[];
}

export type LinearProgramResult =
  | { readonly status: 'optimal'; readonly value: number; readonly solution: readonly number[] }
  | { readonly status: 'infeasible' }
  | { readonly status: 'unbounded' };

/** Degenerate pivots in a row after which the simplex keeps to Bland's rule (see runSimplex). */
const DEGENERATE_RUN = 50;

/** Pivot elements smaller than this are treated as zero: the tables hold counts and sums, so entries stay moderate. */
const PIVOT_TOLERANCE = 1e-9;

interface Tableau {
  /** Constraint rows; the last entry of each row is its right-hand side. */
  rows: number[][];
  /** The basic variable (column) of each row. */
  basis: number[];
  /** Columns at or beyond this index are artificial and may never re-enter after phase 1. */
  artificialStart: number;
  variableCount: number;
}

function pivot(rows: number[][], objective: number[], pivotRow: number, pivotColumn: number): void {
  const row = rows[pivotRow] as number[];
  const factor = row[pivotColumn] as number;
  for (let j = 0; j < row.length; j += 1) row[j] = (row[j] as number) / factor;
  const eliminate = (target: number[]): void => {
    const multiple = target[pivotColumn] as number;
    if (multiple === 0) return;
    for (let j = 0; j < target.length; j += 1) target[j] = (target[j] as number) - multiple * (row[j] as number);
  };
  rows.forEach((other, index) => {
    if (index !== pivotRow) eliminate(other);
  });
  eliminate(objective);
}

/**
 * Minimises the objective row over the tableau in place. The entering column is the most negative reduced cost
 * (Dantzig's rule: far fewer pivots than the lowest index) until DEGENERATE_RUN pivots in a row leave the objective
 * unchanged; from then on Bland's rule (lowest entering index, lowest leaving basis index on ties), which cannot
 * cycle. That matters here: attacker programs are highly degenerate (many zeros).
 */
function runSimplex(tableau: Tableau, objective: number[], allowedColumns: number): 'optimal' | 'unbounded' {
  const scale = Math.max(1, ...tableau.rows.map((row) => Math.abs(row[row.length - 1] as number)));
  let degenerate = 0;
  for (;;) {
    const bland = degenerate >= DEGENERATE_RUN;
    let entering = -1;
    let mostNegative = -PIVOT_TOLERANCE;
    for (let j = 0; j < allowedColumns; j += 1) {
      const cost = objective[j] as number;
      if (cost < mostNegative) {
        entering = j;
        if (bland) break;
        mostNegative = cost;
      }
    }
    if (entering < 0) return 'optimal';
    let leaving = -1;
    let bestRatio = Infinity;
    tableau.rows.forEach((row, index) => {
      const coefficient = row[entering] as number;
      if (coefficient <= PIVOT_TOLERANCE) return;
      const ratio = (row[row.length - 1] as number) / coefficient;
      const tie = Math.abs(ratio - bestRatio) <= PIVOT_TOLERANCE * scale;
      if ((ratio < bestRatio && !tie) || (tie && (tableau.basis[index] as number) < (tableau.basis[leaving] as number))) {
        bestRatio = Math.min(ratio, bestRatio);
        leaving = index;
      }
    });
    if (leaving < 0) return 'unbounded';
    if (bestRatio <= PIVOT_TOLERANCE * scale) degenerate += 1;
    else degenerate = 0;
    pivot(tableau.rows, objective, leaving, entering);
    tableau.basis[leaving] = entering;
  }
}

/** Phase 1: a feasible basis for the constraints, or null when none exists. Shared by every objective on them. */
function feasibleTableau(variableCount: number, constraints: readonly LinearConstraint[]): Tableau | null {
  // A negative right-hand side is flipped so every artificial variable starts at a non-negative value.
  const normalised = constraints.map((constraint) => {
    if (constraint.coefficients.length !== variableCount) {
      throw new Error(`A constraint has ${constraint.coefficients.length} coefficients, expected ${variableCount}.`);
    }
    if (constraint.rhs >= 0) return constraint;
    const relation: ConstraintRelation = constraint.relation === '<=' ? '>=' : constraint.relation === '>=' ? '<=' : '=';
    return { coefficients: constraint.coefficients.map((value) => -value), relation, rhs: -constraint.rhs };
  });
  const slackCount = normalised.filter((constraint) => constraint.relation !== '=').length;
  const artificialCount = normalised.filter((constraint) => constraint.relation !== '<=').length;
  const artificialStart = variableCount + slackCount;
  const width = artificialStart + artificialCount + 1;
  const rows: number[][] = [];
  const basis: number[] = [];
  let slack = variableCount;
  let artificial = artificialStart;
  for (const constraint of normalised) {
    const row = new Array<number>(width).fill(0);
    constraint.coefficients.forEach((value, j) => (row[j] = value));
    row[width - 1] = constraint.rhs;
    if (constraint.relation === '<=') {
      row[slack] = 1;
      basis.push(slack);
      slack += 1;
    } else {
      if (constraint.relation === '>=') {
        row[slack] = -1;
        slack += 1;
      }
      row[artificial] = 1;
      basis.push(artificial);
      artificial += 1;
    }
    rows.push(row);
  }
  const tableau: Tableau = { rows, basis, artificialStart, variableCount };
  // Phase-1 objective: the sum of the artificial variables, expressed in the non-basic columns.
  const phaseOne = new Array<number>(width).fill(0);
  for (let j = artificialStart; j < width - 1; j += 1) phaseOne[j] = 1;
  rows.forEach((row, index) => {
    if ((basis[index] as number) < artificialStart) return;
    for (let j = 0; j < width; j += 1) phaseOne[j] = (phaseOne[j] as number) - (row[j] as number);
  });
  runSimplex(tableau, phaseOne, width - 1);
  const scale = Math.max(1, ...normalised.map((constraint) => constraint.rhs));
  if (-(phaseOne[width - 1] as number) > 1e-7 * scale) return null;
  // Drive artificial variables (now at zero) out of the basis; a row where that is impossible is redundant.
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    if ((basis[index] as number) < artificialStart) continue;
    const row = rows[index] as number[];
    const column = row.findIndex((value, j) => j < artificialStart && Math.abs(value) > PIVOT_TOLERANCE);
    if (column >= 0) {
      pivot(rows, phaseOne, index, column);
      basis[index] = column;
    } else {
      rows.splice(index, 1);
      basis.splice(index, 1);
    }
  }
  return tableau;
}

/** Phase 2 on a copy of a feasible tableau, so the same phase-1 result serves many objectives. */
function copyOf(start: Tableau): Tableau {
  return { ...start, rows: start.rows.map((row) => [...row]), basis: [...start.basis] };
}

function optimizeFrom(start: Tableau, objective: LinearObjective): LinearProgramResult {
  return optimizeIn(copyOf(start), objective);
}

/**
 * Optimises `objective` from the feasible basis the tableau holds, pivoting the tableau itself: it ends at the
 * optimum (or where unboundedness was found), still a feasible basis for the next objective.
 */
function optimizeIn(tableau: Tableau, objective: LinearObjective): LinearProgramResult {
  const width = tableau.rows[0]?.length ?? tableau.artificialStart + 1;
  const sign = objective.direction === 'minimize' ? 1 : -1;
  const costs = new Array<number>(width).fill(0);
  objective.coefficients.forEach((value, j) => (costs[j] = sign * value));
  tableau.rows.forEach((row, index) => {
    const cost = costs[tableau.basis[index] as number] as number;
    if (cost === 0) return;
    for (let j = 0; j < width; j += 1) costs[j] = (costs[j] as number) - cost * (row[j] as number);
  });
  // Zero the reduced costs of basic columns exactly, so rounding noise cannot make them re-enter.
  for (const column of tableau.basis) costs[column] = 0;
  if (runSimplex(tableau, costs, tableau.artificialStart) === 'unbounded') return { status: 'unbounded' };
  const solution = new Array<number>(tableau.variableCount).fill(0);
  tableau.rows.forEach((row, index) => {
    const column = tableau.basis[index] as number;
    if (column < tableau.variableCount) solution[column] = row[row.length - 1] as number;
  });
  const value = objective.coefficients.reduce((sum, coefficient, j) => sum + coefficient * (solution[j] as number), 0);
  return { status: 'optimal', value, solution };
}

/** Solves one program: minimise or maximise coefficients · x subject to the constraints and x >= 0. */
export function solveLinearProgram(program: LinearProgram): LinearProgramResult {
  const tableau = feasibleTableau(program.coefficients.length, program.constraints);
  return tableau === null ? { status: 'infeasible' } : optimizeFrom(tableau, program);
}

/** Solves several objectives over the same constraints, running phase 1 once. */
export function solveLinearPrograms(
  variableCount: number,
  constraints: readonly LinearConstraint[],
  objectives: readonly LinearObjective[],
): LinearProgramResult[] {
  const tableau = feasibleTableau(variableCount, constraints);
  if (tableau === null) return objectives.map(() => ({ status: 'infeasible' }));
  // Each objective starts from the optimum of the one before (a feasible basis, usually a few pivots away) instead of
  // a copy of the phase 1 tableau; a fresh copy every REFRESH_EVERY objectives keeps rounding from accumulating.
  let working = tableau;
  return objectives.map((objective, index) => {
    if (index % REFRESH_EVERY === 0) working = copyOf(tableau);
    return optimizeIn(working, objective);
  });
}

/** Objectives solved on one working tableau before it is copied afresh from phase 1 (see solveLinearPrograms). */
const REFRESH_EVERY = 32;
