// The attacker's interval [min, max] for targets over the system: presolve, one small LP per component, whole-number checks.
import { solveLinearPrograms, type LinearConstraint, type LinearObjective, type LinearProgramResult } from '../disclosure/linear-program';
import { integerEndpoint, isIntegral, snap, type BranchLimits, type NodeBudget } from './branch-and-bound';
import { connectedComponents } from './components';
import { hasWholeCoefficients, type LinearExpression, type RangedConstraint } from './linear-expression';
import { InconsistentSystemError, presolve } from './presolve';

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
const PIVOTS_PER_OBJECTIVE = 4;

/** The system of printed figures is beyond the audit's limits (see IntervalOptions.work). */
export class SystemTooLargeError extends Error {
  constructor(
    readonly variables: number,
    readonly rows: number,
  ) {
    super(`Het stelsel van de gepubliceerde cijfers is te groot om door te rekenen (een deel met ${variables} onbekenden en ${rows} voorwaarden).`);
  }
}

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

interface Part {
  readonly request: number;
  readonly component: number;
  /** (local variable of the component, coefficient), over the shifted variables x' = x - lower. */
  readonly terms: readonly (readonly [number, number])[];
  readonly lazy: boolean;
  knowledge: Knowledge;
  solved: { lower: boolean; upper: boolean };
}

const UNKNOWN: Knowledge = { lowerProven: -Infinity, lowerAttained: Infinity, upperAttained: -Infinity, upperProven: Infinity };

function addKnowledge(a: Knowledge, b: Knowledge): Knowledge {
  return {
    lowerProven: a.lowerProven + b.lowerProven,
    lowerAttained: a.lowerAttained + b.lowerAttained,
    upperAttained: a.upperAttained + b.upperAttained,
    upperProven: a.upperProven + b.upperProven,
  };
}

function shifted(knowledge: Knowledge, constant: number): Knowledge {
  return addKnowledge(knowledge, { lowerProven: constant, lowerAttained: constant, upperAttained: constant, upperProven: constant });
}

function valueAt(terms: Part['terms'], values: readonly number[]): number {
  let sum = 0;
  for (const [local, coefficient] of terms) sum += coefficient * (values[local] as number);
  return sum;
}

/**
 * Intervals for every request. Fixed variables (pinned by presolve) become constants; a target touching several
 * components gets the sum of its parts' intervals (exact: the components share nothing). Throws
 * InconsistentSystemError when the printed figures admit no non-negative solution.
 */
export function attackerIntervals(
  variableCount: number,
  constraints: readonly RangedConstraint[],
  requests: readonly IntervalRequest[],
  options: IntervalOptions = DEFAULT_INTERVAL_OPTIONS,
  statistics?: (statistics: IntervalStatistics) => void,
): TargetInterval[] {
  const system = presolve(variableCount, constraints);
  const free: number[] = [];
  for (let variable = 0; variable < variableCount; variable += 1) if (system.lower[variable] !== system.upper[variable]) free.push(variable);
  const components = connectedComponents(free, system.rows);
  const componentOf = new Map<number, { component: number; local: number }>();
  components.forEach((component, index) => component.variables.forEach((variable, local) => componentOf.set(variable, { component: index, local })));

  // Each component's program over x' = x - lower >= 0.
  const programs: LinearConstraint[][] = components.map((component) => {
    const rows: LinearConstraint[] = [];
    const width = component.variables.length;
    for (const rowIndex of component.rows) {
      const row = system.rows[rowIndex] as RangedConstraint;
      const coefficients = new Array<number>(width).fill(0);
      let shift = 0;
      for (const { variable, coefficient } of row.terms) {
        coefficients[componentOf.get(variable)?.local as number] = coefficient;
        shift += coefficient * (system.lower[variable] as number);
      }
      if (row.lower === row.upper) rows.push({ coefficients, relation: '=', rhs: row.lower - shift });
      else {
        if (row.lower !== -Infinity) rows.push({ coefficients, relation: '>=', rhs: row.lower - shift });
        if (row.upper !== Infinity) rows.push({ coefficients, relation: '<=', rhs: row.upper - shift });
      }
    }
    component.variables.forEach((variable, local) => {
      const upper = system.upper[variable] as number;
      if (system.explicitUpper[variable] && upper !== Infinity) {
        const coefficients = new Array<number>(width).fill(0);
        coefficients[local] = 1;
        rows.push({ coefficients, relation: '<=', rhs: upper - (system.lower[variable] as number) });
      }
    });
    return rows;
  });

  // Split every target into a constant and one part per component it touches.
  const constants: number[] = [];
  const whole: boolean[] = [];
  const partsOf: Part[][] = requests.map(() => []);
  const partsIn: Part[][] = components.map(() => []);
  requests.forEach((request, index) => {
    let constant = 0;
    const byComponent = new Map<number, [number, number][]>();
    for (const { variable, coefficient } of request.target) {
      constant += coefficient * (system.lower[variable] as number);
      const place = componentOf.get(variable);
      if (place === undefined) continue;
      let terms = byComponent.get(place.component);
      if (!terms) {
        terms = [];
        byComponent.set(place.component, terms);
      }
      terms.push([place.local, coefficient]);
    }
    constants.push(constant);
    whole.push(hasWholeCoefficients(request.target));
    // A check (a target with a verdict callback) within one component may stop early; any other target gets both sides.
    const lazy = byComponent.size === 1 && request.settled !== undefined;
    for (const [component, terms] of byComponent) {
      // Bounds from presolve alone (x' in [0, upper - lower]).
      let lowerProven = 0;
      let upperProven = 0;
      const variables = components[component]?.variables ?? [];
      for (const [local, coefficient] of terms) {
        const variable = variables[local] as number;
        const room = (system.upper[variable] as number) - (system.lower[variable] as number);
        if (coefficient > 0) upperProven += coefficient * room;
        else lowerProven += coefficient * room;
      }
      const part: Part = {
        request: index,
        component,
        terms,
        lazy,
        knowledge: { ...UNKNOWN, lowerProven, upperProven },
        solved: { lower: false, upper: false },
      };
      partsOf[index]?.push(part);
      partsIn[component]?.push(part);
    }
  });

  const budget: NodeBudget = { remaining: options.branchAndBound === false ? 0 : options.branchAndBound.totalWork, nodes: 0 };
  let programCount = 0;
  let work = 0;
  const lowerExact = (part: Part): boolean => part.knowledge.lowerProven === part.knowledge.lowerAttained;
  const upperExact = (part: Part): boolean => part.knowledge.upperProven === part.knowledge.upperAttained;
  const settledNow = (part: Part): boolean => {
    if (lowerExact(part) && upperExact(part)) return true;
    const request = requests[part.request] as IntervalRequest;
    return request.settled?.(shifted(part.knowledge, constants[part.request] as number), part.solved) ?? false;
  };

  components.forEach((component, index) => {
    const width = component.variables.length;
    const constraintsHere = programs[index] as LinearConstraint[];
    const parts = partsIn[index] as Part[];
    // A component no target touches needs no program: the audit only reports on targets.
    if (parts.length === 0) return;
    const dense = (part: Part): number[] => {
      const coefficients = new Array<number>(width).fill(0);
      for (const [local, coefficient] of part.terms) coefficients[local] = (coefficients[local] as number) + coefficient;
      return coefficients;
    };
    const pool: (readonly number[])[] = [];
    if (options.work) {
      // Three solves (a phase 1 each) and at most both sides of every target plus the aggregates and feasibility.
      const rows = constraintsHere.length;
      const phaseOne = rows * rows * (width + rows);
      work += 3 * phaseOne + PIVOTS_PER_OBJECTIVE * rows * (width + rows) * (2 * parts.length + 5);
      if (phaseOne > options.work.perProgram || work > options.work.total) throw new SystemTooLargeError(width, rows);
    }
    const solve = (objectives: LinearObjective[]): LinearProgramResult[] => {
      programCount += objectives.length;
      const results = solveLinearPrograms(width, constraintsHere, objectives);
      if (results[0]?.status === 'infeasible') {
        const source = component.rows.map((row) => system.rows[row]?.source).find((text) => text !== undefined) ?? 'onbekende bron';
        throw new InconsistentSystemError(source);
      }
      for (const result of results)
        if (result.status === 'optimal' && isIntegral(result.solution)) pool.push(result.solution.map((value) => Math.round(value)));
      return results;
    };
    let seen = 0;
    const learnFromPool = (): void => {
      for (const part of parts) {
        let { lowerAttained, upperAttained } = part.knowledge;
        for (let point = seen; point < pool.length; point += 1) {
          const value = valueAt(part.terms, pool[point] as readonly number[]);
          if (value < lowerAttained) lowerAttained = value;
          if (value > upperAttained) upperAttained = value;
        }
        part.knowledge = { ...part.knowledge, lowerAttained, upperAttained };
      }
      seen = pool.length;
    };
    const endpoint = (part: Part, coefficients: number[], result: LinearProgramResult | undefined, direction: 'minimize' | 'maximize'): void => {
      if (result === undefined || result.status === 'infeasible') return;
      if (direction === 'minimize') part.solved.lower = true;
      else part.solved.upper = true;
      const wholeTarget = whole[part.request] as boolean;
      if (result.status === 'unbounded') {
        if (direction === 'maximize') part.knowledge = { ...part.knowledge, upperProven: Infinity, upperAttained: Infinity };
        else part.knowledge = { ...part.knowledge, lowerProven: -Infinity, lowerAttained: -Infinity };
        return;
      }
      let proven: number;
      let attained: number;
      if (options.branchAndBound !== false && !isIntegral(result.solution)) {
        const before = budget.nodes;
        const found = integerEndpoint(width, constraintsHere, { coefficients, direction }, result, wholeTarget, options.branchAndBound, budget);
        programCount += budget.nodes - before;
        proven = found.proven;
        attained = found.attained;
        if (!Number.isFinite(proven) && proven === (direction === 'minimize' ? Infinity : -Infinity)) {
          throw new InconsistentSystemError('geen oplossing in gehele aantallen');
        }
      } else {
        const value = snap(result.value);
        proven = wholeTarget ? (direction === 'minimize' ? Math.ceil(value - 1e-9) : Math.floor(value + 1e-9)) : value;
        attained = isIntegral(result.solution) ? value : direction === 'minimize' ? Infinity : -Infinity;
      }
      const k = part.knowledge;
      part.knowledge =
        direction === 'minimize'
          ? { ...k, lowerProven: Math.max(k.lowerProven, proven), lowerAttained: Math.min(k.lowerAttained, attained) }
          : { ...k, upperProven: Math.min(k.upperProven, proven), upperAttained: Math.max(k.upperAttained, attained) };
    };

    // Round 1: a feasible point (phase 1 only), both sides of every target without a verdict of its own (they are
    // reported), and the points that make all other targets as small and as large as possible together: these
    // optima are whole-number points that settle most checks without a program of their own.
    const zero: LinearObjective = { coefficients: new Array<number>(width).fill(0), direction: 'minimize' };
    const checks = parts.filter((part) => part.lazy && requests[part.request]?.settled !== undefined);
    const together = new Array<number>(width).fill(0);
    for (const part of checks) for (const [local, coefficient] of part.terms) together[local] = (together[local] as number) + Math.sign(coefficient);
    const checkSet = new Set(checks);
    const both = parts.filter((part) => !checkSet.has(part)).map((part) => ({ part, coefficients: dense(part) }));
    const aggregates: LinearObjective[] =
      checks.length === 0
        ? []
        : [
            { coefficients: together, direction: 'minimize' },
            { coefficients: together, direction: 'maximize' },
          ];
    const first = solve([
      zero,
      ...aggregates,
      ...both.flatMap(({ coefficients }) => [
        { coefficients, direction: 'minimize' as const },
        { coefficients, direction: 'maximize' as const },
      ]),
    ]);
    both.forEach(({ part, coefficients }, position) => {
      endpoint(part, coefficients, first[1 + aggregates.length + 2 * position], 'minimize');
      endpoint(part, coefficients, first[2 + aggregates.length + 2 * position], 'maximize');
    });
    // Rounds 2 and 3: a check's side only when it is not exact yet and its verdict is still open.
    for (const direction of ['minimize', 'maximize'] as const) {
      learnFromPool();
      const pending = checks
        .filter((part) => !settledNow(part) && !(direction === 'minimize' ? lowerExact(part) : upperExact(part)))
        .map((part) => ({ part, coefficients: dense(part) }));
      if (pending.length === 0) continue;
      const results = solve([zero, ...pending.map(({ coefficients }) => ({ coefficients, direction }))]);
      pending.forEach(({ part, coefficients }, position) => endpoint(part, coefficients, results[1 + position], direction));
    }
    learnFromPool();
  });

  if (statistics) {
    const largest = components.reduce(
      (best, component) =>
        component.variables.length > best.variables
          ? { variables: component.variables.length, rows: programs[components.indexOf(component)]?.length ?? 0 }
          : best,
      { variables: 0, rows: 0 },
    );
    statistics({
      variables: variableCount,
      fixedByPresolve: variableCount - free.length,
      components: components.length,
      largestComponent: largest,
      programs: programCount,
      branchNodes: budget.nodes,
    });
  }

  return requests.map((_, index) => {
    const constant = constants[index] as number;
    const exact: Knowledge = { lowerProven: 0, lowerAttained: 0, upperAttained: 0, upperProven: 0 };
    const knowledge = shifted(
      (partsOf[index] as Part[]).reduce((sum, part) => addKnowledge(sum, part.knowledge), exact),
      constant,
    );
    const integerVerified = knowledge.lowerProven === knowledge.lowerAttained && knowledge.upperProven === knowledge.upperAttained;
    return { ...knowledge, lower: knowledge.lowerProven, upper: knowledge.upperProven, integerVerified };
  });
}
