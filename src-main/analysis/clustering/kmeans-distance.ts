// The squared distances k-means spends its time on, as WebAssembly SIMD (two lanes) or, where that is unavailable, plain JavaScript.
import { squaredDistance, squaredDistanceBelow } from './kmeans-state';

/**
 * kmeans-distance.wat assembled with Debian's wabt 1.0.32:
 * `wat2wasm --enable-threads kmeans-distance.wat -o kmeans-distance.wasm`, then base64.
 * tests/main/analysis/clustering/kmeans-distance.test.ts checks it against the JavaScript.
 */
const DISTANCE_WASM = 'AGFzbQEAAAABOwZgA39/fwF8YAR/f398AXxgBX9/f39/AGAJf39/f39/f39/AGAHf39/f39/fwBgCX9/f39/f39/fwF8AhIBA2VudgZtZW1vcnkCAwGAgAQDBwYAAQIDBAUHNwUIZGlzdGFuY2UAAA1kaXN0YW5jZUJlbG93AAEIZXZhbHVhdGUAAwRzdW1zAAQGY29tbWl0AAUKkAsGzAEDA3sBfwJ8IAAgAkF8cUEDdGohBgJAA0AgACAGTw0BIAD9AAQAIAH9AAQA/fEBIQUgAyAFIAX98gH98AEhAyAA/QAEECAB/QAEEP3xASEFIAQgBSAF/fIB/fABIQQgAEEgaiEAIAFBIGohAQwACwsgA/0hACEHIAAgAkEDcUEDdGohBgJAA0AgACAGTw0BIAArAwAgASsDAKEhCCAHIAggCKKgIQcgAEEIaiEAIAFBCGohAQwACwsgByAD/SEBoCAE/SEAIAT9IQGgoAuAAgUDewF/AnwBfwF8IAAgAkF8cUEDdGohBwJAA0AgACAHTw0BIAD9AAQAIAH9AAQA/fEBIQYgBCAGIAb98gH98AEhBCAA/QAEECAB/QAEEP3xASEGIAUgBiAG/fIB/fABIQUgAEEgaiEAIAFBIGohASAKBEAgBP0hACAE/SEBoCAF/SEAIAX9IQGgoCELIAsgA2YEQCALDwsLIApBAXMhCgwACwsgBP0hACEIIAAgAkEDcUEDdGohBwJAA0AgACAHTw0BIAArAwAgASsDAKEhCSAIIAkgCaKgIQggAEEIaiEAIAFBCGohAQwACwsgCCAE/SEBoCAF/SEAIAX9IQGgoAvVAgMGewF/BHwgACADQXxxQQN0aiELAkADQCAAIAtPDQEgAP0ABAAhCSAJIAH9AAQA/fEBIQogBSAKIAr98gH98AEhBSAJIAL9AAQA/fEBIQogByAKIAr98gH98AEhByAA/QAEECEJIAkgAf0ABBD98QEhCiAGIAogCv3yAf3wASEGIAkgAv0ABBD98QEhCiAIIAogCv3yAf3wASEIIABBIGohACABQSBqIQEgAkEgaiECDAALCyAF/SEAIQwgB/0hACENIAAgA0EDcUEDdGohCwJAA0AgACALTw0BIAArAwAhDiAOIAErAwChIQ8gDCAPIA+ioCEMIA4gAisDAKEhDyANIA8gD6KgIQ0gAEEIaiEAIAFBCGohASACQQhqIQIMAAsLIAQgDCAF/SEBoCAG/SEAIAb9IQGgoDkDACAEIA0gB/0hAaAgCP0hACAI/SEBoKA5AwgLhAIDBX8CfAJ/IANBA3QhCyABIQkgACAJIAtsaiEKIAYgCSAEbEEDdGohDAJAA0AgCSACTw0BQQAhDSAHIRECQANAIA1BAWogBE8NASAKIBEgESALaiADIAwgDUEDdGoQAiARIAtBAXRqIREgDUECaiENDAALCyANIARJBEAgDCANQQN0aiAKIBEgAxAAOQMACyAFIAlBA3RqKwMAIQ5BACENAkADQCANIARPDQEgDCANQQN0aisDACEPIAggDUEDdGohECAQIBArAwAgDiAPoUQAAAAAAAAAAKWgOQMAIA1BAWohDQwACwsgDCAEQQN0aiEMIAogC2ohCiAJQQFqIQkMAAsLC8kBAQh/IANBA3QhCSADQX5xQQN0IQogASEHIAAgByAJbGohCAJAA0AgByACTw0BIAQgB0ECdGooAgAhCyAGIAtBAnRqIQ0gDSANKAIAQQFqNgIAIAUgCyAJbGohDEEAIQ4CQANAIA4gCk8NASAMIA5qIQ0gDSAN/QAEACAIIA5q/QAEAP3wAf0LBAAgDkEQaiEODAALCyAOIAlJBEAgDCAOaiENIA0gDSsDACAIIA5qKwMAoDkDAAsgCCAJaiEIIAdBAWohBwwACwsLlQEDAX8EfAJ/IAAhCQJAA0AgCSABTw0BIAYgCUEDdGohDyAHIAlBA3RqIQ4gDysDACEKIAggCSACbCADakEDdGorAwAhCyALIApjBEAgCp8hDCAPIAs5AwAgBSAJQQJ0aiAENgIABSALnyEMCyAMIA4rAwBjBEAgDiAMOQMACyANIA8rAwCgIQ0gCUEBaiEJDAALCyANCw==';

/**
 * Squared distances between rows that live in one heap, addressed by byte offset. Both
 * versions give bit for bit squaredDistance / squaredDistanceBelow (same four running sums,
 * same order of additions), so whichever runs, the clusters are the same.
 */
export interface DistanceKernel extends DistanceExports {
  readonly simd: boolean;
}

interface DistanceExports {
  distance(a: number, b: number, d: number): number;
  distanceBelow(a: number, b: number, d: number, limit: number): number;
  /** The seeding's candidate pass over rows [from, to) of one block; see seedingPasses.evaluate. */
  evaluate(data: number, from: number, to: number, d: number, trials: number, closest: number, trialSq: number, candidates: number, gains: number): void;
  /** The seeding's commit pass over rows [from, to); returns their potential. See seedingPasses.commit. */
  commit(from: number, to: number, trials: number, chosen: number, centre: number, labels: number, closest: number, lower: number, trialSq: number): number;
  /** Cluster sums and counts of rows [from, to), added in point order; see lloydPasses.sums. */
  sums(data: number, from: number, to: number, d: number, labels: number, sums: number, counts: number): void;
}

/** A WebAssembly memory, as far as k-means uses one (the main project's types have no WebAssembly; Node has it). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

interface WasmModule {
  readonly wasmModule: true;
}

interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: { env: { memory: WasmMemory } }) => { exports: unknown };
}

const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is not available (e.g. node --jitless). */
function distanceModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      compiled = wasm ? new wasm.Module(Buffer.from(DISTANCE_WASM, 'base64')) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** A shared WebAssembly memory of `pages` pages of 64 KiB, fixed in size. */
export function createWasmMemory(pages: number): WasmMemory {
  if (!wasm) throw new Error('k-means: WebAssembly is not available here.');
  return new wasm.Memory({ initial: pages, maximum: pages, shared: true });
}

export function simdAvailable(): boolean {
  return distanceModule() !== null;
}

/** The SIMD kernel over a shared WebAssembly memory (one instance per thread, the memory shared). */
export function simdKernel(memory: WasmMemory): DistanceKernel {
  const module = distanceModule();
  if (!module || !wasm) throw new Error('k-means: WebAssembly SIMD is not available here.');
  const exports = new wasm.Instance(module, { env: { memory } }).exports as DistanceExports;
  return { simd: true, distance: exports.distance, distanceBelow: exports.distanceBelow, evaluate: exports.evaluate, commit: exports.commit, sums: exports.sums };
}

/** The same arithmetic in JavaScript over any buffer. */
export function scalarKernel(buffer: ArrayBufferLike): DistanceKernel {
  const heap = new Float64Array(buffer);
  const ints = new Int32Array(buffer);
  return {
    simd: false,
    distance: (a, b, d) => squaredDistance(heap, a / 8, heap, b / 8, d),
    distanceBelow: (a, b, d, limit) => squaredDistanceBelow(heap, a / 8, heap, b / 8, d, limit),
    evaluate(data, from, to, d, trials, closest, trialSq, candidates, gains) {
      // Byte offsets to element indices.
      const [rows, closestAt, slots, candidatesAt, gainsAt] = [data / 8, closest / 8, trialSq / 8, candidates / 8, gains / 8];
      for (let i = from; i < to; i++) {
        const own = heap[closestAt + i]!;
        for (let t = 0; t < trials; t++) {
          const sq = squaredDistance(heap, rows + i * d, heap, candidatesAt + t * d, d);
          heap[slots + i * trials + t] = sq;
          if (sq < own) heap[gainsAt + t]! += own - sq;
        }
      }
    },
    commit(from, to, trials, chosen, centre, labels, closest, lower, trialSq) {
      const [labelsAt, closestAt, lowerAt, slots] = [labels / 4, closest / 8, lower / 8, trialSq / 8];
      let potential = 0;
      for (let i = from; i < to; i++) {
        const own = heap[closestAt + i]!;
        const sq = heap[slots + i * trials + chosen]!;
        let bound: number;
        if (sq < own) {
          bound = Math.sqrt(own);
          heap[closestAt + i] = sq;
          ints[labelsAt + i] = centre;
        } else bound = Math.sqrt(sq);
        if (bound < heap[lowerAt + i]!) heap[lowerAt + i] = bound;
        potential += heap[closestAt + i]!;
      }
      return potential;
    },
    sums(data, from, to, d, labels, sums, counts) {
      const [rows, labelsAt, sumsAt, countsAt] = [data / 8, labels / 4, sums / 8, counts / 4];
      for (let i = from; i < to; i++) {
        const label = ints[labelsAt + i]!;
        ints[countsAt + label]!++;
        const row = rows + i * d;
        const base = sumsAt + label * d;
        for (let t = 0; t < d; t++) heap[base + t]! += heap[row + t]!;
      }
    },
  };
}
