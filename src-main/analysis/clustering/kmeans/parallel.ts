// kmeans() with the rows of every pass split over worker threads; the same result as kmeans(), sooner on idle cores.
import { availableParallelism } from 'node:os';
import { kmeans, type KMeansOptions, type KMeansResult } from './kmeans';
import { KMeansTeam } from './team';

export interface ParallelKMeansOptions extends KMeansOptions {
  /** Threads in all, this one included; default the machine's available parallelism. 1 runs kmeans() here. */
  threads?: number;
  /**
   * The compiled helper module. Defaults to worker.ts/.js next to this file; a bundled app
   * passes the URL its bundler gives the worker entry.
   */
  workerUrl?: URL;
}

/**
 * Starts a team of threads - 1 helpers, runs kmeans() with it and stops the helpers. The
 * result is bit for bit kmeans()'s with the same options (every total is taken per block of
 * rows and the blocks added in order, whoever computed them). This thread does its share of
 * the rows and blocks while it waits for the helpers, so the promise settles only after the
 * run; call it from a worker or command-line process. To cluster many times (several k,
 * bootstrap resamples) start one KMeansTeam and pass it as `team` to kmeans() instead: each
 * new thread costs start-up (0.1-0.3 s here) and compiling the code again.
 *
 * It only pays on idle cores, and on the 2-vCPU build machine not much even then: idle, two
 * copies of a plain floating-point loop together did only 1.2x the work of one (the two
 * vCPUs behave like one core's hyperthreads), and 100k x 30 took 0.26-0.27 s on two threads
 * against 0.35 s on one (1.3x, for 1.3x the CPU time). With other processes keeping the
 * cores busy two threads gained nothing and larger runs sometimes finished later, so
 * kmeans() on one thread stays the default; measure before switching.
 */
export async function kmeansParallel(data: Float64Array, n: number, d: number, k: number, options: ParallelKMeansOptions = {}): Promise<KMeansResult> {
  const { threads = availableParallelism(), workerUrl, ...rest } = options;
  if (threads <= 1 || rest.team) return kmeans(data, n, d, k, rest);
  rest.signal?.throwIfAborted();
  const team = await KMeansTeam.start(threads - 1, workerUrl);
  try {
    return kmeans(data, n, d, k, { ...rest, team });
  } finally {
    await team.close();
  }
}
