// Choosing the number of clusters: per k the error, silhouette (and its bootstrap noise), Calinski-Harabasz, the gap
// statistic and bootstrap stability; the advice itself is k-advice.ts.
import { encodeMixed, type EncodingOptions } from './encoding';
import { gowerMatrix, subMatrix, distanceAt } from './gower-distance';
import { pam } from './gower-pam';
import { kmeans } from './kmeans/index';
import { adviseK } from './k-advice';
import { estimateLambda, kprototypes, rowDissimilarity } from './kprototypes';
import { readMixedTable, type FeatureSpec, type MixedRow, type MixedTable } from './mixed-table';
import { gapStatistic } from './gap-statistic';
import { meanSilhouette } from './quality';
import { deriveSeed } from './seeded-random';
import { bootstrapStability, silhouetteOf } from './stability';

/**
 * - 'kmeans': k-means on the one-hot encoding (encodeMixed); silhouette with Euclidean
 *   distance on that encoding, Calinski-Harabasz too; error = inertia.
 * - 'kprototypes': silhouette with sqrt of the k-prototypes dissimilarity between rows (the
 *   quantity it minimises, as Euclidean is for k-means' squared distance); error = cost.
 * - 'pam': PAM on Gower distances; silhouette with Gower; error = total deviation.
 * Calinski-Harabasz is the pseudo-F on each algorithm's own error (see KEvaluation).
 */
export type ChooseKAlgorithm = 'kmeans' | 'kprototypes' | 'pam';

export interface ChooseKProgress {
  k: number;
  /**
   * 'cluster': the clustering of all rows is done; 'resample': one more bootstrap resample is done (`resample` of
   * `resamples`); 'reference': one more gap-statistic reference is clustered at every k (after the last k; `k` is the highest).
   */
  phase: 'cluster' | 'resample' | 'reference';
  resample: number;
  resamples: number;
}

/** Gap-statistic reference data sets, each clustered once at every k. */
export const DEFAULT_REFERENCES = 10;
/** Rows a resample's silhouette is computed over (a seeded sample beyond): enough for its spread, cheap at any n. */
const RESAMPLE_SILHOUETTE_ROWS = 1_000;

export interface ChooseKOptions extends EncodingOptions {
  algorithm: ChooseKAlgorithm;
  /** Default 2..8. */
  kRange?: readonly [number, number];
  /** Bootstrap resamples per k; default 50. */
  resamples?: number;
  /** Gap-statistic references; default DEFAULT_REFERENCES. */
  references?: number;
  /** Starts for k-means and k-prototypes; default 10 (on the full data) and the same on resamples. */
  starts?: number;
  /** k-prototypes' lambda; default estimateLambda on the full table (kept for the resamples). */
  lambda?: number;
  seed?: number;
  /** A k is only recommended when every cluster's mean Jaccard reaches this; default 0.6 (below it clusterboot calls a cluster dissolved). */
  minJaccard?: number;
  /** A cluster counts as stable from this mean Jaccard; default 0.75 (clusterboot's "stable"), reported in the reason. */
  stableJaccard?: number;
  onProgress?: (progress: ChooseKProgress) => void;
  signal?: AbortSignal;
}

export interface KEvaluation {
  k: number;
  labels: Int32Array;
  withinError: number;
  silhouette: number;
  /** Standard deviation of the silhouette over the bootstrap resamples: how far it moves by chance alone. */
  silhouetteSd: number;
  /**
   * Calinski-Harabasz on the algorithm's own error: (T - W) / (k - 1) over W / (n - k), T the error of one cluster.
   * For k-means that is the index itself (T the total sum of squares); for k-prototypes and PAM the same pseudo-F on
   * their cost and total deviation.
   */
  calinskiHarabasz: number;
  /** The gap statistic and its standard error (gap-statistic.ts). */
  gap: number;
  gapSe: number;
  /** Mean best-Jaccard per cluster over the resamples. */
  jaccard: Float64Array;
  allStable: boolean;
}

export interface ChooseKResult {
  algorithm: ChooseKAlgorithm;
  evaluations: KEvaluation[];
  recommendedK: number;
  /** Every k the rule finds defensible (the recommended one among them), ascending. */
  defensible: number[];
  /** The gap statistic at one cluster (no structure), for the rule's first step. */
  gapAtOne: { gap: number; se: number };
  /** One or two sentences in Dutch for the analyst. */
  reason: string;
}

interface Clusterer {
  n: number;
  /**
  /** Labels of `rows` (null: all rows) with k clusters, and the within-cluster error. */
  cluster(rows: Int32Array | null, k: number, seed: number): { labels: ArrayLike<number>; error: number };
  /** Mean silhouette of `rows` (null: all rows) under the algorithm's own distance, labels per entry of `rows`. */
  silhouette(rows: Int32Array | null, labels: Int32Array, sampleSize?: number): number;
}

function clustererFor(rows: readonly MixedRow[], specs: readonly FeatureSpec[], options: ChooseKOptions): Clusterer {
  const starts = options.starts ?? 10;
  const signal = options.signal;
  if (options.algorithm === 'kmeans') {
    const { data, n, d } = encodeMixed(rows, specs, options);
    const euclidean = (a: number, b: number) => {
      let sum = 0;
      for (let t = 0; t < d; t++) sum += (data[a * d + t]! - data[b * d + t]!) ** 2;
      return Math.sqrt(sum);
    };
    return {
      n,
      cluster: (subset, k, seed) => {
        const part = subset ? subsetRows(data, d, subset) : data;
        const result = kmeans(part, subset?.length ?? n, d, k, { starts, seed, signal });
        return { labels: result.labels, error: result.inertia };
      },
      silhouette: (subset, labels, sampleSize) =>
        subset ? silhouetteOf(subset.length, labels, (a, b) => euclidean(subset[a]!, subset[b]!), { sampleSize }) : meanSilhouette(data, n, d, labels),
    };
  }
  if (options.algorithm === 'kprototypes') {
    const table = readMixedTable(rows, specs);
    const lambda = options.lambda ?? estimateLambda(table);
    const distance = rowDissimilarity(table, lambda);
    return {
      n: table.n,
      cluster: (subset, k, seed) => {
        const result = kprototypes(subset ? subsetTable(table, subset) : table, k, { lambda, starts, seed, signal });
        return { labels: result.labels, error: result.cost };
      },
      silhouette: (subset, labels, sampleSize) =>
        subset
          ? silhouetteOf(subset.length, labels, (a, b) => Math.sqrt(distance(subset[a]!, subset[b]!)), { sampleSize })
          : silhouetteOf(table.n, labels, (a, b) => Math.sqrt(distance(a, b))),
    };
  }
  const matrix = gowerMatrix(rows, specs, signal);
  return {
    n: matrix.n,
    cluster: (subset, k) => {
      const result = pam(subset ? subMatrix(matrix, subset) : matrix, k, { signal });
      return { labels: result.labels, error: result.totalDeviation };
    },
    silhouette: (subset, labels, sampleSize) =>
      subset
        ? silhouetteOf(subset.length, labels, (a, b) => distanceAt(matrix, subset[a]!, subset[b]!), { sampleSize })
        : silhouetteOf(matrix.n, labels, (a, b) => distanceAt(matrix, a, b)),
  };
}

function subsetRows(data: Float64Array, d: number, rows: Int32Array): Float64Array {
  const part = new Float64Array(rows.length * d);
  rows.forEach((row, i) => part.set(data.subarray(row * d, row * d + d), i * d));
  return part;
}

/** The resample as a table of its own; standardisation and category codes stay those of the full table. */
function subsetTable(table: MixedTable, rows: Int32Array): MixedTable {
  const p = table.numericFeatures.length;
  const q = table.categoricalFeatures.length;
  return {
    ...table,
    n: rows.length,
    numeric: subsetRows(table.numeric, p, rows),
    codes: Int32Array.from({ length: rows.length * q }, (_, at) => table.codes[rows[Math.floor(at / q)]! * q + (at % q)]!),
  };
}

/**
 * Evaluates every k in the range: the clustering of all rows, its silhouette and Calinski-Harabasz, bootstrap
 * stability (with the silhouette of every resample, whose spread is the silhouette's noise) and the gap statistic;
 * then k-advice.ts recommends one k by its stated rule.
 */
export function chooseK(rows: readonly MixedRow[], specs: readonly FeatureSpec[], options: ChooseKOptions): ChooseKResult {
  const [low, high] = options.kRange ?? [2, 8];
  const clusterer = clustererFor(rows, specs, options);
  if (!(Number.isInteger(low) && Number.isInteger(high) && low >= 2 && high >= low && high < clusterer.n)) {
    throw new Error(`Choosing k: the range must be whole numbers 2 <= low <= high < ${clusterer.n} (the rows); got ${low}..${high}.`);
  }
  const seed = options.seed ?? 0;
  const thresholds = { minJaccard: options.minJaccard ?? 0.6, stableJaccard: options.stableJaccard ?? 0.75 };
  const resamples = options.resamples ?? 50;
  const n = clusterer.n;
  // The error of one cluster is the total the clusters explain part of (for k-means the total sum of squares).
  const totalError = clusterer.cluster(null, 1, deriveSeed(seed, 1)).error;
  const evaluations: Omit<KEvaluation, 'gap' | 'gapSe'>[] = [];
  for (let k = low; k <= high; k++) {
    options.signal?.throwIfAborted();
    const full = clusterer.cluster(null, k, deriveSeed(seed, k));
    const labels = Int32Array.from(full.labels);
    options.onProgress?.({ k, phase: 'cluster', resample: 0, resamples });
    const stability = bootstrapStability(labels, k, (subset, resampleSeed) => clusterer.cluster(subset, k, resampleSeed).labels, {
      resamples,
      seed: deriveSeed(seed, 1000 + k),
      signal: options.signal,
      onProgress: ({ resample }) => options.onProgress?.({ k, phase: 'resample', resample, resamples }),
      score: (subset, subsetLabels) => safeSilhouette(() => clusterer.silhouette(subset, subsetLabels, RESAMPLE_SILHOUETTE_ROWS)),
    });
    const jaccard = stability.meanJaccard;
    evaluations.push({
      k,
      labels,
      withinError: full.error,
      silhouette: clusterer.silhouette(null, labels),
      silhouetteSd: spread(stability.scores),
      calinskiHarabasz: full.error > 0 ? (totalError - full.error) / (k - 1) / (full.error / Math.max(1, n - k)) : Number.POSITIVE_INFINITY,
      jaccard,
      allStable: jaccard.every((value) => value >= thresholds.stableJaccard),
    });
  }
  const ks = [1, ...evaluations.map((evaluation) => evaluation.k)];
  const references = options.references ?? DEFAULT_REFERENCES;
  const gaps = gapStatistic(
    rows,
    ks,
    [totalError, ...evaluations.map((evaluation) => evaluation.withinError)],
    (reference) => {
      // One clusterer per reference (for PAM its Gower matrix), used at every k.
      const clusterer = clustererFor(reference, specs, options);
      return (k, referenceSeed) => {
        options.signal?.throwIfAborted();
        return clusterer.cluster(null, k, referenceSeed).error;
      };
    },
    {
      references,
      seed: deriveSeed(seed, 3000),
      onReference: (done) => options.onProgress?.({ k: high, phase: 'reference', resample: done, resamples: references }),
    },
  );
  const withGaps: KEvaluation[] = evaluations.map((evaluation, at) => ({ ...evaluation, gap: gaps[at + 1]!.gap, gapSe: gaps[at + 1]!.se }));
  const gapAtOne = { gap: gaps[0]!.gap, se: gaps[0]!.se };
  return { algorithm: options.algorithm, evaluations: withGaps, gapAtOne, ...adviseK(withGaps, gapAtOne, thresholds) };
}

/** A resample can come back with fewer than two clusters among its distinct rows: its silhouette is then not counted. */
function safeSilhouette(compute: () => number): number {
  try {
    return compute();
  } catch {
    return Number.NaN;
  }
}

/** Sample standard deviation of the finite values; NaN with fewer than two. */
function spread(values: Float64Array): number {
  const finite = Array.from(values).filter(Number.isFinite);
  if (finite.length < 2) return Number.NaN;
  const mean = finite.reduce((sum, value) => sum + value, 0) / finite.length;
  return Math.sqrt(finite.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (finite.length - 1));
}
