// The attacker's intervals: LP bounds rounded inwards, branch and bound on whole numbers, independent components, contradictions.
import { describe, expect, it } from 'vitest';
import type { IntervalStatistics } from '../../../src-main/audit/interval-targets';
import { attackerIntervals } from '../../../src-main/audit/intervals';
import { linearExpression, sumOf, type RangedConstraint } from '../../../src-main/audit/linear-expression';
import { InconsistentSystemError, presolve } from '../../../src-main/audit/presolve';

function row(terms: Record<number, number>, lower: number, upper: number): RangedConstraint {
  return {
    terms: linearExpression(Object.entries(terms).map(([variable, coefficient]) => ({ variable: Number(variable), coefficient }))),
    lower,
    upper,
    source: 'test',
  };
}

describe('attackerIntervals', () => {
  // max y s.t. -2x + 2y <= 1 and 2x + 2y <= 7: the LP optimum is y = 2 at x = 1,5, but in whole numbers
  // y <= x and x + y <= 3, so y is at most 1.
  const fractional = [row({ 0: -2, 1: 2 }, -Infinity, 1), row({ 0: 2, 1: 2 }, -Infinity, 7)];

  it('reports the LP bound, not verified, without branch and bound', () => {
    const [y] = attackerIntervals(2, fractional, [{ target: sumOf([1]) }], { branchAndBound: false });
    expect(y).toMatchObject({ lower: 0, upper: 2, integerVerified: false });
  });

  it('shrinks it to the whole-number maximum with branch and bound, and says so', () => {
    const [y] = attackerIntervals(2, fractional, [{ target: sumOf([1]) }]);
    expect(y).toMatchObject({ lower: 0, upper: 1, integerVerified: true });
  });

  it('rounds LP endpoints inwards: 3 <= 2x <= 5 gives x in [2, 2]', () => {
    const [x] = attackerIntervals(2, [row({ 0: 2, 1: 1 }, 3, 5), row({ 1: 1 }, 0, 0)], [{ target: sumOf([0]) }], { branchAndBound: false });
    expect(x).toMatchObject({ lower: 2, upper: 2, integerVerified: true });
  });

  it('needs the simplex for a 3x3 table with every inner cell hidden (margins shown): cell (0,0) in [max(0, 20 + 15 - 60), min(20, 15)]', () => {
    // Row totals 20, 25, 15; column totals 15, 30, 15; grand total 60. Variables row-major 0..8.
    const rows = [20, 25, 15].map((total, r) => row({ [3 * r]: 1, [3 * r + 1]: 1, [3 * r + 2]: 1 }, total, total));
    const columns = [15, 30, 15].map((total, c) => row({ [c]: 1, [3 + c]: 1, [6 + c]: 1 }, total, total));
    let statistics: IntervalStatistics | undefined;
    const [cell, middle] = attackerIntervals(
      9,
      [...rows, ...columns],
      [{ target: sumOf([0]) }, { target: sumOf([4]) }],
      undefined,
      (value) => (statistics = value),
    );
    expect(cell).toMatchObject({ lower: 0, upper: 15, integerVerified: true });
    // Cell (1,1): at least 25 - 15 - 15 = -5 -> 0 ... and 30 - 20 - 15 = -5 -> 0; at most min(25, 30) = 25.
    expect(middle).toMatchObject({ lower: 0, upper: 25, integerVerified: true });
    expect(statistics).toMatchObject({ components: 1, fixedByPresolve: 0 });
    expect(statistics?.programs).toBeGreaterThan(0);
  });

  it('solves independent parts separately and adds their bounds for a target that spans them', () => {
    const constraints = [row({ 0: 1, 1: 1 }, 10, 10), row({ 2: 1, 3: 1 }, 7, 7)];
    let statistics: IntervalStatistics | undefined;
    const [first, across] = attackerIntervals(4, constraints, [{ target: sumOf([0]) }, { target: sumOf([0, 2]) }], undefined, (value) => (statistics = value));
    expect(statistics?.components).toBe(2);
    expect(first).toMatchObject({ lower: 0, upper: 10 });
    expect(across).toMatchObject({ lower: 0, upper: 17, integerVerified: true });
  });

  it('skips the programs of a check whose verdict is already known, and still reports what is known', () => {
    const constraints = [row({ 0: 1, 1: 1, 2: 1 }, 30, 30), row({ 1: 1, 2: 1, 3: 1 }, 20, 30)];
    const runs: number[] = [];
    let checked: { lower: number; upper: number } | undefined;
    for (const lazy of [false, true]) {
      let programs = 0;
      const requests = [{ target: sumOf([0]) }, ...[1, 2, 3].map((variable) => ({ target: sumOf([variable]), ...(lazy ? { settled: () => true } : {}) }))];
      const intervals = attackerIntervals(4, constraints, requests, undefined, (value) => (programs = value.programs));
      runs.push(programs);
      if (lazy) checked = intervals[3];
    }
    // Without checks: a feasible point and both sides of four targets. With three satisfied checks: a feasible
    // point, the two joint optima of the checks, and both sides of the one plain target.
    expect(runs).toEqual([9, 5]);
    // x3 <= 30 from presolve; the points found reach 0 and some value in between.
    expect(checked).toMatchObject({ lowerProven: 0, lowerAttained: 0, upperProven: 30 });
  });

  it('throws a Dutch error when the printed figures contradict each other', () => {
    expect(() => attackerIntervals(2, [row({ 0: 1, 1: 1 }, 10, 10), row({ 0: 1 }, 11, 11)], [{ target: sumOf([1]) }])).toThrow(InconsistentSystemError);
    expect(() => attackerIntervals(2, [row({ 0: 1, 1: 1 }, 10, 10), row({ 0: 1 }, 11, 11)], [{ target: sumOf([1]) }])).toThrow(
      /onderling tegenstrijdig \(test\)/,
    );
    // No whole-number solution: 2x + 2y = 3.
    expect(() => attackerIntervals(2, [row({ 0: 2, 1: 2 }, 3, 3)], [{ target: sumOf([0]) }])).toThrow(InconsistentSystemError);
  });
});

describe('presolve', () => {
  it('pins a count by subtraction and a share by rounding, and keeps only rows that still bind two variables', () => {
    // a + b + c = 101, b = 30, c = 55 -> a = 16; 0,1675 d <= e <= 0,1685 d with d = 191 -> e = 32.
    const system = presolve(6, [
      row({ 0: 1, 1: 1, 2: 1 }, 101, 101),
      row({ 1: 1 }, 30, 30),
      row({ 2: 1 }, 55, 55),
      row({ 3: 1 }, 191, 191),
      row({ 4: 1, 3: -0.1685 }, -Infinity, 0),
      row({ 4: 1, 3: -0.1675 }, 0, Infinity),
      row({ 4: 1, 5: 1 }, 40, 50),
    ]);
    expect([system.lower[0], system.upper[0]]).toEqual([16, 16]);
    expect([system.lower[4], system.upper[4]]).toEqual([32, 32]);
    // e + f in [40, 50] with e = 32: f in [8, 18], stated as bounds, no row left.
    expect([system.lower[5], system.upper[5]]).toEqual([8, 18]);
    expect(system.rows).toEqual([]);
    expect(system.explicitUpper[5]).toBe(true);
  });
});
