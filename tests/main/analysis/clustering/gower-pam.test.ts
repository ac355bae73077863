// Gower distances by hand, PAM's medoids on a tiny 1-D set, PAM's result a true swap optimum, and the size limit.
import { describe, expect, it } from 'vitest';
import { distanceAt, gowerDistance, gowerMatrix, MAX_GOWER_ROWS, type CondensedDistances } from '../../../../src-main/analysis/clustering/gower-distance';
import { pam, type PamProgress } from '../../../../src-main/analysis/clustering/gower-pam';
import type { FeatureSpec, MixedRow } from '../../../../src-main/analysis/clustering/mixed-table';
import { SeededRandom } from '../../../../src-main/analysis/clustering/seeded-random';

/** Absolute differences of 1-D points as a condensed matrix. */
function line(points: readonly number[]): CondensedDistances {
  const n = points.length;
  const values: number[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) values.push(Math.abs(points[a]! - points[b]!));
  return { n, values: Float32Array.from(values) };
}

describe('Gower distance', () => {
  const specs: FeatureSpec[] = [
    { id: 'income', kind: 'numeric' },
    { id: 'type', kind: 'categorical' },
    { id: 'age', kind: 'numeric', weight: 2 },
  ];
  // income range 10, age range 20 (B's age is missing).
  const rows: MixedRow[] = [
    [10, 'x', 30],
    [20, 'y', null],
    [15, 'x', 50],
    [null, null, null],
  ];

  it('matches three pairs computed by hand, skipping missing values and renormalising the weights', () => {
    const copy = structuredClone(rows);
    const distance = gowerDistance(rows, specs);
    expect(distance(0, 1)).toBeCloseTo((1 + 1) / 2, 12); // income 1, type mismatch; age skipped
    expect(distance(0, 2)).toBeCloseTo((0.5 + 0 + 2 * 1) / 4, 12);
    expect(distance(1, 2)).toBeCloseTo((0.5 + 1) / 2, 12);
    expect(distance(0, 3)).toBe(1); // nothing known in common
    const matrix = gowerMatrix(rows, specs);
    expect(matrix.values).toHaveLength(6);
    expect(distanceAt(matrix, 2, 0)).toBeCloseTo(0.625, 6);
    expect(distanceAt(matrix, 1, 1)).toBe(0);
    expect(rows).toEqual(copy);
  });

  it('refuses more than 10 000 rows and points to k-prototypes', () => {
    const many: MixedRow[] = Array.from({ length: MAX_GOWER_ROWS + 1 }, (_, i) => [i]);
    expect(() => gowerMatrix(many, [{ id: 'x', kind: 'numeric' }])).toThrow(/hoogstens 10\.000 huishoudens.*10\.001.*k-prototypes/);
  });
});

describe('PAM', () => {
  it('finds the known medoids of a tiny 1-D set', () => {
    const result = pam(line([0, 1, 2, 10, 11, 12, 30]), 2);
    expect([...result.medoids].sort((a, b) => a - b)).toEqual([1, 4]);
    // Cluster of 11 takes 30 as well: 1 + 1 + 1 + 1 + 19.
    expect(result.totalDeviation).toBeCloseTo(2 + 2 + 19, 6);
    expect(Array.from(result.labels)).toEqual(result.labels[0] === 0 ? [0, 0, 0, 1, 1, 1, 1] : [1, 1, 1, 0, 0, 0, 0]);
    expect(result.converged).toBe(true);
  });

  it('ends where no single swap of a medoid for another row lowers the total deviation', () => {
    const random = new SeededRandom(4);
    const points = Array.from({ length: 40 }, () => random.uniform() * 100);
    const matrix = line(points);
    const result = pam(matrix, 4);
    const cost = (medoids: number[]) => points.reduce((sum, _, o) => sum + Math.min(...medoids.map((m) => distanceAt(matrix, o, m))), 0);
    const medoids = Array.from(result.medoids);
    expect(cost(medoids)).toBeCloseTo(result.totalDeviation, 3);
    for (let j = 0; j < 4; j++) {
      for (let c = 0; c < 40; c++) {
        if (medoids.includes(c)) continue;
        const swapped = medoids.map((m, i) => (i === j ? c : m));
        expect(cost(swapped)).toBeGreaterThanOrEqual(result.totalDeviation - 1e-6);
      }
    }
  });

  it('is deterministic, leaves the matrix alone, reports progress and stops when aborted', () => {
    const random = new SeededRandom(8);
    const matrix = line(Array.from({ length: 60 }, () => random.uniform()));
    const copy = matrix.values.slice();
    const events: PamProgress[] = [];
    const a = pam(matrix, 3, { onProgress: (p) => events.push(p) });
    const b = pam(matrix, 3);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(matrix.values).toEqual(copy);
    expect(events.filter((e) => e.phase === 'build').map((e) => e.step)).toEqual([1, 2, 3]);
    const controller = new AbortController();
    controller.abort(new Error('gestopt'));
    expect(() => pam(matrix, 3, { signal: controller.signal })).toThrow('gestopt');
    expect(() => pam(matrix, 61)).toThrow(/k must be a whole number from 1 to 60/);
  });
});
