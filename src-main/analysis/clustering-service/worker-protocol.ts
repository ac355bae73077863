// The messages between the main process and the clustering worker thread, and the progress arithmetic both sides share.
import type { ChooseKAlgorithm } from '../clustering/choose-k';
import type { PackedRows } from './packed-rows';

export interface WorkerJob {
  rows: PackedRows;
  algorithm: ChooseKAlgorithm;
  kRange: readonly [number, number];
  resamples: number;
  seed: number;
  /** Starts per clustering for k-means and k-prototypes; default chooseK's 10. */
  starts?: number;
  /** One Int32: set to 1 by the main process to cancel; the worker checks it after every clustering. */
  cancelFlag: SharedArrayBuffer;
}

/** Where a run is. `fraction` is the share of all clusterings (full data and resamples, over every k) that is done. */
export interface ClusteringProgress {
  phase: 'reading' | 'cluster' | 'resample' | 'reference' | 'storing';
  /** null while reading and storing. */
  k: number | null;
  resample: number;
  resamples: number;
  fraction: number;
}

/** One k's evaluation as it crosses back: labels and Jaccards as transferred typed arrays. */
export interface EvaluationMessage {
  k: number;
  labels: Int32Array;
  withinError: number;
  silhouette: number;
  silhouetteSd: number;
  calinskiHarabasz: number;
  gap: number;
  gapSe: number;
  jaccard: Float64Array;
  allStable: boolean;
}

export type ToWorker = { kind: 'run'; job: WorkerJob } | { kind: 'cancel' };

export type FromWorker =
  | { kind: 'progress'; progress: ClusteringProgress }
  | {
      kind: 'done';
      algorithm: ChooseKAlgorithm;
      evaluations: EvaluationMessage[];
      recommendedK: number;
      defensible: number[];
      gapAtOne: { gap: number; se: number };
      reason: string;
    }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/**
 * Clusterings done after this step of chooseK, out of ks x (1 + resamples) plus, at the end, the gap statistic's
 * references (each clustered once at every k, and at k = 1).
 */
export function progressFraction(
  kRange: readonly [number, number],
  resamples: number,
  references: number,
  k: number,
  phase: 'cluster' | 'resample' | 'reference',
  step: number,
): number {
  const ks = kRange[1] - kRange[0] + 1;
  const perK = 1 + resamples;
  const total = ks * perK + references * (ks + 1);
  const done = phase === 'reference' ? ks * perK + step * (ks + 1) : (k - kRange[0]) * perK + (phase === 'cluster' ? 1 : 1 + step);
  return Math.min(1, done / total);
}
