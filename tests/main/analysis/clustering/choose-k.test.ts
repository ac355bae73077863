// Choosing k: bootstrap Jaccard stability, the stated advice rule, and the planted k found on well-separated data.
import { describe, expect, it } from 'vitest';
import { chooseK, type ChooseKProgress } from '../../../../src-main/analysis/clustering/choose-k';
import { adviseK } from '../../../../src-main/analysis/clustering/k-advice';
import { kmeans } from '../../../../src-main/analysis/clustering/kmeans/index';
import type { FeatureSpec, MixedRow } from '../../../../src-main/analysis/clustering/mixed-table';
import { encodeMixed } from '../../../../src-main/analysis/clustering/encoding';
import { calinskiHarabasz, meanSilhouette } from '../../../../src-main/analysis/clustering/quality';
import { SeededRandom } from '../../../../src-main/analysis/clustering/seeded-random';
import { bootstrapStability, silhouetteOf } from '../../../../src-main/analysis/clustering/stability';
import { mixedGroups } from './mixed-datasets';

/** `groups` round blobs (unit noise) with centres 25 apart on a circle: well separated whatever the seed. */
function ring(n: number, groups: number, seed: number): { rows: MixedRow[]; specs: FeatureSpec[]; data: Float64Array } {
  const random = new SeededRandom(seed);
  const radius = 25 / (2 * Math.sin(Math.PI / groups));
  const rows = Array.from({ length: n }, (_, i) => {
    const angle = (2 * Math.PI * (i % groups)) / groups;
    return [radius * Math.cos(angle) + random.normal(), radius * Math.sin(angle) + random.normal()];
  });
  return {
    rows,
    specs: [
      { id: 'x', kind: 'numeric' },
      { id: 'y', kind: 'numeric' },
    ],
    data: Float64Array.from(rows.flat()),
  };
}

describe('bootstrapStability', () => {
  const clusterWithKMeans = (data: Float64Array, k: number) => (rows: Int32Array, seed: number) => {
    const part = Float64Array.from(Array.from(rows).flatMap((row) => [data[row * 2]!, data[row * 2 + 1]!]));
    return kmeans(part, rows.length, 2, k, { seed, starts: 3 }).labels;
  };

  it('is 1 for every cluster of perfectly separated blobs', () => {
    const { data } = ring(90, 3, 1);
    const labels = kmeans(data, 90, 2, 3, { seed: 1 }).labels;
    const stability = bootstrapStability(labels, 3, clusterWithKMeans(data, 3), { resamples: 50, seed: 2 });
    expect(stability.resamples).toBe(50);
    expect(Array.from(stability.meanJaccard)).toEqual([1, 1, 1]);
  });

  it('is below 1 for clusters cut out of noise, and the same for the same seed', () => {
    const random = new SeededRandom(3);
    const data = Float64Array.from({ length: 200 }, () => random.uniform());
    const labels = kmeans(data, 100, 2, 4, { seed: 1 }).labels;
    const run = () => bootstrapStability(labels, 4, clusterWithKMeans(data, 4), { resamples: 50, seed: 5 });
    const stability = run();
    expect(Math.min(...stability.meanJaccard)).toBeLessThan(0.95);
    expect(Array.from(run().meanJaccard)).toEqual(Array.from(stability.meanJaccard));
  });
});

describe('silhouetteOf', () => {
  it('matches a hand computation on four points of a line', () => {
    // 0, 1 | 5, 6: s(0) = (5.5 - 1) / 5.5, s(1) = (4.5 - 1) / 4.5, symmetric for the others.
    const points = [0, 1, 5, 6];
    const value = silhouetteOf(4, [0, 0, 1, 1], (a, b) => Math.abs(points[a]! - points[b]!));
    expect(value).toBeCloseTo((4.5 / 5.5 + 3.5 / 4.5) / 2, 12);
  });

  it('agrees with quality.meanSilhouette for Euclidean distance, exact and on a seeded sample', () => {
    const { data } = ring(300, 3, 7);
    const labels = kmeans(data, 300, 2, 3, { seed: 1 }).labels;
    const euclidean = (a: number, b: number) => Math.hypot(data[a * 2]! - data[b * 2]!, data[a * 2 + 1]! - data[b * 2 + 1]!);
    expect(silhouetteOf(300, labels, euclidean)).toBeCloseTo(meanSilhouette(data, 300, 2, labels), 10);
    const sampled = silhouetteOf(300, labels, euclidean, { sampleSize: 100, seed: 3 });
    expect(sampled).toBeCloseTo(meanSilhouette(data, 300, 2, labels, { sampleSize: 100, seed: 3 }), 10);
  });
});

describe('adviseK', () => {
  /** A made-up evaluation: silhouette and its bootstrap spread, Calinski-Harabasz, gap, Jaccards. */
  const evaluation = (k: number, silhouette: number, calinskiHarabasz: number, gap: number, jaccard: number[], silhouetteSd = 0.01) => ({
    k,
    silhouette,
    silhouetteSd,
    calinskiHarabasz,
    gap,
    jaccard: Float64Array.from(jaccard),
  });
  const stable = (k: number) => Array.from({ length: k }, () => 0.9);

  it('follows the indices that agree: gap elbow and Calinski-Harabasz outvote a silhouette that prefers fewer clusters', () => {
    // The gap rises 0.2, 0.2, 0.3 and then only 0.02: an elbow at 4; CH peaks at 4; the silhouette is highest at 3.
    const result = adviseK(
      [
        evaluation(2, 0.3, 140, 0.3, stable(2)),
        evaluation(3, 0.37, 150, 0.5, stable(3)),
        evaluation(4, 0.33, 190, 0.8, stable(4)),
        evaluation(5, 0.3, 160, 0.82, stable(5)),
        evaluation(6, 0.28, 140, 0.84, stable(6)),
      ],
      { gap: 0.1 },
    );
    expect(result.recommendedK).toBe(4);
    expect(result.defensible).toEqual([3, 4]);
    expect(result.reason).toBe(
      'k = 4: aangewezen door Calinski-Harabasz en gap-statistiek; alle clusters stabiel (Jaccard >= 0,75). Ook verdedigbaar: k = 3 (silhouet).',
    );
  });

  it('takes the larger k where silhouettes are level within their noise, and the larger k on a tie of votes', () => {
    const level = [
      evaluation(2, 0.2, 60, 0.1, stable(2), 0.02),
      evaluation(3, 0.21, 50, 0.2, stable(3), 0.02),
      evaluation(4, 0.215, 45, 0.3, stable(4), 0.02),
      evaluation(5, 0.2, 40, 0.4, stable(5), 0.02),
    ];
    // No clear gap elbow (equal rises): silhouette names 5 (0.215 - 0.2 is within 2 x 0.02), CH names 2; the tie goes to 5.
    const result = adviseK(level, { gap: 0 });
    expect(result.recommendedK).toBe(5);
    expect(result.defensible).toEqual([2, 5]);
    expect(result.reason).toContain('Ook verdedigbaar: k = 2 (Calinski-Harabasz).');
    // With no noise the silhouette names its own best, 4.
    const exact = adviseK(
      level.map((e) => ({ ...e, silhouetteSd: 0 })),
      { gap: 0 },
    );
    expect(exact.defensible).toEqual([2, 4]);
    expect(exact.recommendedK).toBe(4);
  });

  it('never names a k with a cluster under 0.6 mean Jaccard, and says how many clusters are stable', () => {
    const result = adviseK(
      [evaluation(2, 0.3, 100, 0.2, [0.9, 0.9]), evaluation(3, 0.45, 200, 0.6, [0.9, 0.5, 0.9]), evaluation(4, 0.31, 90, 0.62, [0.8, 0.7, 0.85, 0.76])],
      { gap: 0 },
    );
    expect(result.defensible).not.toContain(3);
    expect(result.recommendedK).toBe(4);
    expect(result.reason).toContain('3 van de 4 clusters stabiel (Jaccard >= 0,75), geen onbetrouwbaar (alle >= 0,60)');
  });

  it('falls back to the k whose weakest cluster is most stable when every k has an untrustworthy cluster', () => {
    const result = adviseK([evaluation(2, 0.3, 50, 0.1, [0.5, 0.9]), evaluation(3, 0.2, 40, 0.2, [0.58, 0.7, 0.9])], { gap: 0 });
    expect(result.recommendedK).toBe(3);
    expect(result.defensible).toEqual([]);
    expect(result.reason).toContain('bij elke k valt minstens een cluster uiteen');
  });
});

describe('chooseK', () => {
  it.each([3, 5])('recommends the planted k = %i on well-separated blobs (k-means)', (planted) => {
    const { rows, specs } = ring(40 * planted, planted, planted);
    const result = chooseK(rows, specs, { algorithm: 'kmeans', seed: 1, starts: 2 });
    expect(result.evaluations.map((e) => e.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.recommendedK).toBe(planted);
    const chosen = result.evaluations.find((e) => e.k === planted)!;
    expect(Array.from(chosen.jaccard).every((value) => value === 1)).toBe(true);
    expect(chosen.calinskiHarabasz).toBeGreaterThan(result.evaluations[0]!.calinskiHarabasz);
    expect(result.reason).toBe(`k = ${planted}: aangewezen door silhouet, Calinski-Harabasz en gap-statistiek; alle clusters stabiel (Jaccard >= 0,75).`);
    expect(result.defensible).toEqual([planted]);
    // The pseudo-F on k-means' own error is Calinski-Harabasz itself.
    const { data, n, d } = encodeMixed(rows, specs);
    expect(chosen.calinskiHarabasz).toBeCloseTo(calinskiHarabasz(data, n, d, chosen.labels), 6);
    // The silhouette's bootstrap spread is small but not nil.
    expect(chosen.silhouetteSd).toBeGreaterThan(0);
    expect(chosen.silhouetteSd).toBeLessThan(0.05);
  });

  it.each(['kprototypes', 'pam'] as const)('recommends the planted k = 3 on mixed data (%s)', (algorithm) => {
    const { rows, specs } = mixedGroups(90, 3, 11, 1);
    const result = chooseK(rows, specs, { algorithm, seed: 2, starts: 2, kRange: [2, 5], resamples: 20 });
    expect(result.recommendedK).toBe(3);
    // The pseudo-F on the algorithm's own error peaks at the planted k, and the gap's rise stops there.
    const best = result.evaluations.reduce((a, b) => (b.calinskiHarabasz > a.calinskiHarabasz ? b : a));
    expect(best.k).toBe(3);
    const gaps = [result.gapAtOne.gap, ...result.evaluations.map((e) => e.gap)];
    expect(gaps[2]! - gaps[1]!).toBeGreaterThan(2 * (gaps[3]! - gaps[2]!));
    // The elbow: the error falls steeply up to the planted k, then flattens.
    const [two, three, four] = result.evaluations.map((e) => e.withinError);
    expect(two! - three!).toBeGreaterThan(3 * (three! - four!));
  });

  it('is deterministic, leaves its input alone, reports progress per k and resample, and stops when aborted', () => {
    const { rows, specs } = mixedGroups(60, 3, 12, 0.8);
    const copy = structuredClone(rows);
    const events: ChooseKProgress[] = [];
    const options = { algorithm: 'kprototypes', seed: 4, starts: 2, kRange: [2, 3], resamples: 5 } as const;
    const a = chooseK(rows, specs, { ...options, onProgress: (p) => events.push(p) });
    const b = chooseK(rows, specs, options);
    expect(a).toEqual(b);
    expect(rows).toEqual(copy);
    expect(events.filter((e) => e.phase === 'cluster').map((e) => e.k)).toEqual([2, 3]);
    expect(events.filter((e) => e.phase === 'resample' && e.k === 3).map((e) => e.resample)).toEqual([1, 2, 3, 4, 5]);
    expect(events.filter((e) => e.phase === 'reference').map((e) => e.resample)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const controller = new AbortController();
    const run = () => chooseK(rows, specs, { ...options, signal: controller.signal, onProgress: (p) => p.k === 3 && controller.abort(new Error('gestopt')) });
    expect(run).toThrow('gestopt');
    expect(() => chooseK(rows, specs, { ...options, kRange: [1, 3] })).toThrow(/2 <= low <= high/);
  });
});
