// The row blocks every k-means pass works in, the passes themselves as plain data, and where the working arrays come from.

/**
 * Rows are handled in fixed blocks; every total (potential, sums, inertia) is first taken per
 * block and the blocks are then added in order. Threads own whole blocks, so the result is
 * bit for bit the same on one thread or many.
 */
export const BLOCK_ROWS = 4096;

export function blockCount(n: number): number {
  return Math.ceil(n / BLOCK_ROWS);
}

/** One pass over the rows; the numbers it needs beyond the shared arrays travel with it. */
export type RowPass =
  | { kind: 'seed-first' }
  | { kind: 'seed-evaluate' }
  | { kind: 'seed-commit'; chosen: number; centre: number }
  | { kind: 'seed-finish' }
  | { kind: 'sums' }
  | { kind: 'assign' }
  | { kind: 'inertia' };

export const PASS_KINDS = ['seed-first', 'seed-evaluate', 'seed-commit', 'seed-finish', 'sums', 'assign', 'inertia'] as const;

/** Runs a pass over all rows: here, or split by blocks over a team of threads. */
export interface RowRunner {
  run(pass: RowPass): void;
}

/** Where a run's working arrays come from (see heap.ts). */
export interface Allocator {
  float64(length: number): Float64Array;
  int32(length: number): Int32Array;
}
