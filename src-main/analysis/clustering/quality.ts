// How good a clustering is: within-cluster error, silhouette and Calinski-Harabasz for choosing k; ARI and NMI against another labelling.
import { squaredDistance } from './kmeans/index';
import { SeededRandom } from './seeded-random';

/** Labels may be any integers (e.g. codes from a register); they are renumbered 0..g-1 in order of first appearance. */
function denseLabels(labels: ArrayLike<number>): { dense: Int32Array; groups: number } {
  const codes = new Map<number, number>();
  const dense = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    let code = codes.get(label);
    if (code === undefined) {
      code = codes.size;
      codes.set(label, code);
    }
    dense[i] = code;
  }
  return { dense, groups: codes.size };
}

function checkShape(data: Float64Array, n: number, d: number, labels: ArrayLike<number>): void {
  if (data.length !== n * d) throw new Error(`Cluster quality: data has ${data.length} values, but n x d = ${n * d}.`);
  if (labels.length !== n) throw new Error(`Cluster quality: ${labels.length} labels for ${n} points.`);
}

function clusterMeans(data: Float64Array, n: number, d: number, dense: Int32Array, groups: number): { means: Float64Array; sizes: Float64Array } {
  const means = new Float64Array(groups * d);
  const sizes = new Float64Array(groups);
  for (let i = 0; i < n; i++) {
    const g = dense[i]!;
    sizes[g]!++;
    for (let t = 0; t < d; t++) means[g * d + t]! += data[i * d + t]!;
  }
  for (let g = 0; g < groups; g++) for (let t = 0; t < d; t++) means[g * d + t]! /= sizes[g]!;
  return { means, sizes };
}

/** Within-cluster sum of squared distances to the cluster means (the "elbow" curve's y value; k-means' inertia). */
export function withinClusterSumOfSquares(data: Float64Array, n: number, d: number, labels: ArrayLike<number>): number {
  checkShape(data, n, d, labels);
  const { dense, groups } = denseLabels(labels);
  const { means } = clusterMeans(data, n, d, dense, groups);
  let total = 0;
  for (let i = 0; i < n; i++) total += squaredDistance(data, i * d, means, dense[i]! * d, d);
  return total;
}

/**
 * Calinski-Harabasz index: (between-cluster dispersion / (g - 1)) / (within-cluster
 * dispersion / (n - g)); higher is better. Needs 2 <= g < n clusters. When every point sits
 * exactly on its cluster mean the index is Infinity (scikit-learn returns 1 there instead).
 */
export function calinskiHarabasz(data: Float64Array, n: number, d: number, labels: ArrayLike<number>): number {
  checkShape(data, n, d, labels);
  const { dense, groups } = denseLabels(labels);
  if (groups < 2 || groups >= n) throw new Error(`Calinski-Harabasz needs between 2 and n - 1 clusters; got ${groups} clusters for ${n} points.`);
  const { means, sizes } = clusterMeans(data, n, d, dense, groups);
  const overall = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) overall[t]! += data[i * d + t]!;
  for (let t = 0; t < d; t++) overall[t]! /= n;
  let between = 0;
  for (let g = 0; g < groups; g++) between += sizes[g]! * squaredDistance(means, g * d, overall, 0, d);
  let within = 0;
  for (let i = 0; i < n; i++) within += squaredDistance(data, i * d, means, dense[i]! * d, d);
  return (between * (n - groups)) / (within * (groups - 1));
}

export interface SilhouetteOptions {
  /** Above this many points the silhouette is computed on a seeded random sample of this size. Default 10 000. */
  sampleSize?: number;
  seed?: number;
}

/**
 * Mean silhouette width with Euclidean distances; from -1 to 1, higher is better.
 * s(i) = (b - a) / max(a, b), a = mean distance to the other members of i's cluster,
 * b = lowest mean distance to the members of another cluster; s = 0 for a point alone in
 * its cluster. Exact, O(n^2 d), up to `sampleSize` points. For larger n it is the exact
 * silhouette of a uniform sample of `sampleSize` points drawn without replacement with the
 * seed (distances only within the sample, as scikit-learn's sample_size does): an estimate
 * whose standard error is roughly (spread of s) / sqrt(sampleSize).
 */
export function meanSilhouette(data: Float64Array, n: number, d: number, labels: ArrayLike<number>, options: SilhouetteOptions = {}): number {
  checkShape(data, n, d, labels);
  const sampleSize = options.sampleSize ?? 10_000;
  const rows = silhouetteRows(n, sampleSize, options.seed ?? 0);
  const m = rows.length;
  const { dense, groups } = denseLabels(Array.from(rows, (row) => labels[row]!));
  if (groups < 2 || groups >= m) throw new Error(`The silhouette needs between 2 and n - 1 clusters; got ${groups} clusters for ${m} points.`);

  const sizes = new Float64Array(groups);
  for (let i = 0; i < m; i++) sizes[dense[i]!]!++;
  // distanceSums[i * groups + g]: sum of distances from point i to the points of cluster g.
  const distanceSums = new Float64Array(m * groups);
  for (let i = 0; i < m; i++) {
    const rowI = rows[i]! * d;
    const gi = dense[i]!;
    for (let j = i + 1; j < m; j++) {
      const distance = Math.sqrt(squaredDistance(data, rowI, data, rows[j]! * d, d));
      distanceSums[i * groups + dense[j]!]! += distance;
      distanceSums[j * groups + gi]! += distance;
    }
  }
  return silhouetteFromSums(distanceSums, dense, sizes, groups);
}

/**
 * The mean silhouette from, per point, its summed distances to every cluster (sums[i * groups + g]); shared
 * by the Euclidean silhouette here and the silhouette under any distance in stability.ts. A singleton's
 * silhouette is 0; empty clusters are skipped.
 */
export function silhouetteFromSums(sums: Float64Array, label: ArrayLike<number>, sizes: Float64Array, groups: number): number {
  const m = label.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = label[i]!;
    if (sizes[own]! === 1) continue;
    const a = sums[i * groups + own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let g = 0; g < groups; g++) if (g !== own && sizes[g]! > 0) b = Math.min(b, sums[i * groups + g]! / sizes[g]!);
    const spread = Math.max(a, b);
    if (spread > 0) total += (b - a) / spread;
  }
  return total / m;
}

/** The rows a silhouette is computed over: all n, or `sampleSize` distinct rows in a seeded order (partial Fisher-Yates). */
export function silhouetteRows(n: number, sampleSize: number, seed: number): Int32Array {
  if (n <= sampleSize) return Int32Array.from({ length: n }, (_, i) => i);
  const random = new SeededRandom(seed);
  const swapped = new Map<number, number>();
  const rows = new Int32Array(sampleSize);
  for (let i = 0; i < sampleSize; i++) {
    const j = i + random.int(n - i);
    rows[i] = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
  }
  return rows;
}

/** Contingency counts of two labellings of the same points. */
function contingency(left: ArrayLike<number>, right: ArrayLike<number>) {
  if (left.length !== right.length) throw new Error(`Comparing labellings of different lengths (${left.length} and ${right.length}).`);
  const a = denseLabels(left);
  const b = denseLabels(right);
  const cells = new Map<number, number>();
  const rowTotals = new Float64Array(a.groups);
  const columnTotals = new Float64Array(b.groups);
  for (let i = 0; i < left.length; i++) {
    const key = a.dense[i]! * b.groups + b.dense[i]!;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rowTotals[a.dense[i]!]!++;
    columnTotals[b.dense[i]!]!++;
  }
  return { n: left.length, cells, rowTotals, columnTotals, columns: b.groups };
}

const pairs = (count: number): number => (count * (count - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie 1985): pair agreement corrected for chance; 1 for
 * identical partitions (whatever the label numbers), about 0 for unrelated ones. When both
 * labellings put everything in one cluster, or every point in its own, it is defined as 1.
 */
export function adjustedRandIndex(left: ArrayLike<number>, right: ArrayLike<number>): number {
  const { n, cells, rowTotals, columnTotals } = contingency(left, right);
  let index = 0;
  for (const count of cells.values()) index += pairs(count);
  let rowPairs = 0;
  for (const total of rowTotals) rowPairs += pairs(total);
  let columnPairs = 0;
  for (const total of columnTotals) columnPairs += pairs(total);
  const expected = (rowPairs * columnPairs) / pairs(n);
  const maximum = (rowPairs + columnPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}

/**
 * Normalised mutual information, MI / ((H(left) + H(right)) / 2) - the arithmetic-mean
 * normalisation, scikit-learn's default. 1 for identical partitions, 0 for independent ones;
 * 1 when both labellings have a single cluster.
 */
export function normalizedMutualInformation(left: ArrayLike<number>, right: ArrayLike<number>): number {
  const { n, cells, rowTotals, columnTotals, columns } = contingency(left, right);
  const entropy = (totals: Float64Array): number => {
    let h = 0;
    for (const total of totals) if (total > 0) h -= (total / n) * Math.log(total / n);
    return h;
  };
  const hLeft = entropy(rowTotals);
  const hRight = entropy(columnTotals);
  if (hLeft === 0 && hRight === 0) return 1;
  let mutual = 0;
  for (const [key, count] of cells) {
    const row = Math.floor(key / columns);
    const column = key % columns;
    mutual += (count / n) * Math.log((count * n) / (rowTotals[row]! * columnTotals[column]!));
  }
  // Rounding can leave a hair below 0 for independent labellings.
  return Math.max(0, mutual) / ((hLeft + hRight) / 2);
}
