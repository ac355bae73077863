// Cluster quality measures on small cases worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  calinskiHarabasz,
  meanSilhouette,
  normalizedMutualInformation,
  withinClusterSumOfSquares,
} from '../../../../src-main/analysis/clustering/quality';
import { blobs } from './datasets';

// 1-D points 0, 1 | 4, 5.
const line = Float64Array.from([0, 1, 4, 5]);
const lineLabels = [0, 0, 1, 1];
// 2-D: two pairs and a singleton. A(0,0) B(0,2) | C(3,0) D(3,2) | E(10,1).
const plane = Float64Array.from([0, 0, 0, 2, 3, 0, 3, 2, 10, 1]);
const planeLabels = [0, 0, 1, 1, 2];

describe('within-cluster sum of squares', () => {
  it('sums squared distances to the cluster means', () => {
    // Means 0.5 and 4.5: four points at distance 0.5.
    expect(withinClusterSumOfSquares(line, 4, 1, lineLabels)).toBeCloseTo(1, 12);
    // Each pair member is 1 from its mean (0,1) or (3,1); E is its own mean.
    expect(withinClusterSumOfSquares(plane, 5, 2, planeLabels)).toBeCloseTo(4, 12);
  });
});

describe('silhouette', () => {
  it('matches the hand computation on 0, 1 | 4, 5', () => {
    // Point 0: a = 1, b = (4 + 5) / 2 = 4.5, s = 3.5 / 4.5 = 7/9. Point 1: a = 1, b = 3.5, s = 5/7.
    // By symmetry the other two are 5/7 and 7/9: mean (7/9 + 5/7) / 2 = 47/63.
    expect(meanSilhouette(line, 4, 1, lineLabels)).toBeCloseTo(47 / 63, 12);
  });

  it('gives a singleton 0 and uses the nearest other cluster for b', () => {
    const s13 = Math.sqrt(13);
    const s50 = Math.sqrt(50);
    // A: a = 2, b = mean(|AC| = 3, |AD| = sqrt 13); B mirrors A. C: a = 2, b = mean(3, sqrt 13); D mirrors C.
    const sA = ((3 + s13) / 2 - 2) / ((3 + s13) / 2);
    // C to E is sqrt(50) and D to E sqrt(50): the pair A,B is still nearer for C and D.
    const bC = Math.min((3 + s13) / 2, s50);
    const sC = (bC - 2) / Math.max(2, bC);
    expect(meanSilhouette(plane, 5, 2, planeLabels)).toBeCloseTo((2 * sA + 2 * sC + 0) / 5 /* E is alone: 0 */, 12);
  });

  it('renumbers arbitrary label codes', () => {
    expect(meanSilhouette(line, 4, 1, [7, 7, -3, -3])).toBeCloseTo(47 / 63, 12);
  });

  it('estimates from a seeded sample above sampleSize, close to the exact value', () => {
    const { data, n, d, truth } = blobs(3000, 4, 3, 3, 9);
    const exact = meanSilhouette(data, n, d, truth);
    const sampled = meanSilhouette(data, n, d, truth, { sampleSize: 600, seed: 1 });
    expect(meanSilhouette(data, n, d, truth, { sampleSize: 600, seed: 1 })).toBe(sampled);
    expect(Math.abs(sampled - exact)).toBeLessThan(0.05);
  });

  it('refuses a single cluster', () => {
    expect(() => meanSilhouette(line, 4, 1, [0, 0, 0, 0])).toThrow(/between 2 and n - 1/);
  });
});

describe('Calinski-Harabasz', () => {
  it('matches the hand computation', () => {
    // Overall mean 2.5; between = 2 * 2^2 + 2 * 2^2 = 16; within = 1; (16 / 1) / (1 / 2) = 32.
    expect(calinskiHarabasz(line, 4, 1, lineLabels)).toBeCloseTo(32, 10);
    // Overall mean (3.2, 1); between = 2 * 3.2^2 + 2 * 0.2^2 + 6.8^2 = 66.8; within = 4; (66.8 / 2) / (4 / 2) = 16.7.
    expect(calinskiHarabasz(plane, 5, 2, planeLabels)).toBeCloseTo(16.7, 10);
  });
});

describe('adjusted Rand index', () => {
  it('matches the hand computation', () => {
    // Contingency [[2,0,0],[0,1,1]]: index 1, row pairs 2, column pairs 1, all pairs 6.
    // expected 2 * 1 / 6 = 1/3, max 1.5: (1 - 1/3) / (1.5 - 1/3) = 4/7.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
    // Contingency [[2,1,0],[0,1,2]]: index 2, row pairs 6, column pairs 3, all pairs 15.
    // expected 6 * 3 / 15 = 1.2, max 4.5: (2 - 1.2) / (4.5 - 1.2) = 8/33.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(8 / 33, 12);
  });

  it('is 1 for identical and for permuted labellings, and symmetric', () => {
    const labels = [0, 0, 1, 1, 2, 2, 2, 3];
    expect(adjustedRandIndex(labels, labels)).toBe(1);
    expect(
      adjustedRandIndex(
        labels,
        labels.map((l) => [5, 9, -1, 0][l]!),
      ),
    ).toBe(1);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(adjustedRandIndex([0, 0, 1, 1, 2, 2], [0, 0, 0, 1, 1, 1]), 14);
  });

  it('is 1 when both put everything together, and can be negative', () => {
    expect(adjustedRandIndex([1, 1, 1], [4, 4, 4])).toBe(1);
    // Contingency [[1,1],[1,1]]: index 0, row pairs 2, column pairs 2, all 6: (0 - 2/3) / (2 - 2/3) = -1/2.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });
});

describe('normalised mutual information (arithmetic mean)', () => {
  it('matches the hand computation', () => {
    // H(U) = ln 2, H(V) = 1.5 ln 2, MI = 0.5 ln 2 + 0.25 ln 2 + 0.25 ln 2 = ln 2: NMI = ln 2 / (1.25 ln 2) = 0.8.
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 12);
  });

  it('is 1 for permuted labels, 0 for independent ones, 1 for two single clusters', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1, 2], [2, 2, 0, 0, 1])).toBeCloseTo(1, 12);
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 12);
    expect(normalizedMutualInformation([3, 3, 3], [1, 1, 1])).toBe(1);
  });
});
