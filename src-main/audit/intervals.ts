// The attacker's interval [min, max] for targets over the system: presolve, one small LP per component, whole-number checks.
import { solveLinearPrograms, type LinearConstraint, type LinearObjective, type LinearProgramResult } from '../disclosure/linear-program';
import { integerEndpoint, isIntegral, snap, type NodeBudget } from './branch-and-bound';
import { componentPrograms, targetParts, type Part } from './component-programs';
import { connectedComponents } from './components';
import { DEFAULT_INTERVAL_OPTIONS, PIVOTS_PER_OBJECTIVE, SystemTooLargeError, type IntervalOptions } from './interval-options';
import { addKnowledge, shifted, type IntervalRequest, type IntervalStatistics, type Knowledge, type TargetInterval } from './interval-targets';
import type { RangedConstraint } from './linear-expression';
import { InconsistentSystemError, presolve } from './presolve';

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

  const programs = componentPrograms(system, components, componentOf);
  const { constants, whole, partsOf, partsIn } = targetParts(system, components, componentOf, requests);

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
