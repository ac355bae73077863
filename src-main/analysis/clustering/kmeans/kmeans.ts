// k-means with many seeded k-means++ starts and Hamerly-pruned Lloyd iterations; pure and synchronous.
import { runHamerly } from './hamerly';
import { seedKMeansPlusPlus } from './plus-plus';
import { assignAll } from './state';
import type { KMeansTeam } from './team';
import { createWorkspace, localRunner } from './workspace';
import { deriveSeed, SeededRandom } from '../seeded-random';

export interface KMeansProgress {
  /** 0-based start number, and how many starts there are. */
  start: number;
  starts: number;
  /** Iterations done in this start so far (0 right after seeding). */
  iteration: number;
  /** Points that changed cluster in the last iteration. */
  changed: number;
  /** True on the last report of a start; `inertia` is then set. */
  finished: boolean;
  inertia?: number;
}

export interface KMeansOptions {
  /** Number of k-means++ starts; the one with the lowest inertia wins. Default 10. */
  starts?: number;
  /** Seed of the whole run; start i uses a stream derived from (seed, i). Default 0. */
  seed?: number;
  /** Per start. Default 300. */
  maxIterations?: number;
  /**
   * Convergence when the centres' total squared movement in an iteration is at most
   * tolerance x (mean of the per-column variances), as scikit-learn does; default 1e-4.
   * 0 means: only stop at the exact Lloyd fixed point (no point changes cluster).
   */
  tolerance?: number;
  /** k-means++ candidates per centre; default 2 + floor(ln k). */
  localTrials?: number;
  /** Start from these centres (k x d, row-major, or k rows) instead of k-means++; implies one start. */
  initialCentres?: Float64Array | readonly (readonly number[])[];
  onProgress?: (progress: KMeansProgress) => void;
  signal?: AbortSignal;
  /**
   * Helper threads (see team.ts) that take their share of the rows of every pass.
   * The result is bit for bit the same as without; only the time differs.
   */
  team?: KMeansTeam;
  /**
   * Distance arithmetic: WebAssembly SIMD ('simd', the default where available) or plain
   * JavaScript ('scalar'). Both give bit for bit the same result; the option exists to show it.
   */
  kernel?: 'simd' | 'scalar';
}

export interface KMeansResult {
  k: number;
  d: number;
  /** Cluster of each point, 0..k-1. */
  labels: Int32Array;
  /** k x d, row-major. */
  centres: Float64Array;
  /** Points per cluster. */
  sizes: Int32Array;
  /** Within-cluster sum of squared distances of the winning start. */
  inertia: number;
  /** Update/assign rounds of the winning start (ml-kmeans counts the first assignment too: one more). */
  iterations: number;
  /** False when the winning start hit maxIterations. */
  converged: boolean;
  /** Which start won, and the inertia each start reached. */
  bestStart: number;
  startInertias: Float64Array;
}

/**
 * Clusters n points of dimension d (row-major in `data`, not modified) into k groups.
 * Each start: greedy k-means++ seeding, then Lloyd iterations pruned with Hamerly's bounds
 * (the same labels and centres as plain Lloyd, with far fewer distances computed). A cluster
 * left empty takes the worst-served point, as scikit-learn does (ml-kmeans keeps the old
 * centre instead). The best start by inertia wins. Same data, k, options and seed: same result,
 * on one thread or with a team of helper threads.
 */
export function kmeans(data: Float64Array, n: number, d: number, k: number, options: KMeansOptions = {}): KMeansResult {
  const plan = planRun(data, n, d, k, options);
  return runStarts(data, n, d, k, plan, options);
}

/** The checked, defaulted settings of a run; plain data so it can be posted to a worker thread. */
export interface KMeansPlan {
  starts: number;
  seed: number;
  maxIterations: number;
  absoluteTolerance: number;
  localTrials: number;
  initialCentres?: Float64Array;
}

export function planRun(data: Float64Array, n: number, d: number, k: number, options: KMeansOptions): KMeansPlan {
  validate(data, n, d, k);
  const initialCentres = options.initialCentres === undefined ? undefined : flattenCentres(options.initialCentres, k, d);
  const tolerance = options.tolerance ?? 1e-4;
  if (!(tolerance >= 0)) throw new Error(`k-means: tolerance must be 0 or more, got ${tolerance}.`);
  return {
    starts: initialCentres ? 1 : positiveInteger(options.starts ?? 10, 'starts'),
    seed: options.seed ?? 0,
    maxIterations: positiveInteger(options.maxIterations ?? 300, 'maxIterations'),
    absoluteTolerance: tolerance * meanColumnVariance(data, n, d),
    localTrials: positiveInteger(options.localTrials ?? 2 + Math.floor(Math.log(k)), 'localTrials'),
    ...(initialCentres ? { initialCentres } : {}),
  };
}

/**
 * Runs every start on one set of working arrays and keeps the best. Start s always draws
 * from the stream derived from (seed, s), so start s does not depend on how many there are.
 */
function runStarts(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  plan: KMeansPlan,
  { onProgress, signal, team, kernel }: Pick<KMeansOptions, 'onProgress' | 'signal' | 'team' | 'kernel'>,
): KMeansResult {
  const { starts, seed, maxIterations, absoluteTolerance, localTrials, initialCentres } = plan;
  const shape = { n, d, k, localTrials };
  const simd = kernel !== 'scalar';
  const attached = team?.attach(data, shape, simd);
  const workspace = attached?.workspace ?? createWorkspace(data, shape, simd);
  const rows = attached?.runner ?? localRunner(workspace);
  const { state } = workspace;
  let best: KMeansResult | undefined;
  const startInertias = new Float64Array(starts).fill(Number.NaN);
  try {
    for (let start = 0; start < starts; start++) {
      signal?.throwIfAborted();
      if (initialCentres) {
        state.centres.set(initialCentres);
        assignAll(state);
      } else {
        seedKMeansPlusPlus(state, workspace.seeding, new SeededRandom(deriveSeed(seed, start)), rows, signal);
      }
      onProgress?.({ start, starts, iteration: 0, changed: n, finished: false });
      const outcome = runHamerly(
        state,
        workspace.lloyd,
        rows,
        absoluteTolerance,
        maxIterations,
        onProgress && ((report) => onProgress({ start, starts, ...report, finished: false })),
        signal,
      );
      startInertias[start] = outcome.inertia;
      onProgress?.({ start, starts, iteration: outcome.iterations, changed: 0, finished: true, inertia: outcome.inertia });
      if (!best || isBetter(outcome.inertia, start, best)) {
        best = {
          k,
          d,
          // Copies in ordinary memory: the working arrays are reused by the next start (and may be shared).
          labels: state.labels.slice(),
          centres: state.centres.slice(),
          sizes: state.counts.slice(),
          inertia: outcome.inertia,
          iterations: outcome.iterations,
          converged: outcome.converged,
          bestStart: start,
          startInertias,
        };
      }
    }
  } finally {
    attached?.release();
  }
  if (!best) throw new Error('k-means: no starts to run.');
  return best;
}

/** Lower inertia wins; on a tie the lower start number, so the result never depends on the order starts finish in. */
export function isBetter(inertia: number, start: number, than: Pick<KMeansResult, 'inertia' | 'bestStart'>): boolean {
  return inertia < than.inertia || (inertia === than.inertia && start < than.bestStart);
}

function validate(data: Float64Array, n: number, d: number, k: number): void {
  positiveInteger(n, 'n (number of points)');
  positiveInteger(d, 'd (number of variables)');
  positiveInteger(k, 'k (number of clusters)');
  if (data.length !== n * d) throw new Error(`k-means: data has ${data.length} values, but n x d = ${n} x ${d} = ${n * d}.`);
  if (k > n) throw new Error(`k-means: cannot make ${k} clusters from ${n} points; choose k at most ${n}.`);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      throw new Error(`k-means: value ${data[i]} at point ${Math.floor(i / d)}, variable ${i % d}; remove or impute missing values first.`);
    }
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`k-means: ${name} must be a positive whole number, got ${value}.`);
  return value;
}

function flattenCentres(centres: Float64Array | readonly (readonly number[])[], k: number, d: number): Float64Array {
  if (centres instanceof Float64Array) {
    if (centres.length !== k * d) throw new Error(`k-means: initialCentres has ${centres.length} values; expected k x d = ${k * d}.`);
    return centres.slice();
  }
  if (centres.length !== k) throw new Error(`k-means: initialCentres has ${centres.length} rows; expected k = ${k}.`);
  const flat = new Float64Array(k * d);
  centres.forEach((row, j) => {
    if (row.length !== d) throw new Error(`k-means: initial centre ${j} has ${row.length} values; expected d = ${d}.`);
    flat.set(row, j * d);
  });
  return flat;
}

/** Mean over columns of the population variance, the scale of scikit-learn's relative tolerance. */
export function meanColumnVariance(data: Float64Array, n: number, d: number): number {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t]! += data[i * d + t]!;
  for (let t = 0; t < d; t++) mean[t]! /= n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) {
      const diff = data[i * d + t]! - mean[t]!;
      total += diff * diff;
    }
  }
  return total / (n * d);
}
