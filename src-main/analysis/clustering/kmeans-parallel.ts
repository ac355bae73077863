// Runs the k-means starts on several worker threads over one shared copy of the data; same result as kmeans().
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { isBetter, kmeans, planRun, type KMeansOptions, type KMeansPlan, type KMeansProgress, type KMeansResult } from './kmeans';

export interface WorkerJob {
  buffer: SharedArrayBuffer;
  byteOffset: number;
  n: number;
  d: number;
  k: number;
  plan: KMeansPlan;
  startNumbers: number[];
  reportProgress: boolean;
}

export type WorkerMessage =
  | { kind: 'progress'; progress: KMeansProgress }
  | { kind: 'done'; best: KMeansResult }
  | { kind: 'failed'; message: string };

export interface ParallelKMeansOptions extends KMeansOptions {
  /** Worker threads; default the machine's available parallelism, never more than the starts. 1 runs kmeans() here. */
  threads?: number;
  /**
   * The compiled worker module. Defaults to kmeans-worker next to this file; a bundled app
   * passes the URL its bundler gives the worker entry.
   */
  workerUrl?: URL;
}

function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './kmeans-worker.ts' : './kmeans-worker.js', here);
}

/**
 * Under tsx (tests, benchmarks, CLI) the worker is TypeScript source, which Node 20 cannot
 * load by itself and whose loader `--import tsx` does not reach worker threads: a two-line
 * bootstrap registers tsx's loader inside the worker first.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  // Resolved here, where the parent's node_modules are known; an eval'd worker has no module location of its own.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * kmeans() with its starts spread over worker threads. The data is shared, not copied per
 * thread (it is copied once into shared memory unless it already lives there). Start s uses
 * the same random stream as in kmeans(), and ties go to the lower start, so the result is
 * identical to kmeans() with the same options. It only pays on idle cores: on the shared
 * 2-vCPU build machine two threads used ~1.6x the CPU time of one and finished no sooner
 * (see `npm run bench`), so callers should default to kmeans() and measure before switching.
 */
export async function kmeansParallel(data: Float64Array, n: number, d: number, k: number, options: ParallelKMeansOptions = {}): Promise<KMeansResult> {
  const plan = planRun(data, n, d, k, options);
  const threads = Math.min(options.threads ?? availableParallelism(), plan.starts);
  if (threads <= 1) return kmeans(data, n, d, k, options);
  options.signal?.throwIfAborted();

  let shared: Float64Array;
  if (data.buffer instanceof SharedArrayBuffer) shared = data;
  else {
    shared = new Float64Array(new SharedArrayBuffer(data.byteLength));
    shared.set(data);
  }
  const url = options.workerUrl ?? defaultWorkerUrl();
  const workers = Array.from({ length: threads }, () => startWorker(url));
  let onAbort: (() => void) | undefined;

  try {
    const results = await new Promise<KMeansResult[]>((resolve, reject) => {
      const done: KMeansResult[] = [];
      onAbort = () => reject(options.signal?.reason ?? new Error('k-means was aborted.'));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      workers.forEach((worker, w) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.kind === 'progress') options.onProgress?.(message.progress);
          else if (message.kind === 'failed') reject(new Error(message.message));
          else {
            done.push(message.best);
            if (done.length === threads) resolve(done);
          }
        });
        worker.on('error', reject);
        const job: WorkerJob = {
          buffer: shared.buffer as SharedArrayBuffer,
          byteOffset: shared.byteOffset,
          n,
          d,
          k,
          plan,
          // Round-robin, so each thread gets early and late starts alike.
          startNumbers: Array.from({ length: plan.starts }, (_, s) => s).filter((s) => s % threads === w),
          reportProgress: options.onProgress !== undefined,
        };
        worker.postMessage(job);
      });
    });
    const startInertias = new Float64Array(plan.starts);
    let best = results[0]!;
    for (const result of results) {
      result.startInertias.forEach((inertia, s) => {
        if (!Number.isNaN(inertia)) startInertias[s] = inertia;
      });
      if (isBetter(result.inertia, result.bestStart, best)) best = result;
    }
    return { ...best, startInertias };
  } finally {
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    for (const worker of workers) void worker.terminate();
  }
}
