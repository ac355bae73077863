// Helper thread of a KMeansTeam: attaches to a run's shared arrays, then does its share of the rows of every pass it is given.
import { parentPort } from 'node:worker_threads';
import { PASS_KINDS, type RowPass } from './blocks';
import { CONTROL, takeBlocks, type AttachMessage, type HelperMessage } from './team';
import { openWorkspace } from './workspace';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread (see team.ts).');

function decode(control: Int32Array): RowPass {
  const kind = PASS_KINDS[control[CONTROL.kind]!];
  if (kind === undefined) throw new Error(`k-means helper: unknown pass ${control[CONTROL.kind]}.`);
  return kind === 'seed-commit' ? { kind, chosen: control[CONTROL.chosen]!, centre: control[CONTROL.centre]! } : { kind };
}

/** Serves passes until the caller detaches; blocking is fine, as this thread has nothing else to do meanwhile. */
function serve(job: AttachMessage): void {
  const { control } = job;
  const workspace = openWorkspace(job.buffer, job.memory, job.shape);
  let generation = Atomics.load(control, CONTROL.generation);
  Atomics.add(control, CONTROL.ready, 1);
  Atomics.notify(control, CONTROL.ready);
  for (;;) {
    Atomics.wait(control, CONTROL.generation, generation);
    generation = Atomics.load(control, CONTROL.generation);
    if (Atomics.load(control, CONTROL.detach) !== 0) return;
    try {
      takeBlocks(workspace, control, decode(control), generation);
    } catch {
      Atomics.store(control, CONTROL.failed, 1);
      Atomics.notify(control, CONTROL.completed);
    }
  }
}

port.on('message', (message: AttachMessage) => {
  try {
    serve(message);
  } catch (error) {
    Atomics.store(message.control, CONTROL.failed, 1);
    Atomics.notify(message.control, CONTROL.ready);
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies HelperMessage);
  }
});
port.postMessage({ kind: 'online' } satisfies HelperMessage);
