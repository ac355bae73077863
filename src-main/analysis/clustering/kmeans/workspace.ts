// All working arrays of a k-means run in one heap, made once and reused by every start, and the dispatch of a row pass to its code.
import type { Allocator, RowPass, RowRunner } from './blocks';
import type { DistanceKernel, WasmMemory } from './distance';
import { createLloydScratch, lloydPasses, type LloydScratch } from './hamerly';
import { createHeap, measureHeap, openHeap, type Heap } from './heap';
import { createSeedingScratch, seedingPasses, type SeedingScratch } from './plus-plus';
import { createState, type KMeansState } from './state';

export interface KMeansWorkspace {
  readonly heap: Heap;
  readonly kernel: DistanceKernel;
  readonly state: KMeansState;
  readonly seeding: SeedingScratch;
  readonly lloyd: LloydScratch;
}

export interface WorkspaceShape {
  n: number;
  d: number;
  k: number;
  localTrials: number;
}

/** Allocation order is fixed (the data first), so a helper replaying it over the same heap gets the same views. */
function layout({ n, d, k, localTrials }: WorkspaceShape, allocate: Allocator): Omit<KMeansWorkspace, 'heap' | 'kernel'> {
  const data = allocate.float64(n * d);
  return {
    state: createState(data, n, d, k, allocate),
    seeding: createSeedingScratch(n, d, localTrials, allocate),
    lloyd: createLloydScratch(n, d, k, allocate),
  };
}

/** A new heap holding a copy of the data (the kernel reads rows from the heap) and every working array. */
export function createWorkspace(data: Float64Array, shape: WorkspaceShape, simd = true): KMeansWorkspace {
  const heap = createHeap(
    measureHeap((allocate) => layout(shape, allocate)),
    simd,
  );
  const workspace = { heap, kernel: heap.kernel, ...layout(shape, heap) };
  workspace.state.data.set(data);
  return workspace;
}

/** The same workspace on a helper thread, over the heap the caller posted. */
export function openWorkspace(buffer: SharedArrayBuffer, memory: WasmMemory | undefined, shape: WorkspaceShape): KMeansWorkspace {
  const heap = openHeap(buffer, memory);
  return { heap, kernel: heap.kernel, ...layout(shape, heap) };
}

/** Runs one pass on rows [from, to) (whole blocks, or the tail of the data). */
export function runPass(workspace: KMeansWorkspace, pass: RowPass, from: number, to: number): void {
  const { state, seeding, lloyd, kernel } = workspace;
  switch (pass.kind) {
    case 'seed-first':
      return seedingPasses.first(state, seeding, kernel, from, to);
    case 'seed-evaluate':
      return seedingPasses.evaluate(state, seeding, kernel, from, to);
    case 'seed-commit':
      return seedingPasses.commit(state, seeding, kernel, pass.chosen, pass.centre, from, to);
    case 'seed-finish':
      return seedingPasses.finish(state, seeding, from, to);
    case 'sums':
      return lloydPasses.sums(state, lloyd, kernel, from, to);
    case 'assign':
      return lloydPasses.assign(state, lloyd, kernel, from, to);
    case 'inertia':
      return lloydPasses.inertia(state, lloyd, kernel, from, to);
  }
}

/** Every pass on this thread, over all rows. */
export function localRunner(workspace: KMeansWorkspace): RowRunner {
  return { run: (pass) => runPass(workspace, pass, 0, workspace.state.n) };
}
