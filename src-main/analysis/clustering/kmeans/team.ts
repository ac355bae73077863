// A team of helper threads that take their share of the rows of every k-means pass, synchronised through shared memory.
import { Worker } from 'node:worker_threads';
import { BLOCK_ROWS, blockCount, PASS_KINDS, type RowPass, type RowRunner } from './blocks';
import type { WasmMemory } from './distance';
import { createWorkspace, runPass, type KMeansWorkspace, type WorkspaceShape } from './workspace';

/** Slots of the shared control array. */
export const CONTROL = {
  /** Bumped by the caller for every pass (and to detach). */
  generation: 0,
  kind: 1,
  chosen: 2,
  centre: 3,
  /** The next block to take, tagged with the pass's generation (see takeBlocks). */
  next: 4,
  /** Blocks finished in the current pass. */
  completed: 5,
  /** Set by a helper whose pass threw. */
  failed: 6,
  /** Helpers that have attached to the run. */
  ready: 7,
  /** Set when the run is over: helpers go back to waiting for messages. */
  detach: 8,
  size: 9,
} as const;

const TAG_SHIFT = 20;
const TAG_MASK = 0x3ff;
const BLOCK_MASK = (1 << TAG_SHIFT) - 1;

/** What the caller posts to a helper at the start of a run. */
export interface AttachMessage {
  kind: 'attach';
  /** The run's heap (data and working arrays) and, with the SIMD kernel, the WebAssembly memory it is. */
  buffer: SharedArrayBuffer;
  memory: WasmMemory | undefined;
  shape: WorkspaceShape;
  control: Int32Array;
}

/**
 * Takes blocks of the current pass one at a time until none are left, on whichever thread
 * calls it: a thread the system does not schedule simply takes fewer. The counter carries
 * the pass's generation, so a helper that wakes late cannot take a block of a later pass
 * with the numbers of an earlier one. Which thread did a block never matters: each block
 * writes only its own rows and its own slot of every total.
 */
export function takeBlocks(workspace: KMeansWorkspace, control: Int32Array, pass: RowPass, generation: number): void {
  const { n } = workspace.state;
  const blocks = blockCount(n);
  const tag = (generation & TAG_MASK) << TAG_SHIFT;
  for (;;) {
    const value = Atomics.load(control, CONTROL.next);
    if ((value & ~BLOCK_MASK) !== tag) return;
    const block = value & BLOCK_MASK;
    if (block >= blocks) return;
    if (Atomics.compareExchange(control, CONTROL.next, value, value + 1) !== value) continue;
    runPass(workspace, pass, block * BLOCK_ROWS, Math.min(n, (block + 1) * BLOCK_ROWS));
    if (Atomics.add(control, CONTROL.completed, 1) + 1 === blocks) Atomics.notify(control, CONTROL.completed);
  }
}

export type HelperMessage = { kind: 'online' } | { kind: 'failed'; message: string };

/** Runs of fewer blocks stay on the calling thread: the handshakes would cost more than the split saves. */
const MIN_BLOCKS = 4;
/** A helper that neither finishes nor fails in this long is taken to be dead. */
const STALL_MS = 10 * 60_000;

export interface AttachedRun {
  workspace: KMeansWorkspace;
  runner: RowRunner;
  release(): void;
}

/**
 * The calling thread plus `helpers` worker threads. A run attaches once (its heap, the data
 * and every working array, is posted to the helpers), then every pass is shared out by
 * whole blocks, each thread taking the next free block, and the caller waits (Atomics.wait)
 * until all are done. Totals are combined per block in order by the caller, so results do
 * not depend on the number of threads nor on who did which block. The caller blocks while
 * it waits, so use a team from a worker thread (as the app's clustering worker is) or from
 * a command-line process, not from a thread that must stay responsive.
 */
export class KMeansTeam {
  /** Set when a helper died outside a pass; the team then refuses new runs. */
  private broken: Error | undefined;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('error', (error) => {
        this.broken = error;
      });
    }
  }

  /** Starts the helpers and waits until each has loaded its code. */
  static async start(helpers: number, workerUrl: URL = defaultWorkerUrl()): Promise<KMeansTeam> {
    const workers = Array.from({ length: helpers }, () => startWorker(workerUrl));
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              worker.once('message', (message: HelperMessage) => (message.kind === 'online' ? resolve() : reject(new Error(message.message))));
              worker.once('error', reject);
              worker.once('exit', (code) => reject(new Error(`k-means helper stopped with code ${code} before it started.`)));
            }),
        ),
      );
    } catch (error) {
      await Promise.all(workers.map((worker) => worker.terminate()));
      throw error;
    }
    for (const worker of workers) worker.removeAllListeners();
    return new KMeansTeam(workers);
  }

  /** Threads that share the rows: the helpers and the calling thread. */
  get threads(): number {
    return this.workers.length + 1;
  }

  /** Working arrays for one run in shared memory, and a runner that splits each pass over the team. */
  attach(data: Float64Array, shape: WorkspaceShape, simd = true): AttachedRun {
    if (this.broken) throw new Error(`k-means: a helper thread has failed (${this.broken.message}); start a new team.`);
    const { n } = shape;
    const blocks = blockCount(n);
    const workspace = createWorkspace(data, shape, simd);
    if (blocks < MIN_BLOCKS || this.workers.length === 0) {
      return { workspace, runner: { run: (pass) => runPass(workspace, pass, 0, n) }, release: () => undefined };
    }
    const control = new Int32Array(new SharedArrayBuffer(CONTROL.size * 4));
    const message: AttachMessage = { kind: 'attach', buffer: workspace.heap.buffer, memory: workspace.heap.memory, shape, control };
    for (const worker of this.workers) worker.postMessage(message);
    waitFor(control, CONTROL.ready, this.workers.length);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      Atomics.store(control, CONTROL.detach, 1);
      Atomics.add(control, CONTROL.generation, 1);
      Atomics.notify(control, CONTROL.generation);
    };
    if (Atomics.load(control, CONTROL.failed) !== 0) {
      release();
      throw new Error('k-means: a helper thread could not open the run.');
    }
    return {
      workspace,
      runner: {
        run(pass: RowPass) {
          control[CONTROL.kind] = PASS_KINDS.indexOf(pass.kind);
          control[CONTROL.chosen] = pass.kind === 'seed-commit' ? pass.chosen : 0;
          control[CONTROL.centre] = pass.kind === 'seed-commit' ? pass.centre : 0;
          const generation = Atomics.load(control, CONTROL.generation) + 1;
          Atomics.store(control, CONTROL.completed, 0);
          Atomics.store(control, CONTROL.next, (generation & TAG_MASK) << TAG_SHIFT);
          Atomics.store(control, CONTROL.generation, generation);
          Atomics.notify(control, CONTROL.generation);
          takeBlocks(workspace, control, pass, generation);
          waitFor(control, CONTROL.completed, blocks);
          if (Atomics.load(control, CONTROL.failed) !== 0) throw new Error('k-means: a helper thread failed during a pass.');
        },
      },
      release,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Blocks until control[slot] reaches `target`. */
function waitFor(control: Int32Array, slot: number, target: number): void {
  const started = Date.now();
  for (;;) {
    const value = Atomics.load(control, slot);
    if (value >= target) return;
    if (Atomics.load(control, CONTROL.failed) !== 0) return;
    Atomics.wait(control, slot, value, 1000);
    if (Date.now() - started > STALL_MS) throw new Error('k-means: a helper thread stopped answering.');
  }
}

function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './worker.ts' : './worker.js', here);
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
