// The working arrays of one k-means start, and the distance arithmetic every step shares.
import type { Allocator } from './blocks';

/** One start's state: data is row-major n x d; centres row-major k x d. */
export interface KMeansState {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly centres: Float64Array;
  readonly labels: Int32Array;
  /** Hamerly's upper bound on each point's distance to its own centre. */
  readonly upper: Float64Array;
  /** Hamerly's lower bound on each point's distance to every other centre. */
  readonly lower: Float64Array;
  /** Per-cluster coordinate sums and counts, kept up to date as points move. */
  readonly sums: Float64Array;
  readonly counts: Int32Array;
}

export function createState(data: Float64Array, n: number, d: number, k: number, allocate: Allocator): KMeansState {
  return {
    data,
    n,
    d,
    k,
    centres: allocate.float64(k * d),
    labels: allocate.int32(n),
    upper: allocate.float64(n),
    lower: allocate.float64(n),
    sums: allocate.float64(k * d),
    counts: allocate.int32(k),
  };
}

/**
 * Squared Euclidean distance between row a of `left` and row b of `right`. Four running
 * sums break the chain of dependent additions (about twice as fast in V8). The SIMD kernel
 * (distance.wat) keeps the same four sums in its two-lane registers and adds them in
 * the same order, so every distance k-means compares is bit for bit this function's.
 */
export function squaredDistance(left: Float64Array, a: number, right: Float64Array, b: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    const e0 = left[a + t]! - right[b + t]!;
    const e1 = left[a + t + 1]! - right[b + t + 1]!;
    const e2 = left[a + t + 2]! - right[b + t + 2]!;
    const e3 = left[a + t + 3]! - right[b + t + 3]!;
    s0 += e0 * e0;
    s1 += e1 * e1;
    s2 += e2 * e2;
    s3 += e3 * e3;
  }
  for (; t < d; t++) {
    const e = left[a + t]! - right[b + t]!;
    s0 += e * e;
  }
  return s0 + s1 + (s2 + s3);
}

/**
 * Like squaredDistance, but gives up once the running sum reaches `limit` and returns that
 * partial sum (a lower bound on the true value). When it runs to the end the result is
 * bit-for-bit squaredDistance's, since the additions happen in the same order.
 */
export function squaredDistanceBelow(left: Float64Array, a: number, right: Float64Array, b: number, d: number, limit: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    const e0 = left[a + t]! - right[b + t]!;
    const e1 = left[a + t + 1]! - right[b + t + 1]!;
    const e2 = left[a + t + 2]! - right[b + t + 2]!;
    const e3 = left[a + t + 3]! - right[b + t + 3]!;
    s0 += e0 * e0;
    s1 += e1 * e1;
    s2 += e2 * e2;
    s3 += e3 * e3;
    if ((t & 7) === 4 && s0 + s1 + (s2 + s3) >= limit) return s0 + s1 + (s2 + s3);
  }
  for (; t < d; t++) {
    const e = left[a + t]! - right[b + t]!;
    s0 += e * e;
  }
  return s0 + s1 + (s2 + s3);
}

/** Exact assignment of every point (used when the caller gives the initial centres); sets labels and both bounds. */
export function assignAll(state: KMeansState): void {
  const { data, n, d, k, centres, labels, upper, lower } = state;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let second = Infinity;
    let bestIndex = 0;
    for (let j = 0; j < k; j++) {
      const sq = squaredDistance(data, i * d, centres, j * d, d);
      if (sq < best) {
        second = best;
        best = sq;
        bestIndex = j;
      } else if (sq < second) second = sq;
    }
    labels[i] = bestIndex;
    upper[i] = Math.sqrt(best);
    lower[i] = Math.sqrt(second);
  }
}
