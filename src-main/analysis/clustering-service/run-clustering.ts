// Runs chooseK on a worker thread so the main process stays responsive: progress back, cancel by shared flag with terminate as fallback, errors as values.
import { Worker } from 'node:worker_threads';
import type { ChooseKAlgorithm, ChooseKResult } from '../clustering/choose-k';
import { packedTransfers, type PackedRows } from './packed-rows';
import type { WorkerJob, ClusteringProgress, FromWorker, ToWorker } from './worker-protocol';

export interface WorkerRunOptions {
  algorithm: ChooseKAlgorithm;
  kRange: readonly [number, number];
  resamples: number;
  seed: number;
  /** Starts per clustering (k-means, k-prototypes); default chooseK's 10. */
  starts?: number;
  onProgress?: (progress: ClusteringProgress) => void;
  /** Aborting cancels the run: the outcome is then { status: 'cancelled' } and the worker is gone. */
  signal?: AbortSignal;
  /**
   * The worker module. Default: clustering-worker.ts next to this file under tsx (tests, CLI from source),
   * clustering-worker.js next to the running module in a build. The Electron main bundle must emit the
   * worker as its own entry `clustering-worker.js` beside the chunk that holds this code (see
   * electron.vite.config.ts), or pass that file's URL here.
   */
  workerUrl?: URL;
  /** How long a cancelled worker may take to stop by itself before it is terminated; default 250 ms. */
  cancelGraceMs?: number;
  /** Called with the worker once it is started (diagnostics, tests: its 'exit' event says it is gone). */
  onWorkerStarted?: (worker: Worker) => void;
}

export type WorkerOutcome = { status: 'done'; result: ChooseKResult } | { status: 'cancelled' } | { status: 'failed'; message: string };

export function defaultClusteringWorkerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './clustering-worker.ts' : './clustering-worker.js', here);
}

/**
 * Under tsx the worker is TypeScript source, which Node 20 cannot load and whose loader does not reach
 * worker threads: a two-line bootstrap registers tsx inside the worker first (as kmeans/parallel.ts does).
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs chooseK over the packed rows in a new worker thread. The rows' typed arrays are transferred
 * (unusable here afterwards). The worker has stopped by the time the promise settles.
 */
export function runChooseKInWorker(rows: PackedRows, options: WorkerRunOptions): Promise<WorkerOutcome> {
  if (options.signal?.aborted) return Promise.resolve({ status: 'cancelled' });
  const cancelFlag = new SharedArrayBuffer(4);
  const job: WorkerJob = {
    rows,
    algorithm: options.algorithm,
    kRange: [options.kRange[0], options.kRange[1]],
    resamples: options.resamples,
    seed: options.seed,
    ...(options.starts === undefined ? {} : { starts: options.starts }),
    cancelFlag,
  };
  let worker: Worker;
  try {
    worker = startWorker(options.workerUrl ?? defaultClusteringWorkerUrl());
  } catch (error) {
    return Promise.resolve({ status: 'failed', message: `Het clusteren kon niet worden gestart: ${messageOf(error)}` });
  }
  return new Promise<WorkerOutcome>((resolve) => {
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    // The outcome is given only once the thread has stopped, so a settled run never leaves a worker behind.
    const finish = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      if (graceTimer) clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.terminate().then(
        () => resolve(outcome),
        () => resolve(outcome),
      );
    };
    function onAbort() {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      worker.postMessage({ kind: 'cancel' } satisfies ToWorker);
      // A single long clustering (a big k-means start) does not look at the flag until it ends: do not wait for it.
      graceTimer = setTimeout(() => finish({ status: 'cancelled' }), options.cancelGraceMs ?? 250);
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromWorker) => {
      if (settled) return;
      if (message.kind === 'progress') options.onProgress?.(message.progress);
      else if (message.kind === 'cancelled') finish({ status: 'cancelled' });
      else if (message.kind === 'failed') finish({ status: 'failed', message: message.message });
      else
        finish({
          status: 'done',
          result: {
            algorithm: message.algorithm,
            evaluations: message.evaluations,
            recommendedK: message.recommendedK,
            defensible: message.defensible,
            gapAtOne: message.gapAtOne,
            reason: message.reason,
          },
        });
    });
    worker.on('error', (error) => finish({ status: 'failed', message: `Het clusteren is mislukt: ${messageOf(error)}` }));
    worker.on('exit', (code) => {
      if (options.signal?.aborted) finish({ status: 'cancelled' });
      else finish({ status: 'failed', message: `Het clusteren is onverwacht gestopt (afsluitcode ${code}). Probeer het opnieuw.` });
    });
    options.onWorkerStarted?.(worker);
    worker.postMessage({ kind: 'run', job } satisfies ToWorker, packedTransfers(rows));
  });
}
