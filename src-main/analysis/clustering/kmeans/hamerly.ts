// Lloyd iterations with Hamerly's bounds: the same fixed point as plain Lloyd, but most distances are never computed.
import { BLOCK_ROWS, blockCount, type Allocator, type RowRunner } from './blocks';
import type { DistanceKernel } from './distance';
import { squaredDistance, type KMeansState } from './state';

/**
 * Bounds are derived through square roots and triangle inequalities, each with its own
 * rounding. A point is only skipped when its bound clears the threshold by this relative
 * margin, so rounding can never skip a point that plain Lloyd would move.
 */
const SAFETY = 1 - 1e-9;

export interface IterationReport {
  iteration: number;
  /** Points that changed cluster in this iteration. */
  changed: number;
}

export interface LloydOutcome {
  iterations: number;
  converged: boolean;
  inertia: number;
}

/** Per-iteration numbers shared with the row passes, and what each block of rows reports back. */
export interface LloydScratch {
  /** How far each centre moved in the last update, and half the distance to its nearest other centre. */
  readonly moved: Float64Array;
  readonly halfGap: Float64Array;
  /** [largest move, second largest move, index of the largest]. */
  readonly shifts: Float64Array;
  readonly next: Float64Array;
  /** Per block: points that changed cluster, and the change (or, for the sums pass, the total) of each cluster's sums and counts. */
  readonly blockChanged: Int32Array;
  readonly blockSums: Float64Array;
  readonly blockCounts: Int32Array;
  readonly blockInertia: Float64Array;
}

export function createLloydScratch(n: number, d: number, k: number, allocate: Allocator): LloydScratch {
  const blocks = blockCount(n);
  return {
    moved: allocate.float64(k),
    halfGap: allocate.float64(k),
    shifts: allocate.float64(3),
    next: allocate.float64(k * d),
    blockChanged: allocate.int32(blocks),
    blockSums: allocate.float64(blocks * k * d),
    blockCounts: allocate.int32(blocks * k),
    blockInertia: allocate.float64(blocks),
  };
}

/** The row passes of the iterations; each works on rows [from, to) and writes only those rows and their blocks. */
export const lloydPasses = {
  /** Each block's cluster sums and counts, in point order. */
  sums(state: KMeansState, scratch: LloydScratch, kernel: DistanceKernel, from: number, to: number): void {
    const { data, d, k, labels } = state;
    const { blockSums, blockCounts } = scratch;
    const width = k * d;
    for (let block = (from / BLOCK_ROWS) | 0; block * BLOCK_ROWS < to; block++) {
      blockSums.fill(0, block * width, block * width + width);
      blockCounts.fill(0, block * k, block * k + k);
      const end = Math.min(to, (block + 1) * BLOCK_ROWS);
      kernel.sums(
        data.byteOffset,
        block * BLOCK_ROWS,
        end,
        d,
        labels.byteOffset,
        blockSums.byteOffset + block * width * 8,
        blockCounts.byteOffset + block * k * 4,
      );
    }
  },

  /**
   * Loosens each point's bounds by how far the centres moved, and re-examines the points whose
   * bounds no longer decide (only the two nearest centres matter; a tie goes to the lower
   * index). Per block: how many points changed cluster, and the change of each cluster's sums.
   */
  assign(state: KMeansState, scratch: LloydScratch, kernel: DistanceKernel, from: number, to: number): void {
    const { data, d, k, centres, labels, upper, lower } = state;
    const { moved, halfGap, shifts, blockChanged, blockSums, blockCounts } = scratch;
    const width = k * d;
    for (let block = (from / BLOCK_ROWS) | 0; block * BLOCK_ROWS < to; block++) {
      const end = Math.min(to, (block + 1) * BLOCK_ROWS);
      blockChanged[block] = kernel.assign(
        data.byteOffset,
        block * BLOCK_ROWS,
        end,
        d,
        k,
        labels.byteOffset,
        upper.byteOffset,
        lower.byteOffset,
        centres.byteOffset,
        moved.byteOffset,
        halfGap.byteOffset,
        shifts[0]!,
        shifts[1]!,
        shifts[2]!,
        SAFETY,
        blockSums.byteOffset + block * width * 8,
        blockCounts.byteOffset + block * k * 4,
      );
    }
  },

  /** Each block's sum of squared distances to the own centre. */
  inertia(state: KMeansState, scratch: LloydScratch, kernel: DistanceKernel, from: number, to: number): void {
    const { data, d, centres, labels } = state;
    const { blockInertia } = scratch;
    const rowBytes = d * 8;
    const dataBase = data.byteOffset;
    const centreBase = centres.byteOffset;
    for (let block = (from / BLOCK_ROWS) | 0; block * BLOCK_ROWS < to; block++) {
      const end = Math.min(to, (block + 1) * BLOCK_ROWS);
      let total = 0;
      for (let i = block * BLOCK_ROWS; i < end; i++) total += kernel.distance(dataBase + i * rowBytes, centreBase + labels[i]! * rowBytes, d);
      blockInertia[block] = total;
    }
  },
};

/**
 * Runs update/assign rounds from the labels and bounds in `state` until no point changes
 * cluster ("strict" convergence, the true Lloyd fixed point) or the centres' total squared
 * movement is at most `absoluteTolerance` (scikit-learn's rule), or `maxIterations` rounds.
 * After each round the labels are those of the nearest current centre, as plain Lloyd's are.
 * The cluster sums are kept up to date from the points that moved, block by block in order.
 */
export function runHamerly(
  state: KMeansState,
  scratch: LloydScratch,
  rows: RowRunner,
  absoluteTolerance: number,
  maxIterations: number,
  onIteration?: (report: IterationReport) => void,
  signal?: AbortSignal,
): LloydOutcome {
  const { n, d, k, centres, sums, counts } = state;
  const { moved, halfGap, shifts, next, blockChanged, blockSums, blockCounts } = scratch;
  const blocks = blockCount(n);
  const width = k * d;
  recomputeSums(state, scratch, rows);

  let iteration = 0;
  let converged = false;
  let fixedPoint = false;
  let movedSinceSums = 0;
  while (iteration < maxIterations) {
    signal?.throwIfAborted();
    iteration++;
    movedSinceSums += relocateEmptyClusters(state);

    // Update step: centres become the means; measure how far each moved.
    let shiftTotal = 0;
    let largest = 0;
    let secondLargest = 0;
    let largestIndex = -1;
    for (let j = 0; j < k; j++) {
      const base = j * d;
      const count = counts[j]!;
      let sq = 0;
      for (let t = 0; t < d; t++) {
        const value = sums[base + t]! / count;
        next[base + t] = value;
        const diff = value - centres[base + t]!;
        sq += diff * diff;
      }
      shiftTotal += sq;
      const shift = Math.sqrt(sq);
      moved[j] = shift;
      if (shift > largest) {
        secondLargest = largest;
        largest = shift;
        largestIndex = j;
      } else if (shift > secondLargest) secondLargest = shift;
    }
    centres.set(next);
    shifts[0] = largest;
    shifts[1] = secondLargest;
    shifts[2] = largestIndex;
    for (let j = 0; j < k; j++) {
      let nearest = Infinity;
      for (let other = 0; other < k; other++) {
        if (other === j) continue;
        const sq = squaredDistance(centres, j * d, centres, other * d, d);
        if (sq < nearest) nearest = sq;
      }
      halfGap[j] = 0.5 * Math.sqrt(nearest);
    }

    // Assignment step: only points whose bounds cannot rule out a closer centre are examined.
    rows.run({ kind: 'assign' });
    let changed = 0;
    for (let block = 0; block < blocks; block++) {
      if (blockChanged[block] === 0) continue;
      changed += blockChanged[block]!;
      for (let j = 0; j < k; j++) counts[j]! += blockCounts[block * k + j]!;
      for (let e = 0; e < width; e++) sums[e]! += blockSums[block * width + e]!;
    }
    movedSinceSums += changed;
    onIteration?.({ iteration, changed });
    if (changed === 0) {
      converged = true;
      fixedPoint = true;
      break;
    }
    if (shiftTotal <= absoluteTolerance) {
      converged = true;
      break;
    }
  }

  if (fixedPoint && movedSinceSums > 0) {
    // At the fixed point the centres are the means of the labels; recompute them afresh so
    // they carry no rounding drift from the incremental sums.
    recomputeSums(state, scratch, rows);
    for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) centres[j * d + t] = sums[j * d + t]! / counts[j]!;
  }
  rows.run({ kind: 'inertia' });
  let inertia = 0;
  for (let block = 0; block < blocks; block++) inertia += scratch.blockInertia[block]!;
  return { iterations: iteration, converged, inertia };
}

/** Cluster sums and counts from scratch: per block in point order, then the blocks in order (for n up to BLOCK_ROWS, plain point order). */
function recomputeSums(state: KMeansState, scratch: LloydScratch, rows: RowRunner): void {
  const { n, d, k, sums, counts } = state;
  const { blockSums, blockCounts } = scratch;
  const width = k * d;
  rows.run({ kind: 'sums' });
  sums.fill(0);
  counts.fill(0);
  for (let block = 0; block < blockCount(n); block++) {
    for (let j = 0; j < k; j++) counts[j]! += blockCounts[block * k + j]!;
    for (let e = 0; e < width; e++) sums[e]! += blockSums[block * width + e]!;
  }
}

/**
 * A cluster that lost all its points gets the point that is currently worst served
 * (farthest from its own centre, taken from a cluster that keeps at least one point),
 * so k clusters stay k clusters. Rare; it costs one exact pass when it happens.
 */
function relocateEmptyClusters(state: KMeansState): number {
  const { data, n, d, k, centres, labels, upper, lower, sums, counts } = state;
  let empty = 0;
  for (let j = 0; j < k; j++) if (counts[j] === 0) empty++;
  if (empty === 0) return 0;
  const ownSq = new Float64Array(n);
  for (let i = 0; i < n; i++) ownSq[i] = squaredDistance(data, i * d, centres, labels[i]! * d, d);
  for (let j = 0; j < k; j++) {
    if (counts[j] !== 0) continue;
    let worst = -1;
    let worstSq = -1;
    for (let i = 0; i < n; i++) {
      if (counts[labels[i]!]! > 1 && ownSq[i]! > worstSq) {
        worstSq = ownSq[i]!;
        worst = i;
      }
    }
    if (worst < 0) throw new Error('k-means: more clusters than distinct points to fill them.');
    const from = labels[worst]!;
    counts[from]!--;
    counts[j] = 1;
    labels[worst] = j;
    ownSq[worst] = 0;
    for (let t = 0; t < d; t++) {
      const value = data[worst * d + t]!;
      sums[from * d + t]! -= value;
      sums[j * d + t] = value;
    }
    // Its bounds refer to the old cluster; make the next assignment examine it in full.
    upper[worst] = Infinity;
    lower[worst] = 0;
  }
  return empty;
}
