// k-means: same result as ml-kmeans from the same centres, seeded determinism, untouched input, progress and abort.
import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { kmeans, type KMeansProgress } from '../../../../../src-main/analysis/clustering/kmeans/index';
import { blobs, pickCentres, rows, uniform, type Dataset } from '../datasets';

const cases: [string, Dataset, number][] = [
  ['2-D blobs, k=3', blobs(300, 2, 3, 8, 1), 3],
  ['12-D overlapping blobs, k=4', blobs(600, 12, 5, 2, 2), 4],
  ['uniform noise 5-D, k=7 (many iterations)', uniform(1000, 5, 3), 7],
  ['30-D blobs, k=5', blobs(400, 30, 5, 3, 4), 5],
];

describe('k-means against ml-kmeans', () => {
  it.each(cases)('%s: identical labels and centres from identical initial centres', (_name, dataset, k) => {
    for (const seed of [11, 12]) {
      const initial = pickCentres(dataset, k, seed);
      // Tolerance 0 on both sides: run to the exact Lloyd fixed point.
      const theirs = mlKmeans(rows(dataset), k, { initialization: initial, maxIterations: 1000, tolerance: 0 });
      const ours = kmeans(dataset.data, dataset.n, dataset.d, k, { initialCentres: initial, maxIterations: 1000, tolerance: 0 });
      expect(ours.converged).toBe(true);
      expect(Array.from(ours.labels)).toEqual(theirs.clusters);
      expect(Array.from(ours.centres)).toEqual(theirs.centroids.flat());
      // ml-kmeans counts the first assignment as an iteration and we count centre updates.
      expect(ours.iterations + 1).toBe(theirs.iterations);
    }
  });
});

describe('k-means', () => {
  const dataset = blobs(2000, 6, 4, 4, 5);

  it('gives the same clusters for the same seed, and reports per-start inertias', () => {
    const a = kmeans(dataset.data, dataset.n, dataset.d, 4, { seed: 7, starts: 5 });
    const b = kmeans(dataset.data, dataset.n, dataset.d, 4, { seed: 7, starts: 5 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.centres)).toEqual(Array.from(b.centres));
    expect(a.inertia).toBe(b.inertia);
    expect(a.startInertias).toHaveLength(5);
    expect(a.inertia).toBe(Math.min(...a.startInertias));
    expect(a.startInertias[a.bestStart]).toBe(a.inertia);
    expect(Array.from(a.sizes).reduce((s, x) => s + x, 0)).toBe(dataset.n);
  });

  it('start i does not depend on how many starts there are', () => {
    const three = kmeans(dataset.data, dataset.n, dataset.d, 4, { seed: 3, starts: 3 });
    const five = kmeans(dataset.data, dataset.n, dataset.d, 4, { seed: 3, starts: 5 });
    expect(Array.from(five.startInertias.subarray(0, 3))).toEqual(Array.from(three.startInertias));
  });

  it('does not modify its input', () => {
    const copy = dataset.data.slice();
    const initial = pickCentres(dataset, 4, 1);
    const initialCopy = structuredClone(initial);
    kmeans(dataset.data, dataset.n, dataset.d, 4, { seed: 1, starts: 2 });
    kmeans(dataset.data, dataset.n, dataset.d, 4, { initialCentres: initial });
    expect(dataset.data).toEqual(copy);
    expect(initial).toEqual(initialCopy);
  });

  it('labels are the nearest centre and the inertia is the sum of squared distances to it', () => {
    const { data, n, d } = dataset;
    const result = kmeans(data, n, d, 4, { seed: 2, starts: 2 });
    let inertia = 0;
    for (let i = 0; i < n; i++) {
      const distances = Array.from({ length: 4 }, (_, j) => {
        let sq = 0;
        for (let t = 0; t < d; t++) sq += (data[i * d + t]! - result.centres[j * d + t]!) ** 2;
        return sq;
      });
      expect(distances.indexOf(Math.min(...distances))).toBe(result.labels[i]);
      inertia += distances[result.labels[i]!]!;
    }
    expect(result.inertia).toBeCloseTo(inertia, 6);
  });

  it('recovers well-separated groups exactly (ARI-free check: one label per true group)', () => {
    const separated = blobs(500, 3, 3, 30, 6);
    const result = kmeans(separated.data, separated.n, separated.d, 3, { seed: 0 });
    const mapping = new Map<number, number>();
    separated.truth.forEach((group, i) => {
      const label = result.labels[i]!;
      expect(mapping.get(group) ?? label).toBe(label);
      mapping.set(group, label);
    });
    expect(new Set(mapping.values()).size).toBe(3);
  });

  it('refills a cluster that loses all its points', () => {
    // Two tight pairs and a far-away initial centre that no point is nearest to.
    const data = Float64Array.from([0, 0, 0, 1, 10, 10, 10, 11]);
    const result = kmeans(data, 4, 2, 3, {
      initialCentres: [
        [0, 0.5],
        [10, 10.5],
        [1000, 1000],
      ],
    });
    expect(Array.from(result.sizes).every((size) => size > 0)).toBe(true);
    expect(result.inertia).toBeCloseTo(0.5, 10);
  });

  it('k = 1 gives the mean', () => {
    const data = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const result = kmeans(data, 3, 2, 1, { seed: 1 });
    expect(Array.from(result.centres)).toEqual([3, 4]);
    expect(result.inertia).toBeCloseTo(16, 12);
  });

  it('reports progress per start and per iteration', () => {
    const events: KMeansProgress[] = [];
    kmeans(dataset.data, dataset.n, dataset.d, 4, { seed: 1, starts: 3, onProgress: (p) => events.push(p) });
    const finished = events.filter((e) => e.finished);
    expect(finished.map((e) => e.start)).toEqual([0, 1, 2]);
    expect(finished.every((e) => typeof e.inertia === 'number')).toBe(true);
    expect(events.some((e) => !e.finished && e.iteration > 0)).toBe(true);
  });

  it('stops when aborted', () => {
    const controller = new AbortController();
    const run = () =>
      kmeans(dataset.data, dataset.n, dataset.d, 4, {
        starts: 10,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.start === 1) controller.abort(new Error('cancelled by the user'));
        },
      });
    expect(run).toThrow('cancelled by the user');
  });

  it('says what is wrong with bad input', () => {
    expect(() => kmeans(new Float64Array(5), 2, 3, 2)).toThrow(/n x d/);
    expect(() => kmeans(new Float64Array(6), 3, 2, 4)).toThrow(/at most 3/);
    expect(() => kmeans(Float64Array.from([0, Number.NaN, 1, 2]), 2, 2, 1)).toThrow(/point 0, variable 1/);
    expect(() => kmeans(new Float64Array(6), 3, 2, 2, { initialCentres: [[0, 0]] })).toThrow(/expected k = 2/);
  });
});
