// The working arrays of one k-means start, and the distance arithmetic every step shares.

/** One start's state: data is row-major n x d; centres row-major k x d. */
export interface KMeansState {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  centres: Float64Array;
  readonly labels: Int32Array;
  /** Hamerly's upper bound on each point's distance to its own centre. */
  readonly upper: Float64Array;
  /** Hamerly's lower bound on each point's distance to every other centre. */
  readonly lower: Float64Array;
  /** Per-cluster coordinate sums and counts, kept up to date as points move. */
  readonly sums: Float64Array;
  readonly counts: Int32Array;
}

export function createState(data: Float64Array, n: number, d: number, k: number): KMeansState {
  return {
    data,
    n,
    d,
    k,
    centres: new Float64Array(k * d),
    labels: new Int32Array(n),
    upper: new Float64Array(n),
    lower: new Float64Array(n),
    sums: new Float64Array(k * d),
    counts: new Int32Array(k),
  };
}

/**
 * Squared Euclidean distance between row a of `left` and row b of `right`. Four running
 * sums break the chain of dependent additions (about twice as fast in V8); every caller
 * uses this one function, so all comparisons between distances are like for like.
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

/** Rebuilds the cluster sums in point order (so the centres are exactly the means a plain implementation gets). */
export function recomputeSums(state: KMeansState): void {
  const { data, n, d, labels, sums, counts } = state;
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    counts[label]!++;
    const row = i * d;
    const base = label * d;
    // Unrolled: each coordinate still gets its additions in point order, so the sums are unchanged.
    let t = 0;
    for (; t + 3 < d; t += 4) {
      const a = sums[base + t]! + data[row + t]!;
      const b = sums[base + t + 1]! + data[row + t + 1]!;
      const c = sums[base + t + 2]! + data[row + t + 2]!;
      const e = sums[base + t + 3]! + data[row + t + 3]!;
      sums[base + t] = a;
      sums[base + t + 1] = b;
      sums[base + t + 2] = c;
      sums[base + t + 3] = e;
    }
    for (; t < d; t++) sums[base + t]! += data[row + t]!;
  }
}

/** Sum over points of the squared distance to their own centre. */
export function inertiaOf(state: KMeansState): number {
  const { data, n, d, centres, labels } = state;
  let total = 0;
  for (let i = 0; i < n; i++) total += squaredDistance(data, i * d, centres, labels[i]! * d, d);
  return total;
}
