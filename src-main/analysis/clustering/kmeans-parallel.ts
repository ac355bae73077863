// kmeans() with the rows of every pass split over worker threads; the same result as kmeans(), sooner on idle cores.
import { availableParallelism } from 'node:os';
import { kmeans, type KMeansOptions, type KMeansResult } from './kmeans';
import { KMeansTeam } from './kmeans-team';

export interface ParallelKMeansOptions extends KMeansOptions {
  /** Threads in all, this one included; default the machine's available parallelism. 1 runs kmeans() here. */
  threads?: number;
  /**
   * The compiled helper module. Defaults to kmeans-worker next to this file; a bundled app
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
 * new thread costs start-up and compiling the code again.
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
