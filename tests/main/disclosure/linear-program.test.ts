// The simplex solver on hand-solved programs: optimal, infeasible, unbounded, degenerate and redundant cases.
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src-main/analysis/clustering/seeded-random';
import { solveLinearProgram, solveLinearPrograms, type LinearProgramResult } from '../../../src-main/disclosure/linear-program';

function optimal(result: LinearProgramResult): { value: number; solution: readonly number[] } {
  if (result.status !== 'optimal') throw new Error(`expected an optimum, got ${result.status}`);
  return result;
}

describe('solveLinearProgram', () => {
  it('maximises over <= constraints (vertex x = 3, y = 1)', () => {
    // max 3x + 2y; x + y <= 4, x + 3y <= 6, x <= 3: the vertices are (0,0) (3,0) (3,1) (0,2); (3,1) gives 11.
    const result = optimal(
      solveLinearProgram({
        coefficients: [3, 2],
        direction: 'maximize',
        constraints: [
          { coefficients: [1, 1], relation: '<=', rhs: 4 },
          { coefficients: [1, 3], relation: '<=', rhs: 6 },
          { coefficients: [1, 0], relation: '<=', rhs: 3 },
        ],
      }),
    );
    expect(result.value).toBeCloseTo(11, 9);
    expect(result.solution[0]).toBeCloseTo(3, 9);
    expect(result.solution[1]).toBeCloseTo(1, 9);
  });

  it('minimises over >= constraints (phase 1 needed): x + 2y >= 4, 3x + y >= 6 meet at (1.6, 1.2)', () => {
    const result = optimal(
      solveLinearProgram({
        coefficients: [1, 1],
        direction: 'minimize',
        constraints: [
          { coefficients: [1, 2], relation: '>=', rhs: 4 },
          { coefficients: [3, 1], relation: '>=', rhs: 6 },
        ],
      }),
    );
    expect(result.value).toBeCloseTo(2.8, 9);
    expect(result.solution[0]).toBeCloseTo(1.6, 9);
  });

  it('flips a negative right-hand side: x - y = -2, min x + y is 2 at (0, 2)', () => {
    const result = optimal(
      solveLinearProgram({ coefficients: [1, 1], direction: 'minimize', constraints: [{ coefficients: [1, -1], relation: '=', rhs: -2 }] }),
    );
    expect(result.value).toBeCloseTo(2, 9);
    expect(result.solution[1]).toBeCloseTo(2, 9);
  });

  it('reports an infeasible program', () => {
    const result = solveLinearProgram({
      coefficients: [1, 1],
      direction: 'minimize',
      constraints: [
        { coefficients: [1, 1], relation: '<=', rhs: 1 },
        { coefficients: [1, 1], relation: '>=', rhs: 3 },
      ],
    });
    expect(result.status).toBe('infeasible');
    expect(solveLinearProgram({ coefficients: [1], direction: 'minimize', constraints: [{ coefficients: [1], relation: '=', rhs: -1 }] }).status).toBe(
      'infeasible',
    );
  });

  it('reports an unbounded program, also with no constraints at all', () => {
    expect(solveLinearProgram({ coefficients: [1, 0], direction: 'maximize', constraints: [{ coefficients: [1, -1], relation: '<=', rhs: 1 }] }).status).toBe(
      'unbounded',
    );
    expect(solveLinearProgram({ coefficients: [1], direction: 'maximize', constraints: [] }).status).toBe('unbounded');
    expect(optimal(solveLinearProgram({ coefficients: [1], direction: 'minimize', constraints: [] })).value).toBe(0);
  });

  it("does not cycle on Beale's degenerate example (optimum 5/4)", () => {
    // The textbook program on which the largest-coefficient rule cycles forever; Bland's rule must not.
    const result = optimal(
      solveLinearProgram({
        coefficients: [0.75, -20, 0.5, -6],
        direction: 'maximize',
        constraints: [
          { coefficients: [0.25, -8, -1, 9], relation: '<=', rhs: 0 },
          { coefficients: [0.5, -12, -0.5, 3], relation: '<=', rhs: 0 },
          { coefficients: [0, 0, 1, 0], relation: '<=', rhs: 1 },
        ],
      }),
    );
    expect(result.value).toBeCloseTo(1.25, 9);
    expect(result.solution.map((x) => Number(x.toFixed(9)))).toEqual([1, 0, 1, 0]);
  });

  it('drops redundant equations (x + y = 2 stated twice, and 0 = 0)', () => {
    const result = optimal(
      solveLinearProgram({
        coefficients: [1, 0],
        direction: 'maximize',
        constraints: [
          { coefficients: [1, 1], relation: '=', rhs: 2 },
          { coefficients: [2, 2], relation: '=', rhs: 4 },
          { coefficients: [0, 0], relation: '=', rhs: 0 },
        ],
      }),
    );
    expect(result.value).toBeCloseTo(2, 9);
  });

  it('solves several objectives over the same constraints, leaving the inputs unchanged', () => {
    const constraints = [
      { coefficients: [1, 1, 1], relation: '=' as const, rhs: 10 },
      { coefficients: [1, -1, 0], relation: '>=' as const, rhs: 2 },
    ];
    const copy = structuredClone(constraints);
    const [low, high, third] = solveLinearPrograms(3, constraints, [
      { coefficients: [1, 0, 0], direction: 'minimize' },
      { coefficients: [1, 0, 0], direction: 'maximize' },
      { coefficients: [0, 1, 0], direction: 'maximize' },
    ]);
    expect(optimal(low as LinearProgramResult).value).toBeCloseTo(2, 9);
    expect(optimal(high as LinearProgramResult).value).toBeCloseTo(10, 9);
    expect(optimal(third as LinearProgramResult).value).toBeCloseTo(4, 9);
    expect(constraints).toEqual(copy);
  });

  it('gives every objective of a long run the optimum it has alone, an unbounded one included (each starts where the one before ended)', () => {
    // A table with margins: 6 x 5 nonnegative cells, row and column sums fixed, one cell only bounded below.
    const random = new SeededRandom(11);
    const rows = 6;
    const columns = 5;
    const cells = Array.from({ length: rows * columns }, () => random.int(20));
    const at = (r: number, c: number) => r * columns + c;
    const line = (members: number[]) => Array.from({ length: rows * columns }, (_, index) => (members.includes(index) ? 1 : 0));
    const constraints = [
      ...Array.from({ length: rows }, (_, r) => ({
        coefficients: line(Array.from({ length: columns }, (_, c) => at(r, c))),
        relation: '=' as const,
        rhs: Array.from({ length: columns }, (_, c) => cells[at(r, c)]!).reduce((a, b) => a + b, 0),
      })),
      ...Array.from({ length: columns - 1 }, (_, c) => ({
        coefficients: line(Array.from({ length: rows }, (_, r) => at(r, c))),
        relation: '=' as const,
        rhs: Array.from({ length: rows }, (_, r) => cells[at(r, c)]!).reduce((a, b) => a + b, 0),
      })),
    ];
    // One more variable that no constraint holds: maximising it (objective 50) is unbounded.
    const width = rows * columns + 1;
    const widened = constraints.map((constraint) => ({ ...constraint, coefficients: [...constraint.coefficients, 0] }));
    const objectives = Array.from({ length: 100 }, (_, index) => ({
      coefficients: index === 50 ? [...new Array<number>(width - 1).fill(0), 1] : [...Array.from({ length: width - 1 }, () => random.int(7) - 3), 0],
      direction: index % 2 === 0 && index !== 50 ? ('minimize' as const) : ('maximize' as const),
    }));
    const together = solveLinearPrograms(width, widened, objectives);
    objectives.forEach((objective, index) => {
      const alone = solveLinearProgram({ ...objective, constraints: widened });
      expect(together[index]!.status, `objective ${index}`).toBe(alone.status);
      if (alone.status === 'optimal') expect(optimal(together[index]!).value, `objective ${index}`).toBeCloseTo(alone.value, 7);
    });
    expect(together.map((result) => result.status).filter((status) => status === 'unbounded')).toEqual(['unbounded']);
  });

  it('rejects a constraint of the wrong length', () => {
    expect(() => solveLinearProgram({ coefficients: [1, 1], direction: 'minimize', constraints: [{ coefficients: [1], relation: '<=', rhs: 1 }] })).toThrow(
      /2/,
    );
  });
});
