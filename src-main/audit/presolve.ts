// Presolve for the attacker's system: whole-number bound propagation, fixing pinned variables, subtracting nested equations.
import { UserFacingError } from '../common/errors';
import { expressionKey, linearExpression, type RangedConstraint } from './linear-expression';

/** The published figures contradict each other: no table of non-negative whole counts matches them. */
export class InconsistentSystemError extends UserFacingError {
  constructor(readonly source: string) {
    super(`De gepubliceerde cijfers zijn onderling tegenstrijdig (${source}): geen tabel van aantallen van 0 of meer past erbij.`);
  }
}

export interface PresolvedSystem {
  readonly variableCount: number;
  /** Whole-number bounds every whole, non-negative solution satisfies. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** Rows over the variables that are not fixed (fixed ones moved to the bounds), each with at least two terms. */
  readonly rows: readonly RangedConstraint[];
  /**
   * Variables whose upper bound the rows do not imply as a linear program would (it came from a dropped one-variable
   * row, or whole-number rounding cut it): the program must state it. Lower bounds are always stated (by a shift).
   */
  readonly explicitUpper: readonly boolean[];
}

/** Row visits at most, in passes over all rows (propagation can creep one unit at a time). */
const MAX_PASSES = 60;
const MAX_ROUNDS = 6;

/** Relative slack for solver and decimal noise: 31.9999999999 is 32. */
function tolerance(value: number): number {
  return 1e-9 * Math.max(1, Math.abs(value));
}

interface Bounds {
  readonly lower: number[];
  readonly upper: number[];
  readonly explicitUpper: boolean[];
}

/** The rows each variable occurs in, by row index. */
function rowsByVariable(rows: readonly RangedConstraint[]): Map<number, number[]> {
  const rowsOf = new Map<number, number[]>();
  rows.forEach((row, index) => {
    for (const { variable } of row.terms) {
      const list = rowsOf.get(variable);
      if (list) list.push(index);
      else rowsOf.set(variable, [index]);
    }
  });
  return rowsOf;
}

/**
 * Tightens the bounds from every row until nothing changes. All variables are whole counts >= 0, so each bound is
 * rounded inwards; every bound is one that each whole solution satisfies. A row is visited again only when a bound
 * of one of its variables has changed since (a work list instead of passes over every row).
 */
function propagate(rows: readonly RangedConstraint[], bounds: Bounds): void {
  const { lower, upper, explicitUpper } = bounds;
  const tighten = (variable: number, side: 'lower' | 'upper', raw: number, row: RangedConstraint, single: boolean): boolean => {
    if (side === 'upper') {
      const bound = Math.floor(raw + tolerance(raw));
      if (!(bound < (upper[variable] as number))) return false;
      upper[variable] = bound;
      if (single || raw - bound > 1e-7) explicitUpper[variable] = true;
    } else {
      const bound = Math.ceil(raw - tolerance(raw));
      if (!(bound > (lower[variable] as number))) return false;
      lower[variable] = bound;
    }
    if ((lower[variable] as number) > (upper[variable] as number)) throw new InconsistentSystemError(row.source);
    return true;
  };
  const rowsOf = rowsByVariable(rows);
  const queued = new Uint8Array(rows.length).fill(1);
  let queue = rows.map((_, index) => index);
  let visits = 0;
  const limit = MAX_PASSES * rows.length;
  const changedVariable = (variable: number): void => {
    for (const index of rowsOf.get(variable) ?? []) {
      if (queued[index] === 1) continue;
      queued[index] = 1;
      queue.push(index);
    }
  };
  while (queue.length > 0 && visits < limit) {
    const current = queue;
    queue = [];
    for (const rowIndex of current) {
      queued[rowIndex] = 0;
      visits += 1;
      const row = rows[rowIndex] as RangedConstraint;
      // Activity bounds of the row, with the number of unbounded contributions on each side.
      let minimum = 0;
      let maximum = 0;
      let minimumInfinite = 0;
      let maximumInfinite = 0;
      for (const { variable, coefficient } of row.terms) {
        const low = coefficient > 0 ? coefficient * (lower[variable] as number) : coefficient * (upper[variable] as number);
        const high = coefficient > 0 ? coefficient * (upper[variable] as number) : coefficient * (lower[variable] as number);
        if (low === -Infinity) minimumInfinite += 1;
        else minimum += low;
        if (high === Infinity) maximumInfinite += 1;
        else maximum += high;
      }
      const scale = Math.max(1, Math.abs(row.lower === -Infinity ? 0 : row.lower), Math.abs(row.upper === Infinity ? 0 : row.upper));
      if (minimumInfinite === 0 && minimum > row.upper + 1e-7 * scale) throw new InconsistentSystemError(row.source);
      if (maximumInfinite === 0 && maximum < row.lower - 1e-7 * scale) throw new InconsistentSystemError(row.source);
      const single = row.terms.length === 1;
      for (const { variable, coefficient } of row.terms) {
        const low = coefficient > 0 ? coefficient * (lower[variable] as number) : coefficient * (upper[variable] as number);
        const high = coefficient > 0 ? coefficient * (upper[variable] as number) : coefficient * (lower[variable] as number);
        // The others' least and greatest contribution (stale bounds within a pass only make this weaker, never wrong).
        const othersMinimum = low === -Infinity ? (minimumInfinite > 1 ? -Infinity : minimum) : minimumInfinite > 0 ? -Infinity : minimum - low;
        const othersMaximum = high === Infinity ? (maximumInfinite > 1 ? Infinity : maximum) : maximumInfinite > 0 ? Infinity : maximum - high;
        // coefficient · x <= upper - othersMinimum and >= lower - othersMaximum.
        const top = row.upper === Infinity || othersMinimum === -Infinity ? Infinity : row.upper - othersMinimum;
        const bottom = row.lower === -Infinity || othersMaximum === Infinity ? -Infinity : row.lower - othersMaximum;
        let changed = false;
        if (coefficient > 0) {
          if (top !== Infinity && tighten(variable, 'upper', top / coefficient, row, single)) changed = true;
          if (bottom !== -Infinity && tighten(variable, 'lower', bottom / coefficient, row, single)) changed = true;
        } else {
          if (top !== Infinity && tighten(variable, 'lower', top / coefficient, row, single)) changed = true;
          if (bottom !== -Infinity && tighten(variable, 'upper', bottom / coefficient, row, single)) changed = true;
        }
        if (changed) changedVariable(variable);
      }
    }
  }
}

/**
 * Moves fixed variables to the right-hand side. Rows left with one variable live on as its bounds (propagation drew
 * them already; the program states the upper one), rows with none are checked and dropped, equal rows merged.
 */
function substitute(rows: readonly RangedConstraint[], bounds: Bounds): RangedConstraint[] {
  const { lower, upper, explicitUpper } = bounds;
  const kept = new Map<string, RangedConstraint>();
  for (const row of rows) {
    let constant = 0;
    const terms: { variable: number; coefficient: number }[] = [];
    for (const term of row.terms) {
      if (lower[term.variable] === upper[term.variable]) constant += term.coefficient * (lower[term.variable] as number);
      else terms.push(term);
    }
    const rowLower = row.lower - constant;
    const rowUpper = row.upper - constant;
    if (terms.length === 0) {
      const scale = Math.max(1, Math.abs(constant));
      if (rowLower > 1e-7 * scale || rowUpper < -1e-7 * scale) throw new InconsistentSystemError(row.source);
      continue;
    }
    if (terms.length === 1) {
      explicitUpper[(terms[0] as { variable: number }).variable] = true;
      continue;
    }
    const key = expressionKey(terms);
    const previous = kept.get(key);
    if (previous) {
      const merged = { ...previous, lower: Math.max(previous.lower, rowLower), upper: Math.min(previous.upper, rowUpper) };
      if (merged.lower > merged.upper + 1e-9 * Math.max(1, Math.abs(merged.upper))) throw new InconsistentSystemError(row.source);
      kept.set(key, merged);
    } else kept.set(key, { terms, lower: rowLower, upper: rowUpper, source: row.source });
  }
  return [...kept.values()];
}

/**
 * Where an equation's variables all occur in another row with proportional coefficients, subtracts it from that row:
 * an equivalent system with smaller rows ("all households" minus "clients" leaves the non-clients alone). Returns
 * null when no row changed.
 */
function subtractNested(rows: readonly RangedConstraint[]): RangedConstraint[] | null {
  const rowsOf = rowsByVariable(rows);
  const result = [...rows];
  let changed = false;
  rows.forEach((equation, index) => {
    if (equation.lower !== equation.upper) return;
    const first = equation.terms[0];
    if (first === undefined) return;
    for (const other of rowsOf.get(first.variable) ?? []) {
      const row = result[other] as RangedConstraint;
      if (other === index || row.terms.length <= equation.terms.length) continue;
      const coefficients = new Map(row.terms.map((term) => [term.variable, term.coefficient]));
      const ratio = (coefficients.get(first.variable) as number) / first.coefficient;
      const nested = equation.terms.every((term) => {
        const coefficient = coefficients.get(term.variable);
        return coefficient !== undefined && Math.abs(coefficient - ratio * term.coefficient) <= 1e-12 * Math.max(1, Math.abs(coefficient));
      });
      if (!nested) continue;
      const inEquation = new Set(equation.terms.map((term) => term.variable));
      const shift = ratio * equation.lower;
      result[other] = {
        terms: linearExpression(row.terms.filter((term) => !inEquation.has(term.variable))),
        lower: row.lower - shift,
        upper: row.upper - shift,
        source: row.source,
      };
      changed = true;
    }
  });
  return changed ? result : null;
}

/**
 * Tightens bounds, substitutes fixed variables and subtracts nested equations, in rounds until nothing changes.
 * Every step keeps the set of whole, non-negative solutions, so the attacker's whole-number intervals are unchanged.
 */
export function presolve(variableCount: number, constraints: readonly RangedConstraint[]): PresolvedSystem {
  const bounds: Bounds = {
    lower: new Array<number>(variableCount).fill(0),
    upper: new Array<number>(variableCount).fill(Infinity),
    explicitUpper: new Array<boolean>(variableCount).fill(false),
  };
  let rows: readonly RangedConstraint[] = constraints;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    propagate(rows, bounds);
    rows = substitute(rows, bounds);
    const reduced = subtractNested(rows);
    if (reduced === null) break;
    rows = reduced;
  }
  propagate(rows, bounds);
  rows = substitute(rows, bounds);
  return { variableCount, lower: bounds.lower, upper: bounds.upper, rows, explicitUpper: bounds.explicitUpper };
}
