// The squared distances k-means spends its time on, as WebAssembly SIMD (two lanes) or, where that is unavailable, plain JavaScript.
import { squaredDistance, squaredDistanceBelow } from './state';

/**
 * distance.wat assembled with Debian's wabt 1.0.32:
 * `wat2wasm --enable-threads distance.wat -o distance.wasm`, then base64.
 * tests/main/analysis/clustering/kmeans/kmeans-distance.test.ts checks it against the JavaScript.
 */
export const DISTANCE_WASM =
  'AGFzbQEAAAABUAdgA39/fwF8YAR/f398AXxgBX9/f39/AGAJf39/f39/f39/AGAHf39/f39/fwBgCX9/f39/f39/fwF8YBF/f39/f39/f39/f3x8f3x/fwF/AhIBA2VudgZtZW1vcnkCAwGAgAQDCA' +
  'cAAQIDBAUGB0AGCGRpc3RhbmNlAAANZGlzdGFuY2VCZWxvdwABCGV2YWx1YXRlAAMEc3VtcwAEBmNvbW1pdAAFBmFzc2lnbgAGCqAPB8wBAwN7AX8CfCAAIAJBfHFBA3RqIQYCQANAIAAgBk8NASAA' +
  '/QAEACAB/QAEAP3xASEFIAMgBSAF/fIB/fABIQMgAP0ABBAgAf0ABBD98QEhBSAEIAUgBf3yAf3wASEEIABBIGohACABQSBqIQEMAAsLIAP9IQAhByAAIAJBA3FBA3RqIQYCQANAIAAgBk8NASAAKw' +
  'MAIAErAwChIQggByAIIAiioCEHIABBCGohACABQQhqIQEMAAsLIAcgA/0hAaAgBP0hACAE/SEBoKALgAIFA3sBfwJ8AX8BfCAAIAJBfHFBA3RqIQcCQANAIAAgB08NASAA/QAEACAB/QAEAP3xASEG' +
  'IAQgBiAG/fIB/fABIQQgAP0ABBAgAf0ABBD98QEhBiAFIAYgBv3yAf3wASEFIABBIGohACABQSBqIQEgCgRAIAT9IQAgBP0hAaAgBf0hACAF/SEBoKAhCyALIANmBEAgCw8LCyAKQQFzIQoMAAsLIA' +
  'T9IQAhCCAAIAJBA3FBA3RqIQcCQANAIAAgB08NASAAKwMAIAErAwChIQkgCCAJIAmioCEIIABBCGohACABQQhqIQEMAAsLIAggBP0hAaAgBf0hACAF/SEBoKAL1QIDBnsBfwR8IAAgA0F8cUEDdGoh' +
  'CwJAA0AgACALTw0BIAD9AAQAIQkgCSAB/QAEAP3xASEKIAUgCiAK/fIB/fABIQUgCSAC/QAEAP3xASEKIAcgCiAK/fIB/fABIQcgAP0ABBAhCSAJIAH9AAQQ/fEBIQogBiAKIAr98gH98AEhBiAJIA' +
  'L9AAQQ/fEBIQogCCAKIAr98gH98AEhCCAAQSBqIQAgAUEgaiEBIAJBIGohAgwACwsgBf0hACEMIAf9IQAhDSAAIANBA3FBA3RqIQsCQANAIAAgC08NASAAKwMAIQ4gDiABKwMAoSEPIAwgDyAPoqAh' +
  'DCAOIAIrAwChIQ8gDSAPIA+ioCENIABBCGohACABQQhqIQEgAkEIaiECDAALCyAEIAwgBf0hAaAgBv0hACAG/SEBoKA5AwAgBCANIAf9IQGgIAj9IQAgCP0hAaCgOQMIC4QCAwV/AnwCfyADQQN0IQ' +
  'sgASEJIAAgCSALbGohCiAGIAkgBGxBA3RqIQwCQANAIAkgAk8NAUEAIQ0gByERAkADQCANQQFqIARPDQEgCiARIBEgC2ogAyAMIA1BA3RqEAIgESALQQF0aiERIA1BAmohDQwACwsgDSAESQRAIAwg' +
  'DUEDdGogCiARIAMQADkDAAsgBSAJQQN0aisDACEOQQAhDQJAA0AgDSAETw0BIAwgDUEDdGorAwAhDyAIIA1BA3RqIRAgECAQKwMAIA4gD6FEAAAAAAAAAACloDkDACANQQFqIQ0MAAsLIAwgBEEDdG' +
  'ohDCAKIAtqIQogCUEBaiEJDAALCwvJAQEIfyADQQN0IQkgA0F+cUEDdCEKIAEhByAAIAcgCWxqIQgCQANAIAcgAk8NASAEIAdBAnRqKAIAIQsgBiALQQJ0aiENIA0gDSgCAEEBajYCACAFIAsgCWxq' +
  'IQxBACEOAkADQCAOIApPDQEgDCAOaiENIA0gDf0ABAAgCCAOav0ABAD98AH9CwQAIA5BEGohDgwACwsgDiAJSQRAIAwgDmohDSANIA0rAwAgCCAOaisDAKA5AwALIAggCWohCCAHQQFqIQcMAAsLC5' +
  'UBAwF/BHwCfyAAIQkCQANAIAkgAU8NASAGIAlBA3RqIQ8gByAJQQN0aiEOIA8rAwAhCiAIIAkgAmwgA2pBA3RqKwMAIQsgCyAKYwRAIAqfIQwgDyALOQMAIAUgCUECdGogBDYCAAUgC58hDAsgDCAO' +
  'KwMAYwRAIA4gDDkDAAsgDSAPKwMAoCENIAlBAWohCQwACwsgDQuOBAYEfwZ8An8BfAh/AXwgA0EDdCETIAEhESAAIBEgE2xqIRICQANAIBEgAk8NAQJAIAUgEUECdGohISAGIBFBA3RqIR8gByARQQ' +
  'N0aiEgICEoAgAhFCAfKwMAIAkgFEEDdGorAwCgIRUgICsDACAMIAsgFCANRhuhIRYgHyAVOQMAICAgFjkDACAKIBRBA3RqKwMAIBalIA6iIRcgFSAXZQ0AIBIgCCAUIBNsaiADEACfIRggHyAYOQMA' +
  'IBggF2UNAEQAAAAAAADwfyEZRAAAAAAAAPB/IRpBACEbQQAhHAJAA0AgHCAETw0BIBIgCCAcIBNsaiADIBoQASEdIB0gGWMEQCAZIRogHSEZIBwhGwUgHSAaYwRAIB0hGgsLIBxBAWohHAwACwsgHy' +
  'AZnzkDACAgIBqfOQMAIBsgFEYNACAeRQRAIA9BACAEIBNs/AsAIBBBACAEQQJ0/AsACyAeQQFqIR4gISAbNgIAIBAgFEECdGohJSAlICUoAgBBAWs2AgAgECAbQQJ0aiElICUgJSgCAEEBajYCACAP' +
  'IBQgE2xqISIgDyAbIBNsaiEjQQAhJAJAA0AgJCATTw0BIBIgJGorAwAhJiAiICRqISUgJSAlKwMAICahOQMAICMgJGohJSAlICUrAwAgJqA5AwAgJEEIaiEkDAALCwsgEiATaiESIBFBAWohEQwACw' +
  'sgHgs=';

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
  /** Hamerly's assignment over rows [from, to) of one block; returns the points that changed cluster. See lloydPasses.assign. */
  assign(
    data: number,
    from: number,
    to: number,
    d: number,
    k: number,
    labels: number,
    upper: number,
    lower: number,
    centres: number,
    moved: number,
    halfGap: number,
    largest: number,
    secondLargest: number,
    largestIndex: number,
    safety: number,
    sums: number,
    counts: number,
  ): number;
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

const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
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
  return {
    simd: true,
    distance: exports.distance,
    distanceBelow: exports.distanceBelow,
    evaluate: exports.evaluate,
    commit: exports.commit,
    assign: exports.assign,
    sums: exports.sums,
  };
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
    assign(data, from, to, d, k, labels, upper, lower, centres, moved, halfGap, largest, secondLargest, largestIndex, safety, sums, counts) {
      const [rows, labelsAt, upperAt, lowerAt, centresAt, movedAt, halfGapAt, sumsAt, countsAt] = [
        data / 8,
        labels / 4,
        upper / 8,
        lower / 8,
        centres / 8,
        moved / 8,
        halfGap / 8,
        sums / 8,
        counts / 4,
      ];
      let changed = 0;
      for (let i = from; i < to; i++) {
        const label = ints[labelsAt + i]!;
        const bound = heap[upperAt + i]! + heap[movedAt + label]!;
        const low = heap[lowerAt + i]! - (label === largestIndex ? secondLargest : largest);
        heap[upperAt + i] = bound;
        heap[lowerAt + i] = low;
        const threshold = Math.max(heap[halfGapAt + label]!, low) * safety;
        if (bound <= threshold) continue;
        const row = rows + i * d;
        const own = Math.sqrt(squaredDistance(heap, row, heap, centresAt + label * d, d));
        heap[upperAt + i] = own;
        if (own <= threshold) continue;
        let best = Infinity;
        let second = Infinity;
        let bestIndex = 0;
        for (let j = 0; j < k; j++) {
          const sq = squaredDistanceBelow(heap, row, heap, centresAt + j * d, d, second);
          if (sq < best) {
            second = best;
            best = sq;
            bestIndex = j;
          } else if (sq < second) second = sq;
        }
        heap[upperAt + i] = Math.sqrt(best);
        heap[lowerAt + i] = Math.sqrt(second);
        if (bestIndex === label) continue;
        if (changed === 0) {
          heap.fill(0, sumsAt, sumsAt + k * d);
          ints.fill(0, countsAt, countsAt + k);
        }
        changed++;
        ints[labelsAt + i] = bestIndex;
        ints[countsAt + label]!--;
        ints[countsAt + bestIndex]!++;
        for (let t = 0; t < d; t++) {
          const value = heap[row + t]!;
          heap[sumsAt + label * d + t]! -= value;
          heap[sumsAt + bestIndex * d + t]! += value;
        }
      }
      return changed;
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
