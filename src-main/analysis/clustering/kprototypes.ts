// Huang's k-prototypes for mixed data: means for the amounts, modes for the categories, lambda weighing the two; seeded, pure.
import { featureWeight, type MixedTable } from './mixed-table';
import { deriveSeed, SeededRandom } from './seeded-random';

export interface KPrototypesProgress {
  start: number;
  starts: number;
  iteration: number;
  changed: number;
  finished: boolean;
  cost?: number;
}

export interface KPrototypesOptions {
  /** Weight of one categorical mismatch against squared standardised amounts; default estimateLambda(table). */
  lambda?: number;
  /** Seeded starts; the lowest cost wins. Default 10. */
  starts?: number;
  seed?: number;
  maxIterations?: number;
  onProgress?: (progress: KPrototypesProgress) => void;
  signal?: AbortSignal;
}

export interface KPrototypesResult {
  k: number;
  labels: Int32Array;
  /** k x p standardised means (read back with the table's location and spread). */
  means: Float64Array;
  /** k x q category codes (the table's categoricalFeatures[t].categories[code]). */
  modes: Int32Array;
  sizes: Int32Array;
  /** Sum over rows of the dissimilarity to their prototype. */
  cost: number;
  lambda: number;
  iterations: number;
  converged: boolean;
  bestStart: number;
}

/**
 * lambda as clustMixType's lambdaest() gives by default: the mean (sample, n - 1) variance of
 * the numeric columns divided by the mean over categorical features of 1 - sum_c p_c^2.
 * Here the numeric columns are the standardised ones the distance uses. Both kinds then
 * weigh about equally on average. Without numeric features lambda is 1 (only the matching
 * part remains); without categorical ones, or when they are all constant, 0.
 */
export function estimateLambda(table: MixedTable): number {
  const p = table.numericFeatures.length;
  const q = table.categoricalFeatures.length;
  if (p === 0) return 1;
  if (q === 0 || table.n < 2) return 0;
  let variance = 0;
  for (let t = 0; t < p; t++) {
    let mean = 0;
    for (let i = 0; i < table.n; i++) mean += table.numeric[i * p + t]!;
    mean /= table.n;
    let squares = 0;
    for (let i = 0; i < table.n; i++) squares += (table.numeric[i * p + t]! - mean) ** 2;
    variance += squares / (table.n - 1);
  }
  let impurity = 0;
  for (const feature of table.categoricalFeatures) impurity += 1 - feature.shares.reduce((sum, share) => sum + share * share, 0);
  return impurity > 0 ? variance / p / (impurity / q) : 0;
}

/** Dissimilarity of row i to prototype j: weighted squared distance of the amounts plus lambda x weighted mismatches. */
function dissimilarity(table: MixedTable, weights: Weights, i: number, means: Float64Array, modes: Int32Array, j: number, lambda: number): number {
  const p = weights.numeric.length;
  const q = weights.categorical.length;
  let numeric = 0;
  for (let t = 0; t < p; t++) numeric += weights.numeric[t]! * (table.numeric[i * p + t]! - means[j * p + t]!) ** 2;
  let mismatch = 0;
  for (let t = 0; t < q; t++) if (table.codes[i * q + t] !== modes[j * q + t]) mismatch += weights.categorical[t]!;
  return numeric + lambda * mismatch;
}

interface Weights {
  numeric: Float64Array;
  categorical: Float64Array;
}

/** The same dissimilarity between two rows (for silhouettes): the prototype is row b itself. */
export function rowDissimilarity(table: MixedTable, lambda: number): (a: number, b: number) => number {
  const weights = weightsOf(table);
  const p = weights.numeric.length;
  const q = weights.categorical.length;
  return (a, b) => dissimilarity(table, weights, a, table.numeric.subarray(b * p, b * p + p), table.codes.subarray(b * q, b * q + q), 0, lambda);
}

function weightsOf(table: MixedTable): Weights {
  return {
    numeric: Float64Array.from(table.numericFeatures, (feature) => featureWeight(feature.spec)),
    categorical: Float64Array.from(table.categoricalFeatures, (feature) => featureWeight(feature.spec)),
  };
}

/**
 * Clusters the table's rows into k groups (Huang 1998, batch form): assign every row to the
 * nearest prototype, recompute means and modes, until no row moves. Each start is seeded
 * like k-means++ (first prototype a random row, each next one a row drawn with probability
 * proportional to its dissimilarity to the nearest chosen one), which avoids the poor starts
 * of plain random rows. A prototype left without rows takes the row that is worst served.
 * Mode ties go to the lowest category code; cost ties between starts to the lowest start.
 */
export function kprototypes(table: MixedTable, k: number, options: KPrototypesOptions = {}): KPrototypesResult {
  const { n } = table;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new Error(`k-prototypes: k must be a whole number from 1 to ${n} (the rows), got ${k}.`);
  const lambda = options.lambda ?? estimateLambda(table);
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new Error(`k-prototypes: lambda must be 0 or more, got ${lambda}.`);
  const starts = options.starts ?? 10;
  const maxIterations = options.maxIterations ?? 100;
  const weights = weightsOf(table);
  let best: KPrototypesResult | undefined;
  for (let start = 0; start < starts; start++) {
    options.signal?.throwIfAborted();
    const random = new SeededRandom(deriveSeed(options.seed ?? 0, start));
    const outcome = runStart(table, weights, k, lambda, random, maxIterations, (iteration, changed) => {
      options.signal?.throwIfAborted();
      options.onProgress?.({ start, starts, iteration, changed, finished: false });
    });
    options.onProgress?.({ start, starts, iteration: outcome.iterations, changed: 0, finished: true, cost: outcome.cost });
    if (!best || outcome.cost < best.cost) best = { ...outcome, k, lambda, bestStart: start };
  }
  if (!best) throw new Error('k-prototypes: starts must be at least 1.');
  return best;
}

type StartOutcome = Omit<KPrototypesResult, 'k' | 'lambda' | 'bestStart'>;

function runStart(
  table: MixedTable,
  weights: Weights,
  k: number,
  lambda: number,
  random: SeededRandom,
  maxIterations: number,
  report: (iteration: number, changed: number) => void,
): StartOutcome {
  const { n } = table;
  const p = weights.numeric.length;
  const q = weights.categorical.length;
  const means = new Float64Array(k * p);
  const modes = new Int32Array(k * q);
  const copyRow = (i: number, j: number) => {
    means.set(table.numeric.subarray(i * p, i * p + p), j * p);
    modes.set(table.codes.subarray(i * q, i * q + q), j * q);
  };
  // Seeding: D-weighted draws, nearest[i] = dissimilarity to the closest prototype so far.
  copyRow(random.int(n), 0);
  const nearest = Float64Array.from({ length: n }, (_, i) => dissimilarity(table, weights, i, means, modes, 0, lambda));
  for (let j = 1; j < k; j++) {
    const total = nearest.reduce((sum, value) => sum + value, 0);
    let chosen = random.int(n);
    if (total > 0) {
      let target = random.uniform() * total;
      for (chosen = 0; chosen < n - 1 && target >= nearest[chosen]!; chosen++) target -= nearest[chosen]!;
    }
    copyRow(chosen, j);
    for (let i = 0; i < n; i++) nearest[i] = Math.min(nearest[i]!, dissimilarity(table, weights, i, means, modes, j, lambda));
  }

  const labels = new Int32Array(n).fill(-1);
  const own = new Float64Array(n);
  let iterations = 0;
  let converged: boolean;
  for (;;) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let label = 0;
      let lowest = Infinity;
      for (let j = 0; j < k; j++) {
        const value = dissimilarity(table, weights, i, means, modes, j, lambda);
        if (value < lowest) [lowest, label] = [value, j];
      }
      own[i] = lowest;
      if (labels[i] !== label) [labels[i], changed] = [label, changed + 1];
    }
    refillEmpty(labels, own, k);
    if (changed === 0 || iterations >= maxIterations) {
      converged = changed === 0;
      break;
    }
    updatePrototypes(table, labels, k, means, modes);
    iterations++;
    report(iterations, changed);
  }
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  return { labels, means, modes, sizes, cost: own.reduce((sum, value) => sum + value, 0), iterations, converged };
}

/** Gives each empty cluster the row farthest from its prototype, so k groups always come out. */
function refillEmpty(labels: Int32Array, own: Float64Array, k: number): void {
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label]!++;
  for (let j = 0; j < k; j++) {
    if (sizes[j]! > 0) continue;
    let worst = -1;
    for (let i = 0; i < labels.length; i++) if (sizes[labels[i]!]! > 1 && (worst < 0 || own[i]! > own[worst]!)) worst = i;
    sizes[labels[worst]!]!--;
    labels[worst] = j;
    sizes[j] = 1;
    own[worst] = 0;
  }
}

function updatePrototypes(table: MixedTable, labels: Int32Array, k: number, means: Float64Array, modes: Int32Array): void {
  const p = table.numericFeatures.length;
  const q = table.categoricalFeatures.length;
  const sizes = new Int32Array(k);
  means.fill(0);
  for (let i = 0; i < table.n; i++) {
    const j = labels[i]!;
    sizes[j]!++;
    for (let t = 0; t < p; t++) means[j * p + t]! += table.numeric[i * p + t]!;
  }
  for (let j = 0; j < k; j++) for (let t = 0; t < p; t++) means[j * p + t]! /= sizes[j]!;
  table.categoricalFeatures.forEach((feature, t) => {
    const counts = new Int32Array(k * feature.categories.length);
    const m = feature.categories.length;
    for (let i = 0; i < table.n; i++) counts[labels[i]! * m + table.codes[i * q + t]!]!++;
    for (let j = 0; j < k; j++) {
      let mode = 0;
      for (let c = 1; c < m; c++) if (counts[j * m + c]! > counts[j * m + mode]!) mode = c;
      modes[j * q + t] = mode;
    }
  });
}
