// Lloyd iterations with Hamerly's bounds: the same fixed point as plain Lloyd, but most distances are never computed.
import { inertiaOf, recomputeSums, squaredDistance, squaredDistanceBelow, type KMeansState } from './kmeans-state';

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

/**
 * Runs update/assign rounds from the labels and bounds in `state` until no point changes
 * cluster ("strict" convergence, the true Lloyd fixed point) or the centres' total squared
 * movement is at most `absoluteTolerance` (scikit-learn's rule), or `maxIterations` rounds.
 * After each round the labels are those of the nearest current centre, as plain Lloyd's are.
 */
export function runHamerly(
  state: KMeansState,
  absoluteTolerance: number,
  maxIterations: number,
  onIteration?: (report: IterationReport) => void,
  signal?: AbortSignal,
): LloydOutcome {
  const { data, n, d, k, labels, upper, lower, sums, counts } = state;
  const moved = new Float64Array(k);
  const halfGap = new Float64Array(k);
  let next: Float64Array = new Float64Array(k * d);
  recomputeSums(state);

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
        const diff = value - state.centres[base + t]!;
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
    [state.centres, next] = [next, state.centres];
    const centres = state.centres;

    // Moving centres loosen the bounds by at most how far they moved.
    for (let i = 0; i < n; i++) {
      const label = labels[i]!;
      upper[i]! += moved[label]!;
      lower[i]! -= label === largestIndex ? secondLargest : largest;
    }
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
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const label = labels[i]!;
      const threshold = Math.max(halfGap[label]!, lower[i]!) * SAFETY;
      if (upper[i]! <= threshold) continue;
      const row = i * d;
      const own = Math.sqrt(squaredDistance(data, row, centres, label * d, d));
      upper[i] = own;
      if (own <= threshold) continue;
      let best = Infinity;
      let second = Infinity;
      let bestIndex = 0;
      for (let j = 0; j < k; j++) {
        // Only the two nearest matter: a centre whose partial sum already reaches the second
        // nearest so far is neither, and j rises, so a tie still goes to the lower index.
        const sq = squaredDistanceBelow(data, row, centres, j * d, d, second);
        if (sq < best) {
          second = best;
          best = sq;
          bestIndex = j;
        } else if (sq < second) second = sq;
      }
      upper[i] = Math.sqrt(best);
      lower[i] = Math.sqrt(second);
      if (bestIndex !== label) {
        changed++;
        labels[i] = bestIndex;
        counts[label]!--;
        counts[bestIndex]!++;
        const from = label * d;
        const to = bestIndex * d;
        for (let t = 0; t < d; t++) {
          const value = data[row + t]!;
          sums[from + t]! -= value;
          sums[to + t]! += value;
        }
      }
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
    // At the fixed point the centres are the means of the labels; recompute them in point
    // order so they carry no rounding drift from the incremental sums.
    recomputeSums(state);
    writeMeans(state);
  }
  return { iterations: iteration, converged, inertia: inertiaOf(state) };
}

function writeMeans(state: KMeansState): void {
  const { centres, sums, counts, k, d } = state;
  for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) centres[j * d + t] = sums[j * d + t]! / counts[j]!;
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
