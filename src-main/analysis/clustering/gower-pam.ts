// k-medoids by PAM (BUILD, then FastPAM1 SWAP) on a condensed distance matrix, typically Gower's; deterministic.
import { distanceAt, type CondensedDistances } from './gower-distance';

export interface PamProgress {
  phase: 'build' | 'swap';
  /** Medoids placed (build) or swaps done (swap). */
  step: number;
  totalDeviation: number;
}

export interface PamOptions {
  maxSwaps?: number;
  onProgress?: (progress: PamProgress) => void;
  signal?: AbortSignal;
}

export interface PamResult {
  k: number;
  /** Row numbers of the medoids, in the order BUILD chose them. */
  medoids: Int32Array;
  labels: Int32Array;
  sizes: Int32Array;
  /** Sum over rows of the distance to their medoid. */
  totalDeviation: number;
  swaps: number;
  converged: boolean;
}

/**
 * Partitioning Around Medoids (Kaufman & Rousseeuw). BUILD places the medoid that lowers the
 * total deviation most, one at a time; SWAP then repeatedly makes the best exchange of a
 * medoid for a non-medoid until none lowers it. The SWAP search is FastPAM1 (Schubert &
 * Rousseeuw 2019): one pass over the rows per candidate evaluates removing every medoid at
 * once, so a pass costs O(n^2) instead of O(k n^2), with the same swaps as classic PAM.
 * Nothing is random; ties go to the lowest row number, so the result is fully reproducible.
 */
export function pam(matrix: CondensedDistances, k: number, options: PamOptions = {}): PamResult {
  const { n } = matrix;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new Error(`PAM: k must be a whole number from 1 to ${n} (the rows), got ${k}.`);
  const maxSwaps = options.maxSwaps ?? 1000;
  const medoids = build(matrix, k, options);
  const state = nearestTwo(matrix, medoids);
  let swaps = 0;
  let converged = false;
  while (swaps < maxSwaps) {
    options.signal?.throwIfAborted();
    const swap = bestSwap(matrix, medoids, state);
    // A relative threshold: float rounding must not make the search cycle between equal configurations.
    if (!swap || swap.change >= -1e-9 * Math.max(1, state.total)) {
      converged = true;
      break;
    }
    medoids[swap.medoidIndex] = swap.candidate;
    Object.assign(state, nearestTwo(matrix, medoids));
    swaps++;
    options.onProgress?.({ phase: 'swap', step: swaps, totalDeviation: state.total });
  }
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[state.nearest[i]!]!++;
  return { k, medoids, labels: state.nearest, sizes, totalDeviation: state.total, swaps, converged };
}

/**
 * Both BUILD and SWAP visit the pairs in storage order, adding each pair's effect to both of
 * its rows: reading the condensed matrix column-wise (all pairs of one row) jumps through
 * memory, which for n = 10 000 made every pass several times slower.
 */
function build(matrix: CondensedDistances, k: number, options: PamOptions): Int32Array {
  const { n, values } = matrix;
  const medoids = new Int32Array(k);
  const isMedoid = new Uint8Array(n);
  // Distance of each row to its nearest medoid so far; Infinity before the first.
  const nearest = new Float64Array(n).fill(Infinity);
  const gain = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    options.signal?.throwIfAborted();
    // gain[c]: how much the total deviation drops when c becomes a medoid; for the first, minus c's total distance.
    gain.fill(0);
    let at = 0;
    for (let a = 0; a < n; a++) {
      const nearestA = nearest[a]!;
      if (j === 0) {
        for (let b = a + 1; b < n; b++) {
          const distance = values[at++]!;
          gain[a]! -= distance;
          gain[b]! -= distance;
        }
      } else {
        // A candidate is 0 from itself, so it gains its own current distance too.
        gain[a]! += nearestA;
        for (let b = a + 1; b < n; b++) {
          const distance = values[at++]!;
          if (nearest[b]! > distance) gain[a]! += nearest[b]! - distance;
          if (nearestA > distance) gain[b]! += nearestA - distance;
        }
      }
    }
    let chosen = -1;
    for (let c = 0; c < n; c++) if (!isMedoid[c] && (chosen < 0 || gain[c]! > gain[chosen]!)) chosen = c;
    medoids[j] = chosen;
    isMedoid[chosen] = 1;
    let total = 0;
    for (let o = 0; o < n; o++) {
      nearest[o] = Math.min(nearest[o]!, distanceAt(matrix, o, chosen));
      total += nearest[o]!;
    }
    options.onProgress?.({ phase: 'build', step: j + 1, totalDeviation: total });
  }
  return medoids;
}

interface NearestState {
  /** Index into medoids (the cluster label) of each row's nearest and second-nearest medoid. */
  nearest: Int32Array;
  nearestDistance: Float64Array;
  secondDistance: Float64Array;
  total: number;
}

function nearestTwo(matrix: CondensedDistances, medoids: Int32Array): NearestState {
  const { n } = matrix;
  const nearest = new Int32Array(n);
  const nearestDistance = new Float64Array(n);
  const secondDistance = new Float64Array(n);
  let total = 0;
  for (let o = 0; o < n; o++) {
    let first = Infinity;
    let second = Infinity;
    let label = 0;
    for (let j = 0; j < medoids.length; j++) {
      const distance = distanceAt(matrix, o, medoids[j]!);
      if (distance < first) [second, first, label] = [first, distance, j];
      else if (distance < second) second = distance;
    }
    [nearest[o], nearestDistance[o], secondDistance[o]] = [label, first, second];
    total += first;
  }
  return { nearest, nearestDistance, secondDistance, total };
}

/**
 * For candidate c replacing medoid m: a row of m's cluster moves to min(second, d(o, c)); any
 * other row moves to c only if that is nearer. Split as a part shared by all m (the rows that
 * gain from c) plus a per-medoid part (what m's own rows lose), one pass over all pairs gives
 * the change of every (candidate, medoid) exchange.
 */
function bestSwap(
  matrix: CondensedDistances,
  medoids: Int32Array,
  state: NearestState,
): { change: number; medoidIndex: number; candidate: number } | undefined {
  const { n, values } = matrix;
  const k = medoids.length;
  const { nearest, nearestDistance, secondDistance } = state;
  const shared = new Float64Array(n);
  const perMedoid = new Float64Array(n * k);
  const visit = (c: number, o: number, distance: number) => {
    const own = nearestDistance[o]!;
    if (distance < own) shared[c]! += distance - own;
    else perMedoid[c * k + nearest[o]!]! += Math.min(distance, secondDistance[o]!) - own;
  };
  let at = 0;
  for (let a = 0; a < n; a++) {
    visit(a, a, 0);
    for (let b = a + 1; b < n; b++) {
      const distance = values[at++]!;
      visit(a, b, distance);
      visit(b, a, distance);
    }
  }
  const isMedoid = new Uint8Array(n);
  for (const medoid of medoids) isMedoid[medoid] = 1;
  let best: { change: number; medoidIndex: number; candidate: number } | undefined;
  for (let c = 0; c < n; c++) {
    if (isMedoid[c]) continue;
    for (let j = 0; j < k; j++) {
      const change = shared[c]! + perMedoid[c * k + j]!;
      if (!best || change < best.change) best = { change, medoidIndex: j, candidate: c };
    }
  }
  return best;
}
