// Joint secondary suppression of every published count of one variable family: the counts are sums over the
// family's cells (category atoms x population atoms); counts are hidden until an attacker who solves the linear
// system of everything still shown can narrow no hidden count, no complement of a count and no cell of the family
// to a small number of households that are certainly there.
import { solveLinearPrograms, type LinearConstraint, type LinearObjective } from '../disclosure/linear-program';

/** One published count: which category atoms and population atoms it sums, how much it is worth to the reader. */
export interface FamilyCount {
  atoms: readonly boolean[];
  populations: readonly boolean[];
  /** Higher is dearer to hide (a headline figure, or one that many outputs show). */
  weight: number;
  /** A population total: never hidden. */
  fixed: boolean;
  /** Published only as a lower bound (a share "80 % of meer"): the count is at least this. */
  atLeast?: number;
}

export interface FamilyProblem {
  /** counts[atom][population atom]: households per cell. */
  counts: readonly (readonly number[])[];
  published: readonly FamilyCount[];
  threshold: number;
  protectionLevel: number;
}

export type HiddenReason = 'primary' | 'secondary';

export interface AttackedInterval {
  lower: number;
  upper: number;
}

export interface FamilyProtection {
  /** Per published count: why it is hidden, or null when it is shown. */
  hidden: (HiddenReason | null)[];
  /** The attacker's interval of every hidden count, after protection. */
  intervals: (AttackedInterval | null)[];
  /** Linear programs solved (for the bench). */
  programs: number;
}

/** Atoms no published count tells apart are one class: the attacker can move units freely inside it. */
function classesOf(memberships: readonly (readonly boolean[])[], size: number): number[] {
  const classOf = new Array<number>(size);
  const seen = new Map<string, number>();
  for (let index = 0; index < size; index += 1) {
    const signature = memberships.map((member) => (member[index] ? '1' : '0')).join('');
    let id = seen.get(signature);
    if (id === undefined) {
      id = seen.size;
      seen.set(signature, id);
    }
    classOf[index] = id;
  }
  return classOf;
}

interface Model {
  /** Households per variable (category class x population class). */
  values: number[];
  /** Per published count: its variables. */
  members: number[][];
  /** Per published count: the variables of its population outside it (its complement). */
  complements: number[][];
}

function buildModel(problem: FamilyProblem): Model {
  const atomCount = problem.counts.length;
  const populationCount = problem.counts[0]?.length ?? 0;
  const atomClass = classesOf(
    problem.published.map((count) => count.atoms),
    atomCount,
  );
  const populationClass = classesOf(
    problem.published.map((count) => count.populations),
    populationCount,
  );
  const populationClasses = Math.max(0, ...populationClass) + 1;
  const variable = (atom: number, population: number) => (atomClass[atom] as number) * populationClasses + (populationClass[population] as number);
  const values = new Array<number>((Math.max(0, ...atomClass) + 1) * populationClasses).fill(0);
  for (let atom = 0; atom < atomCount; atom += 1) {
    for (let population = 0; population < populationCount; population += 1) values[variable(atom, population)]! += problem.counts[atom]![population]!;
  }
  const cells = (count: FamilyCount, inside: boolean) => {
    const set = new Set<number>();
    for (let atom = 0; atom < atomCount; atom += 1) {
      if (count.atoms[atom] !== inside) continue;
      for (let population = 0; population < populationCount; population += 1) if (count.populations[population]) set.add(variable(atom, population));
    }
    return [...set].sort((a, b) => a - b);
  };
  return { values, members: problem.published.map((count) => cells(count, true)), complements: problem.published.map((count) => cells(count, false)) };
}

/** What the attacker is asked about: a cell of the family, a published count, or the complement of one. */
type Target = { kind: 'variable'; variable: number } | { kind: 'count'; count: number } | { kind: 'complement'; count: number };

const EPSILON = 1e-7;

export function protectFamily(problem: FamilyProblem): FamilyProtection {
  const { threshold, protectionLevel } = problem;
  const model = buildModel(problem);
  const sum = (variables: readonly number[]) => variables.reduce((total, variable) => total + (model.values[variable] as number), 0);
  const countValue = model.members.map(sum);
  const complementValue = model.complements.map(sum);
  const small = (value: number) => value > 0 && value < threshold;
  // A count is unsafe when it is small, or when the rest of its population is (a share of 95 % of 40 says that 2 are not).
  const hidden: (HiddenReason | null)[] = problem.published.map((count, index) =>
    !count.fixed && count.atLeast === undefined && (small(countValue[index]!) || small(complementValue[index]!)) ? 'primary' : null,
  );
  let programs = 0;
  const n = model.values.length;

  const targetVariables = (target: Target): number[] =>
    target.kind === 'variable' ? [target.variable] : target.kind === 'count' ? model.members[target.count]! : model.complements[target.count]!;
  const trueValue = (target: Target): number => sum(targetVariables(target));

  /** The constraints of everything still shown: exact counts and totals as equalities, bounds as inequalities. */
  const shownConstraints = (width: number, slack: (index: number) => number | null): LinearConstraint[] => {
    const constraints: LinearConstraint[] = [];
    problem.published.forEach((count, index) => {
      if (hidden[index] !== null) return;
      const coefficients = new Array<number>(width).fill(0);
      for (const variable of model.members[index]!) coefficients[variable] = 1;
      const slot = slack(index);
      if (count.atLeast !== undefined) {
        if (slot !== null) coefficients[slot] = 1;
        constraints.push({ coefficients, relation: '>=', rhs: count.atLeast });
        return;
      }
      if (slot !== null) {
        coefficients[slot] = -1;
        coefficients[slot + 1] = 1;
      }
      constraints.push({ coefficients, relation: '=', rhs: countValue[index] as number });
    });
    return constraints;
  };

  /** The attacker's integer intervals for the targets, from everything still shown. */
  const attack = (targets: readonly Target[]): AttackedInterval[] => {
    if (targets.length === 0) return [];
    const constraints = shownConstraints(n, () => null);
    const objectives: LinearObjective[] = targets.flatMap((target) => {
      const coefficients = new Array<number>(n).fill(0);
      for (const variable of targetVariables(target)) coefficients[variable] = 1;
      return [
        { coefficients, direction: 'minimize' as const },
        { coefficients, direction: 'maximize' as const },
      ];
    });
    programs += objectives.length;
    const results = solveLinearPrograms(n, constraints, objectives);
    return targets.map((_, index) => {
      const low = results[2 * index];
      const high = results[2 * index + 1];
      if (!low || !high || low.status === 'infeasible' || high.status === 'infeasible') throw new Error('The published counts of a family do not add up.');
      return {
        lower: low.status === 'optimal' ? Math.ceil(low.value - EPSILON) : 0,
        upper: high.status === 'optimal' ? Math.floor(high.value + EPSILON) : Infinity,
      };
    });
  };

  /**
   * A hidden count keeps the protection level, or is certainly not small. A cell of the family or the complement of a
   * count, which nobody publishes as such, may be bounded (at most 6 households have all three kinds of care) but
   * never pinned to a small number of households that are certainly there: its interval reaches zero, or is wide.
   */
  const isProtected = (target: Target, interval: AttackedInterval): boolean => {
    const width = interval.upper - interval.lower;
    if (width >= protectionLevel || interval.lower >= threshold) return true;
    return target.kind !== 'count' && interval.lower === 0;
  };

  /**
   * The cheapest shown counts to hide so that the target can move: the alternative table, indistinguishable from the
   * true one by everything else, with the target the protection level higher (or, for an unpublished cell, at zero),
   * found by the linear program that minimises the weighted deviation from the shown counts. Every count that deviates
   * is hidden, then those not needed after all are shown again.
   */
  const deviationToHide = (target: Target): number[] => {
    const hideable = problem.published.flatMap((count, index) => (hidden[index] === null && !count.fixed ? [index] : []));
    const slots = new Map<number, number>();
    let width = n;
    for (const index of hideable) {
      slots.set(index, width);
      width += problem.published[index]!.atLeast === undefined ? 2 : 1;
    }
    const constraints = shownConstraints(width, (index) => slots.get(index) ?? null);
    const objective = new Array<number>(width).fill(0);
    for (const [index, slot] of slots) {
      objective[slot] = problem.published[index]!.weight;
      if (problem.published[index]!.atLeast === undefined) objective[slot + 1] = problem.published[index]!.weight;
    }
    const targetRow = new Array<number>(width).fill(0);
    for (const variable of targetVariables(target)) targetRow[variable] = 1;
    // Up by the protection level, or down: by the protection level (a count of 12 in a fixed total of 20 cannot move
    // up by 10), or for a cell or complement to zero when it is closer.
    const value = trueValue(target);
    const directions: LinearConstraint[] = [{ coefficients: targetRow, relation: '>=', rhs: value + protectionLevel }];
    if (target.kind !== 'count' || value >= protectionLevel)
      directions.push({ coefficients: targetRow, relation: '<=', rhs: Math.max(0, value - protectionLevel) });
    let best: { cost: number; hide: number[] } | null = null;
    for (const direction of directions) {
      programs += 1;
      const [result] = solveLinearPrograms(width, [...constraints, direction], [{ coefficients: objective, direction: 'minimize' }]);
      if (result?.status !== 'optimal') continue;
      const deviates = (index: number) => {
        const slot = slots.get(index)!;
        const deviation = (result.solution[slot] as number) + (problem.published[index]!.atLeast === undefined ? (result.solution[slot + 1] as number) : 0);
        return deviation > EPSILON;
      };
      const hide = hideable.filter(deviates);
      if (best === null || result.value < best.cost) best = { cost: result.value, hide };
    }
    if (!best || best.hide.length === 0) return [];
    // Show again, dearest first, every count the target does not need hidden.
    const chosen = [...best.hide].sort((a, b) => problem.published[b]!.weight * (countValue[b]! + 1) - problem.published[a]!.weight * (countValue[a]! + 1));
    for (const index of chosen) hidden[index] = 'secondary';
    for (const index of chosen) {
      hidden[index] = null;
      const [interval] = attack([target]);
      if (!isProtected(target, interval!)) hidden[index] = 'secondary';
    }
    const kept = chosen.filter((index) => hidden[index] !== null);
    for (const index of chosen) hidden[index] = null;
    return kept;
  };

  const targets: Target[] = [];
  model.values.forEach((value, variable) => {
    if (small(value)) targets.push({ kind: 'variable', variable });
  });
  problem.published.forEach((count, index) => {
    if (hidden[index] !== null) targets.push({ kind: 'count', count: index });
    if (!count.fixed && small(complementValue[index]!)) targets.push({ kind: 'complement', count: index });
  });
  targets.sort((a, b) => trueValue(a) - trueValue(b));

  let open = targets;
  for (;;) {
    while (open.length > 0) {
      const intervals = attack(open);
      const exposed = open.filter((target, index) => !isProtected(target, intervals[index]!));
      if (exposed.length === 0) break;
      const target = exposed[0]!;
      const hide = deviationToHide(target);
      if (hide.length === 0) throw new Error('A small cell cannot be protected without hiding a population total.');
      for (const index of hide) hidden[index] = 'secondary';
      // Hiding only widens intervals, so a protected target stays protected: keep the exposed ones and the newly hidden counts.
      open = [...exposed, ...hide.map((count): Target => ({ kind: 'count', count }))];
    }
    // The end is decided by the attacker on everything hidden, not by the loop's bookkeeping: any hidden count still
    // too narrow starts another round.
    const everyHidden = hidden.flatMap((reason, count): Target[] => (reason === null ? [] : [{ kind: 'count', count }]));
    const check = attack(everyHidden);
    open = everyHidden.filter((target, index) => !isProtected(target, check[index]!));
    if (open.length === 0) break;
  }

  const hiddenTargets = hidden.flatMap((reason, count): Target[] => (reason === null ? [] : [{ kind: 'count', count }]));
  const finalIntervals = attack(hiddenTargets);
  const intervals: (AttackedInterval | null)[] = hidden.map(() => null);
  hiddenTargets.forEach((target, index) => {
    if (target.kind === 'count') intervals[target.count] = finalIntervals[index]!;
  });
  return { hidden, intervals, programs };
}
