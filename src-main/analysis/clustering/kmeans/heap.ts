// One block of shared memory that holds a k-means run's data and working arrays, and the distance kernel that reads it.
import type { Allocator } from './blocks';
import { createWasmMemory, scalarKernel, simdAvailable, simdKernel, type DistanceKernel, type WasmMemory } from './distance';

const PAGE_BYTES = 65_536;
/** A 32-bit WebAssembly memory holds at most 65,536 pages (4 GiB); larger runs use the JavaScript kernel. */
const MAX_PAGES = 65_536;
const ALIGN = 16;

/**
 * Arrays are carved out of one buffer in the order they are asked for. A helper thread that
 * asks for the same arrays in the same order over the same buffer gets the same views, so
 * nothing but the buffer (and its WebAssembly memory) has to be posted to it.
 */
export interface Heap extends Allocator {
  readonly buffer: SharedArrayBuffer;
  readonly memory: WasmMemory | undefined;
  readonly kernel: DistanceKernel;
}

/** Bytes that `layout` asks for, aligned as a heap would place them. */
export function measureHeap(layout: (allocate: Allocator) => void): number {
  let bytes = 0;
  layout({
    float64(length) {
      bytes = align(bytes) + length * 8;
      return new Float64Array(0);
    },
    int32(length) {
      bytes = align(bytes) + length * 4;
      return new Int32Array(0);
    },
  });
  return align(bytes);
}

/** A new heap of `bytes`: WebAssembly memory with the SIMD kernel when possible, else a SharedArrayBuffer and the JavaScript kernel. */
export function createHeap(bytes: number, simd = true): Heap {
  const pages = Math.max(1, Math.ceil(bytes / PAGE_BYTES));
  if (simd && pages <= MAX_PAGES && simdAvailable()) {
    const memory = createWasmMemory(pages);
    return openHeap(memory.buffer as SharedArrayBuffer, memory);
  }
  return openHeap(new SharedArrayBuffer(align(bytes)), undefined);
}

/** A heap over an existing buffer, allocating from its start (the helper thread's side). */
export function openHeap(buffer: SharedArrayBuffer, memory: WasmMemory | undefined): Heap {
  let next = 0;
  const take = (bytes: number): number => {
    const offset = align(next);
    if (offset + bytes > buffer.byteLength) throw new Error('k-means: the working arrays do not fit the heap.');
    next = offset + bytes;
    return offset;
  };
  return {
    buffer,
    memory,
    kernel: memory ? simdKernel(memory) : scalarKernel(buffer),
    float64: (length) => new Float64Array(buffer, take(length * 8), length),
    int32: (length) => new Int32Array(buffer, take(length * 4), length),
  };
}

function align(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}
