// The clustering service: reads the population's features, runs chooseK on a worker, stores the labelling in SQL and publishes aggregates only.
import { randomUUID } from 'node:crypto';
import type { QuerySession } from '../cross-table';
import type { RuleSet } from '../../disclosure/rule-set';
import { storeAssignments } from './assignments';
import type { ClusteringRequest, ClusteringRequestSpec } from './cluster-features';
import { readClusterRows, type ClusterRows, type HouseholdKeys } from './cluster-rows';
import { resolveClusteringRequest } from './default-features';
import { publishClustering, type FinishedRun, type PublishedClustering } from './clustering-result';
import { validateAgainstReference, type ValidationOutcome } from './external-validation';
import { runChooseKInWorker, type WorkerRunOptions } from './run-clustering';
import type { ClusteringProgress } from './worker-protocol';

/** A finished run as the main process keeps it: with the household keys, which never leave it. */
export interface ClusteringRun extends FinishedRun {
  keys: HouseholdKeys;
}

export interface RunClusteringOptions extends Pick<WorkerRunOptions, 'signal' | 'workerUrl' | 'starts' | 'cancelGraceMs' | 'onWorkerStarted'> {
  rules: RuleSet;
  /** Names the run in `cluster_assignments`; default a random UUID. */
  runId?: string;
  onProgress?: (progress: ClusteringProgress) => void;
}

export type ClusteringOutcome =
  { status: 'done'; run: ClusteringRun; published: PublishedClustering } | { status: 'cancelled' } | { status: 'failed'; message: string };

/**
 * How the run reaches the engine: a session it may use throughout (the CLI's), or a way to borrow the app
 * engine's session for one piece of work, so other calls are not held up while the worker clusters.
 */
export type SessionAccess = QuerySession | (<T>(work: (session: QuerySession) => Promise<T>) => Promise<T>);

function borrow<T>(access: SessionAccess, work: (session: QuerySession) => Promise<T>): Promise<T> {
  return typeof access === 'function' ? access(work) : work(access);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the request on `session` (which must hold `analysis_households`): progress 'reading', then the
 * worker's 'cluster'/'resample' steps for every k and its 'reference' steps (gap statistic), then 'storing' while the recommended k's labelling goes
 * into `cluster_assignments`. Never throws: a failure or a cancel is the outcome. The session is used only to
 * read the households and to store the labels, not while the worker runs.
 */
export async function runClustering(access: SessionAccess, spec: ClusteringRequestSpec, options: RunClusteringOptions): Promise<ClusteringOutcome> {
  const { onProgress, signal } = options;
  const runId = options.runId ?? randomUUID();
  onProgress?.({ phase: 'reading', k: null, resample: 0, resamples: spec.resamples, fraction: 0 });
  let rows: ClusterRows;
  let request: ClusteringRequest;
  try {
    // Features left to the default are settled on the population first (default-features.ts).
    ({ rows, request } = await borrow(access, async (session) => {
      const settled = await resolveClusteringRequest(session, spec);
      return { rows: await readClusterRows(session, settled), request: settled };
    }));
  } catch (error) {
    return { status: 'failed', message: `De huishoudens van ${spec.population.label} konden niet worden gelezen: ${messageOf(error)}` };
  }
  if (signal?.aborted) return { status: 'cancelled' };
  const n = rows.packed.n;
  if (n <= request.kRange[1]) {
    return {
      status: 'failed',
      message:
        `${request.population.label}: te weinig huishoudens om tot ${request.kRange[1]} clusters te proberen ` +
        `(er zijn er meer dan ${request.kRange[1]} nodig); kies een grotere populatie of een kleinere hoogste k.`,
    };
  }
  const outcome = await runChooseKInWorker(rows.packed, {
    algorithm: request.algorithm,
    kRange: request.kRange,
    resamples: request.resamples,
    seed: request.seed,
    ...(options.starts === undefined ? {} : { starts: options.starts }),
    ...(options.workerUrl === undefined ? {} : { workerUrl: options.workerUrl }),
    ...(options.cancelGraceMs === undefined ? {} : { cancelGraceMs: options.cancelGraceMs }),
    ...(signal === undefined ? {} : { signal }),
    ...(onProgress === undefined ? {} : { onProgress }),
    ...(options.onWorkerStarted === undefined ? {} : { onWorkerStarted: options.onWorkerStarted }),
  });
  if (outcome.status !== 'done') return outcome;
  const run: ClusteringRun = { runId, request, n, result: outcome.result, keys: rows.keys };
  onProgress?.({ phase: 'storing', k: null, resample: 0, resamples: request.resamples, fraction: 1 });
  return borrow(access, (session) => chooseClusteringK(session, run, run.result.recommendedK, options.rules));
}

/** The labels of one k of the run (0-based). */
export function labelsAt(run: FinishedRun, k: number): Int32Array | undefined {
  return run.result.evaluations.find((evaluation) => evaluation.k === k)?.labels;
}

/** The analyst's choice of k (the recommended one by default): its labelling into `cluster_assignments` and the published result for it. */
export async function chooseClusteringK(session: QuerySession, run: ClusteringRun, k: number, rules: RuleSet): Promise<ClusteringOutcome> {
  const labels = labelsAt(run, k);
  if (!labels)
    return { status: 'failed', message: `k = ${k} is in deze clustering niet geprobeerd (${run.request.kRange[0]} tot en met ${run.request.kRange[1]}).` };
  const stored = await storeAssignments(session, run.runId, k, run.keys, labels);
  if (!stored.ok) return { status: 'failed', message: stored.message };
  return { status: 'done', run, published: publishClustering(run, rules, k) };
}

/** ARI and NMI of the run's clustering at k (default the recommended k) against a reference labelling file. */
export function validateRun(run: ClusteringRun, referencePath: string, rules: RuleSet, k: number = run.result.recommendedK): Promise<ValidationOutcome> {
  const labels = labelsAt(run, k);
  if (!labels) return Promise.resolve({ ok: false, message: `k = ${k} is in deze clustering niet geprobeerd.` });
  return validateAgainstReference(referencePath, run.keys, labels, rules);
}
