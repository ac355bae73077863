// Sparse linear expressions and ranged constraints over the attacker's variables (counts: all >= 0 and whole).

export interface Term {
  readonly variable: number;
  readonly coefficient: number;
}

/** A linear combination of variables: terms sorted by variable, one term per variable, no zero coefficients. */
export type LinearExpression = readonly Term[];

/** lower <= terms · x <= upper; lower may be -Infinity, upper Infinity; lower === upper is an equation. */
export interface RangedConstraint {
  readonly terms: LinearExpression;
  readonly lower: number;
  readonly upper: number;
  /** Where the constraint comes from, in Dutch (for an inconsistency message). */
  readonly source: string;
}

/** Merges terms on the same variable, drops zeros and sorts: the canonical form every module relies on. */
export function linearExpression(terms: Iterable<Term>): LinearExpression {
  const byVariable = new Map<number, number>();
  for (const { variable, coefficient } of terms) byVariable.set(variable, (byVariable.get(variable) ?? 0) + coefficient);
  return [...byVariable]
    .filter(([, coefficient]) => coefficient !== 0)
    .sort((a, b) => a[0] - b[0])
    .map(([variable, coefficient]) => ({ variable, coefficient }));
}

/** The plain sum of the variables. */
export function sumOf(variables: Iterable<number>): LinearExpression {
  return linearExpression([...variables].map((variable) => ({ variable, coefficient: 1 })));
}

/** a·left + b·right. */
export function combine(left: LinearExpression, a: number, right: LinearExpression, b: number): LinearExpression {
  return linearExpression([
    ...left.map((term) => ({ variable: term.variable, coefficient: a * term.coefficient })),
    ...right.map((term) => ({ variable: term.variable, coefficient: b * term.coefficient })),
  ]);
}

/** A stable text key: equal expressions give equal keys. */
export function expressionKey(expression: LinearExpression): string {
  return expression.map((term) => `${term.variable}:${term.coefficient}`).join(',');
}

export function evaluate(expression: LinearExpression, values: readonly number[]): number {
  return expression.reduce((sum, term) => sum + term.coefficient * (values[term.variable] ?? 0), 0);
}

/** True when every coefficient is a whole number, so the expression is whole on whole counts. */
export function hasWholeCoefficients(expression: LinearExpression): boolean {
  return expression.every((term) => Number.isInteger(term.coefficient));
}
