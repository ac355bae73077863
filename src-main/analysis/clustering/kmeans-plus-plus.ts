// Greedy k-means++ seeding with triangle-inequality pruning; also hands the Hamerly iterations their first labels and bounds.
import { squaredDistance, squaredDistanceBelow, type KMeansState } from './kmeans-state';
import type { SeededRandom } from './seeded-random';

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007, with the "local trials" refinement):
 * the first centre is a uniformly drawn household; each next centre is the best of
 * `localTrials` candidates drawn with probability proportional to D(x)^2, "best" meaning
 * the one that lowers the total D^2 the most. The default of 2 + floor(ln k) trials is
 * the usual choice (it is also scikit-learn's).
 *
 * Pruning: if a candidate c is at least twice as far from a point's closest centre as the
 * point itself is (|c - c_j|^2 >= 4 D(x)^2), then |x - c| >= D(x) and the point's D cannot
 * shrink, so its distance to c is never computed. The skipped points still get a valid
 * lower bound |c - c_j| - D(x) on their distance to c, which seeds Hamerly's lower bounds.
 */
export function seedKMeansPlusPlus(state: KMeansState, random: SeededRandom, localTrials: number, signal?: AbortSignal): void {
  const { data, n, d, k, centres, labels, upper, lower } = state;
  const closestSq = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const trialSq = Array.from({ length: localTrials }, () => new Float64Array(n));
  const trialCentreSq = new Float64Array(localTrials * k);
  const trialPotential = new Float64Array(localTrials);
  const trialRows = new Int32Array(localTrials);

  const first = random.int(n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    const sq = squaredDistance(data, i * d, centres, 0, d);
    closestSq[i] = sq;
    labels[i] = 0;
    lower[i] = Infinity;
    potential += sq;
  }

  for (let c = 1; c < k; c++) {
    signal?.throwIfAborted();
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closestSq[i]!;
      cumulative[i] = running;
    }
    for (let t = 0; t < localTrials; t++) {
      const row = running > 0 ? searchCumulative(cumulative, random.uniform() * running) : random.int(n);
      trialRows[t] = row;
      for (let j = 0; j < c; j++) trialCentreSq[t * k + j] = squaredDistance(data, row * d, centres, j * d, d);
      trialPotential[t] = potential;
    }
    // All candidates in one pass over the data, so each point is read from memory once.
    for (let i = 0; i < n; i++) {
      const own = closestSq[i]!;
      const label = labels[i]!;
      for (let t = 0; t < localTrials; t++) {
        if (trialCentreSq[t * k + label]! >= 4 * own) {
          trialSq[t]![i] = -1; // pruned: cannot come closer
          continue;
        }
        // Stops early once it is clear the candidate is no closer; the partial sum is still a lower bound.
        const sq = squaredDistanceBelow(data, i * d, data, trialRows[t]! * d, d, own);
        trialSq[t]![i] = sq;
        if (sq < own) trialPotential[t]! -= own - sq;
      }
    }
    let bestTrial = 0;
    for (let t = 1; t < localTrials; t++) if (trialPotential[t]! < trialPotential[bestTrial]!) bestTrial = t;

    const row = trialRows[bestTrial]!;
    centres.set(data.subarray(row * d, row * d + d), c * d);
    const sqs = trialSq[bestTrial]!;
    const toCentreSq = trialCentreSq.subarray(bestTrial * k, bestTrial * k + k);
    potential = 0;
    for (let i = 0; i < n; i++) {
      const own = closestSq[i]!;
      const sq = sqs[i]!;
      if (sq < 0) {
        const bound = Math.sqrt(toCentreSq[labels[i]!]!) - Math.sqrt(own);
        if (bound < lower[i]!) lower[i] = bound;
      } else if (sq < own) {
        // Strictly closer only: on a tie the lower-numbered centre keeps the point, as in plain Lloyd.
        const previous = Math.sqrt(own);
        if (previous < lower[i]!) lower[i] = previous;
        closestSq[i] = sq;
        labels[i] = c;
      } else {
        // sq is the exact squared distance or a partial sum below it: a lower bound either way.
        const distance = Math.sqrt(sq);
        if (distance < lower[i]!) lower[i] = distance;
      }
      potential += closestSq[i]!;
    }
  }
  for (let i = 0; i < n; i++) upper[i] = Math.sqrt(closestSq[i]!);
}

/** First index whose cumulative weight exceeds `target` (skips zero-weight points, which are centres already). */
function searchCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
