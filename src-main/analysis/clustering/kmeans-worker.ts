// Worker-thread side of kmeansParallel: runs its share of the starts on the shared data and posts back its best.
import { parentPort } from 'node:worker_threads';
import { runStarts } from './kmeans';
import type { WorkerJob, WorkerMessage } from './kmeans-parallel';

const port = parentPort;
if (!port) throw new Error('kmeans-worker.ts runs only as a worker thread (see kmeans-parallel.ts).');

port.on('message', (job: WorkerJob) => {
  const data = new Float64Array(job.buffer, job.byteOffset, job.n * job.d);
  const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  try {
    const { best, startInertias } = runStarts(data, job.n, job.d, job.k, job.plan, job.startNumbers, {
      onProgress: job.reportProgress ? (progress) => send({ kind: 'progress', progress }) : undefined,
    });
    // The labels array is this start's own; hand it over rather than copy n integers.
    send({ kind: 'done', best: { ...best, startInertias } }, [best.labels.buffer as ArrayBuffer]);
  } catch (error) {
    send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
