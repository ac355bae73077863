// Bootstrap stability of clusters (the idea of Hennig's clusterboot): mean best-Jaccard per cluster over seeded resamples;
// and a silhouette for any dissimilarity.
import { silhouetteFromSums, silhouetteRows } from './quality';
import { deriveSeed, SeededRandom } from './seeded-random';

export interface StabilityProgress {
  resample: number;
  resamples: number;
}

export interface StabilityOptions {
  /** Default 50. */
  resamples?: number;
  seed?: number;
  onProgress?: (progress: StabilityProgress) => void;
  signal?: AbortSignal;
  /**
   * A quality of each resample's clustering (e.g. its silhouette), over the distinct rows drawn with their labels; the
   * spread of these values says how much the quality itself varies from sample to sample.
   */
  score?: (rows: Int32Array, labels: Int32Array) => number;
}

/**
 * Clusters `rows` (row numbers of the original table, with repeats) with the given seed and
 * returns one label per entry of `rows`.
 */
export type ResampleClusterer = (rows: Int32Array, seed: number) => ArrayLike<number>;

export interface Stability {
  /** Per original cluster: the mean over resamples of its best Jaccard similarity; NaN if it never had a point drawn. */
  meanJaccard: Float64Array;
  resamples: number;
  /** The score of each resample, when one was asked for (else empty). */
  scores: Float64Array;
}

/**
 * For each of `resamples` bootstrap samples (n rows drawn with replacement, seeded) the data
 * are clustered again. Each original cluster C, restricted to the distinct rows drawn, is
 * compared with every cluster D of the resample (also as a set of distinct rows): Jaccard =
 * |C and D| / |C or D|; C's score for that resample is the best one. The mean over
 * resamples says how well C is found again: clusterboot's reading is below 0.6 "dissolved",
 * 0.75 and above "stable", 0.85 and above "highly stable".
 */
export function bootstrapStability(labels: ArrayLike<number>, k: number, cluster: ResampleClusterer, options: StabilityOptions = {}): Stability {
  const n = labels.length;
  const resamples = options.resamples ?? 50;
  if (!Number.isInteger(resamples) || resamples < 1) throw new Error(`Stability: resamples must be a positive whole number, got ${resamples}.`);
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  const seed = options.seed ?? 0;
  const scores = new Float64Array(options.score ? resamples : 0);
  for (let b = 0; b < resamples; b++) {
    options.signal?.throwIfAborted();
    const random = new SeededRandom(deriveSeed(seed, b));
    const rows = Int32Array.from({ length: n }, () => random.int(n));
    const resampleLabels = cluster(rows, deriveSeed(seed ^ 0x5bd1e995, b));
    // A row drawn more than once counts once, with the label of its first copy.
    const labelOf = new Map<number, number>();
    rows.forEach((row, position) => {
      if (!labelOf.has(row)) labelOf.set(row, resampleLabels[position]!);
    });
    if (options.score) scores[b] = options.score(Int32Array.from(labelOf.keys()), Int32Array.from(labelOf.values()));
    const jaccards = bestJaccards(labels, k, labelOf);
    for (let c = 0; c < k; c++) {
      if (Number.isNaN(jaccards[c]!)) continue;
      sums[c]! += jaccards[c]!;
      counts[c]!++;
    }
    options.onProgress?.({ resample: b + 1, resamples });
  }
  return { meanJaccard: Float64Array.from(sums, (sum, c) => (counts[c]! > 0 ? sum / counts[c]! : Number.NaN)), resamples, scores };
}

/** Best Jaccard of each original cluster against the resample's clusters, over the distinct rows drawn. */
function bestJaccards(labels: ArrayLike<number>, k: number, labelOf: Map<number, number>): Float64Array {
  const originalSizes = new Int32Array(k);
  const resampleSizes = new Map<number, number>();
  const overlap = new Map<number, number>();
  let width = 0;
  for (const label of labelOf.values()) width = Math.max(width, label + 1);
  for (const [row, resampleLabel] of labelOf) {
    const original = labels[row]!;
    originalSizes[original]!++;
    resampleSizes.set(resampleLabel, (resampleSizes.get(resampleLabel) ?? 0) + 1);
    const key = original * width + resampleLabel;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  const best = new Float64Array(k).fill(Number.NaN);
  for (let c = 0; c < k; c++) {
    if (originalSizes[c] === 0) continue;
    best[c] = 0;
    for (const [resampleLabel, size] of resampleSizes) {
      const both = overlap.get(c * width + resampleLabel) ?? 0;
      best[c] = Math.max(best[c]!, both / (originalSizes[c]! + size - both));
    }
  }
  return best;
}

/**
 * Mean silhouette width for any dissimilarity (Gower for PAM, the k-prototypes dissimilarity
 * for k-prototypes): s(i) = (b - a) / max(a, b) as in quality.meanSilhouette, 0 for a row
 * alone in its cluster. Exact, O(n^2), up to `sampleSize` rows (default 10 000, as
 * quality.meanSilhouette); above that, the exact silhouette of a seeded uniform sample of
 * that many rows, distances only within the sample.
 */
export function silhouetteOf(
  n: number,
  labels: ArrayLike<number>,
  distance: (a: number, b: number) => number,
  { sampleSize = 10_000, seed = 0 }: { sampleSize?: number; seed?: number } = {},
): number {
  const rows = silhouetteRows(n, sampleSize, seed);
  const m = rows.length;
  let groups = 0;
  for (const row of rows) groups = Math.max(groups, labels[row]! + 1);
  const label = Int32Array.from(rows, (row) => labels[row]!);
  const sizes = new Float64Array(groups);
  for (let i = 0; i < m; i++) sizes[label[i]!]!++;
  if (sizes.filter((size) => size > 0).length < 2) throw new Error('The silhouette needs at least 2 non-empty clusters.');
  const sums = new Float64Array(m * groups);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const value = distance(rows[i]!, rows[j]!);
      sums[i * groups + label[j]!]! += value;
      sums[j * groups + label[i]!]! += value;
    }
  }
  return silhouetteFromSums(sums, label, sizes, groups);
}
