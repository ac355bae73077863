// Worker-thread side of the clustering service: runs chooseK on the transferred rows, posts progress, stops when the shared cancel flag is set.
import { parentPort } from 'node:worker_threads';
import { chooseK, DEFAULT_REFERENCES } from '../clustering/choose-k';
import { unpackRows } from './packed-rows';
import { progressFraction, type WorkerJob, type FromWorker, type ToWorker } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('clustering-worker runs only as a worker thread (see run-clustering.ts).');

const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Raised from the progress callback when the main process has asked to stop. */
class Cancelled extends Error {}

function run(job: WorkerJob): void {
  const flag = new Int32Array(job.cancelFlag);
  const controller = new AbortController();
  try {
    const result = chooseK(unpackRows(job.rows), job.rows.specs, {
      algorithm: job.algorithm,
      kRange: job.kRange,
      resamples: job.resamples,
      seed: job.seed,
      ...(job.starts === undefined ? {} : { starts: job.starts }),
      // chooseK runs synchronously, so a posted message cannot reach it; the flag in shared memory can.
      signal: controller.signal,
      onProgress: ({ k, phase, resample, resamples }) => {
        if (Atomics.load(flag, 0) !== 0) controller.abort(new Cancelled('cancelled'));
        controller.signal.throwIfAborted();
        send({
          kind: 'progress',
          progress: { phase, k, resample, resamples, fraction: progressFraction(job.kRange, job.resamples, DEFAULT_REFERENCES, k, phase, resample) },
        });
      },
    });
    const evaluations = result.evaluations.map(({ k, labels, withinError, silhouette, silhouetteSd, calinskiHarabasz, gap, gapSe, jaccard, allStable }) => ({
      k,
      labels,
      withinError,
      silhouette,
      silhouetteSd,
      calinskiHarabasz,
      gap,
      gapSe,
      jaccard,
      allStable,
    }));
    const transfer = evaluations.flatMap((evaluation) => [evaluation.labels.buffer as ArrayBuffer, evaluation.jaccard.buffer as ArrayBuffer]);
    send(
      {
        kind: 'done',
        algorithm: result.algorithm,
        evaluations,
        recommendedK: result.recommendedK,
        defensible: result.defensible,
        gapAtOne: result.gapAtOne,
        reason: result.reason,
      },
      transfer,
    );
  } catch (error) {
    if (error instanceof Cancelled || Atomics.load(flag, 0) !== 0) send({ kind: 'cancelled' });
    else send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

port.on('message', (message: ToWorker) => {
  // A cancel that arrives while idle (before the run) has nothing to stop; the flag covers a running job.
  if (message.kind === 'run') run(message.job);
});
