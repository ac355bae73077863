// A small, node-limited branch and bound: is the attacker's whole-number endpoint the LP endpoint rounded, or tighter?
import { solveLinearProgram, type LinearConstraint, type LinearObjective } from '../disclosure/linear-program';

export interface BranchLimits {
  /** Programs solved for one endpoint at most. */
  readonly maxNodes: number;
  /** Branching depth at most. */
  readonly maxDepth: number;
}

/**
 * Shared across one audit, so a hard case cannot make it slow. Work is counted in tableau cells (rows × columns of
 * each program solved), which is what a program costs, and deterministic (a time limit would make reports differ
 * between machines).
 */
export interface NodeBudget {
  remaining: number;
  /** Programs solved so far. */
  nodes: number;
}

export interface IntegerEndpoint {
  /** A bound every whole-number solution respects (>= for a minimum, <= for a maximum). */
  readonly proven: number;
  /** The objective at a whole-number solution found, or ±Infinity when none was found. */
  readonly attained: number;
}

const INTEGRALITY = 1e-6;

export function isIntegral(solution: readonly number[]): boolean {
  return solution.every((value) => Math.abs(value - Math.round(value)) <= INTEGRALITY);
}

/** Snaps solver noise to the nearest whole number: 12.000000001 is 12. */
export function snap(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) <= 1e-7 * Math.max(1, Math.abs(value)) ? nearest : value;
}

interface OpenNode {
  readonly extra: readonly LinearConstraint[];
  /** The objective at the node's LP optimum, as a minimisation (a maximum is negated). */
  readonly value: number;
  readonly solution: readonly number[];
  readonly depth: number;
}

/**
 * The whole-number optimum of the objective over the constraints (all variables >= 0 and whole), starting from the
 * LP optimum at the root. Depth first, branching on the most fractional variable, pruning nodes that cannot beat the
 * best whole solution found. When the limits stop it, `proven` is the best bound over the unexplored nodes.
 * `wholeObjective`: the objective is whole at whole solutions, so bounds round inwards.
 */
export function integerEndpoint(
  variableCount: number,
  constraints: readonly LinearConstraint[],
  objective: LinearObjective,
  root: { readonly value: number; readonly solution: readonly number[] },
  wholeObjective: boolean,
  limits: BranchLimits,
  budget: NodeBudget,
): IntegerEndpoint {
  const sign = objective.direction === 'minimize' ? 1 : -1;
  const cost = Math.max(1, constraints.length) * (variableCount + 2 * constraints.length + 1);
  const roundUp = (value: number): number => (wholeObjective ? Math.ceil(snap(value) - 1e-9) : value);
  const result = (proven: number, attained: number): IntegerEndpoint => ({ proven: sign * proven, attained: sign * attained });
  if (isIntegral(root.solution)) return result(sign * snap(root.value), sign * snap(root.value));
  let incumbent = Infinity;
  const unresolved: number[] = [];
  const open: OpenNode[] = [{ extra: [], value: sign * root.value, solution: root.solution, depth: 0 }];
  let nodes = 0;
  while (open.length > 0) {
    const node = open.pop() as OpenNode;
    if (roundUp(node.value) >= incumbent) continue;
    let branchOn = -1;
    let worst = INTEGRALITY;
    node.solution.forEach((value, variable) => {
      const distance = Math.abs(value - Math.round(value));
      if (distance > worst) {
        worst = distance;
        branchOn = variable;
      }
    });
    if (branchOn < 0) {
      incumbent = roundUp(node.value);
      continue;
    }
    if (node.depth >= limits.maxDepth || nodes + 2 > limits.maxNodes || budget.remaining < 2 * cost) {
      unresolved.push(node.value);
      continue;
    }
    const value = node.solution[branchOn] as number;
    const coefficients = new Array<number>(variableCount).fill(0);
    coefficients[branchOn] = 1;
    const children: LinearConstraint[] = [
      { coefficients, relation: '>=', rhs: Math.ceil(value) },
      { coefficients, relation: '<=', rhs: Math.floor(value) },
    ];
    for (const child of children) {
      nodes += 1;
      budget.nodes += 1;
      budget.remaining -= cost;
      const extra = [...node.extra, child];
      const solved = solveLinearProgram({ ...objective, constraints: [...constraints, ...extra] });
      if (solved.status === 'infeasible') continue;
      if (solved.status === 'unbounded') {
        unresolved.push(-Infinity);
        continue;
      }
      open.push({ extra, value: sign * solved.value, solution: solved.solution, depth: node.depth + 1 });
    }
  }
  const proven = Math.min(incumbent, ...unresolved.map(roundUp));
  return result(proven, incumbent);
}
