// Splits the attacker's rows into independent parts: variables linked through shared rows, so each program stays small.
import type { RangedConstraint } from './linear-expression';

export interface SystemComponent {
  /** Variables (ascending) of the component. */
  readonly variables: readonly number[];
  /** Indices of its rows. */
  readonly rows: readonly number[];
}

/**
 * Connected components of the graph whose nodes are the given free variables and where a row links all its
 * variables. Two components share no row and no variable, so the feasible set is their product and every
 * target's bounds add up over the components it touches.
 */
export function connectedComponents(freeVariables: readonly number[], rows: readonly RangedConstraint[]): SystemComponent[] {
  const parent = new Map<number, number>(freeVariables.map((variable) => [variable, variable]));
  const find = (variable: number): number => {
    let root = variable;
    while (parent.get(root) !== root) root = parent.get(root) as number;
    let node = variable;
    while (node !== root) {
      const next = parent.get(node) as number;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const row of rows) {
    const first = row.terms[0];
    if (first === undefined) continue;
    const root = find(first.variable);
    for (const term of row.terms.slice(1)) {
      const other = find(term.variable);
      if (other !== root) parent.set(other, root);
    }
  }
  const byRoot = new Map<number, { variables: number[]; rows: number[] }>();
  for (const variable of freeVariables) {
    const root = find(variable);
    let component = byRoot.get(root);
    if (!component) {
      component = { variables: [], rows: [] };
      byRoot.set(root, component);
    }
    component.variables.push(variable);
  }
  rows.forEach((row, index) => {
    const first = row.terms[0];
    if (first !== undefined) byRoot.get(find(first.variable))?.rows.push(index);
  });
  return [...byRoot.values()].map((component) => ({ variables: component.variables.sort((a, b) => a - b), rows: component.rows }));
}
