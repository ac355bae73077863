// Greedy k-means++ seeding with triangle-inequality pruning; also hands the Hamerly iterations their first labels and bounds.
import { BLOCK_ROWS, blockCount, type Allocator, type RowRunner } from './blocks';
import type { DistanceKernel } from './distance';
import type { KMeansState } from './state';
import type { SeededRandom } from '../seeded-random';

/**
 * Scratch arrays of the seeding, kept between starts (and shared with helper threads when
 * the rows are split over threads). `trialSq` holds, per point, its squared distance to
 * each candidate.
 */
export interface SeedingScratch {
  readonly localTrials: number;
  readonly closestSq: Float64Array;
  readonly trialSq: Float64Array;
  /** Per block of BLOCK_ROWS points: the sum of closestSq. */
  readonly blockPotential: Float64Array;
  /** Per block and candidate: how much the candidate would lower the block's potential. */
  readonly blockGain: Float64Array;
  /** The candidates' rows (localTrials x d). */
  readonly trialCentres: Float64Array;
}

export function createSeedingScratch(n: number, d: number, localTrials: number, allocate: Allocator): SeedingScratch {
  const blocks = blockCount(n);
  return {
    localTrials,
    closestSq: allocate.float64(n),
    trialSq: allocate.float64(n * localTrials),
    blockPotential: allocate.float64(blocks),
    blockGain: allocate.float64(blocks * localTrials),
    trialCentres: allocate.float64(localTrials * d),
  };
}

/** The row passes of the seeding; each works on rows [from, to) and writes only those rows and their blocks. */
export const seedingPasses = {
  /** Distances to the first centre (row 0 of `centres`). */
  first(state: KMeansState, scratch: SeedingScratch, kernel: DistanceKernel, from: number, to: number): void {
    const { data, d, centres, labels, lower } = state;
    const { closestSq, blockPotential } = scratch;
    const rowBytes = d * 8;
    const dataBase = data.byteOffset;
    const centre = centres.byteOffset;
    for (let block = (from / BLOCK_ROWS) | 0; block * BLOCK_ROWS < to; block++) {
      const end = Math.min(to, (block + 1) * BLOCK_ROWS);
      let potential = 0;
      for (let i = block * BLOCK_ROWS; i < end; i++) {
        const sq = kernel.distance(dataBase + i * rowBytes, centre, d);
        closestSq[i] = sq;
        labels[i] = 0;
        lower[i] = Infinity;
        potential += sq;
      }
      blockPotential[block] = potential;
    }
  },

  /** Each point's squared distance to every candidate; per block, how much each candidate would lower the potential. */
  evaluate(state: KMeansState, scratch: SeedingScratch, kernel: DistanceKernel, from: number, to: number): void {
    const { data, d } = state;
    const { localTrials, closestSq, trialSq, blockGain, trialCentres } = scratch;
    for (let block = (from / BLOCK_ROWS) | 0; block * BLOCK_ROWS < to; block++) {
      const end = Math.min(to, (block + 1) * BLOCK_ROWS);
      blockGain.fill(0, block * localTrials, block * localTrials + localTrials);
      const gains = blockGain.byteOffset + block * localTrials * 8;
      kernel.evaluate(data.byteOffset, block * BLOCK_ROWS, end, d, localTrials, closestSq.byteOffset, trialSq.byteOffset, trialCentres.byteOffset, gains);
    }
  },

  /**
   * Makes candidate `chosen` the centre number `centre`: new labels, distances and lower
   * bounds. A point that moves keeps its old distance as a lower bound to the other centres;
   * one that stays gets its distance to the new centre. Strictly closer only: on a tie the
   * lower-numbered centre keeps the point, as in plain Lloyd.
   */
  commit(state: KMeansState, scratch: SeedingScratch, kernel: DistanceKernel, chosen: number, centre: number, from: number, to: number): void {
    const { labels, lower } = state;
    const { localTrials, closestSq, trialSq, blockPotential } = scratch;
    for (let block = (from / BLOCK_ROWS) | 0; block * BLOCK_ROWS < to; block++) {
      const end = Math.min(to, (block + 1) * BLOCK_ROWS);
      blockPotential[block] = kernel.commit(
        block * BLOCK_ROWS,
        end,
        localTrials,
        chosen,
        centre,
        labels.byteOffset,
        closestSq.byteOffset,
        lower.byteOffset,
        trialSq.byteOffset,
      );
    }
  },

  /** Hamerly's upper bounds: the exact distance to the own centre. */
  finish(state: KMeansState, scratch: SeedingScratch, from: number, to: number): void {
    const { upper } = state;
    const { closestSq } = scratch;
    for (let i = from; i < to; i++) upper[i] = Math.sqrt(closestSq[i]!);
  },
};

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007, with the "local trials" refinement):
 * the first centre is a uniformly drawn household; each next centre is the best of
 * `localTrials` candidates drawn with probability proportional to D(x)^2, "best" meaning
 * the one that lowers the total D^2 the most. The default of 2 + floor(ln k) trials is
 * the usual choice (it is also scikit-learn's).
 *
 * Every point's distance to every candidate is computed, two candidates per read of the row
 * (see distance.wat). Skipping candidates that the triangle inequality rules out
 * (|c - c_j|^2 >= 4 D(x)^2) saved a third of the arithmetic but cost as much again in
 * mispredicted branches, so it was dropped. The distances also seed Hamerly's bounds.
 *
 * Totals are summed per block of BLOCK_ROWS points and the blocks added in order, so the
 * result is the same whether `rows` runs the passes here or split over threads.
 */
export function seedKMeansPlusPlus(state: KMeansState, scratch: SeedingScratch, random: SeededRandom, rows: RowRunner, signal?: AbortSignal): void {
  const { data, n, d, k, centres } = state;
  const { localTrials, closestSq, blockPotential, blockGain, trialCentres } = scratch;
  const trialRows = new Int32Array(localTrials);
  const trialPotential = new Float64Array(localTrials);
  const blocks = blockCount(n);

  const first = random.int(n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  rows.run({ kind: 'seed-first' });
  let potential = sumInOrder(blockPotential, blocks);

  for (let c = 1; c < k; c++) {
    signal?.throwIfAborted();
    for (let t = 0; t < localTrials; t++) {
      const row = potential > 0 ? sampleByWeight(closestSq, blockPotential, blocks, random.uniform() * potential) : random.int(n);
      trialRows[t] = row;
      trialCentres.set(data.subarray(row * d, row * d + d), t * d);
    }
    // All candidates in one pass over the data, so each point is read from memory once.
    rows.run({ kind: 'seed-evaluate' });
    for (let t = 0; t < localTrials; t++) {
      let gain = 0;
      for (let block = 0; block < blocks; block++) gain += blockGain[block * localTrials + t]!;
      trialPotential[t] = potential - gain;
    }
    let bestTrial = 0;
    for (let t = 1; t < localTrials; t++) if (trialPotential[t]! < trialPotential[bestTrial]!) bestTrial = t;

    centres.set(trialCentres.subarray(bestTrial * d, bestTrial * d + d), c * d);
    rows.run({ kind: 'seed-commit', chosen: bestTrial, centre: c });
    potential = sumInOrder(blockPotential, blocks);
  }
  rows.run({ kind: 'seed-finish' });
}

function sumInOrder(values: Float64Array, count: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) total += values[i]!;
  return total;
}

/**
 * First point whose running weight exceeds `target`, walking the block totals first. Points
 * of weight 0 (centres already) are never drawn; rounding that leaves the target past the
 * end falls back to the last point with weight.
 */
function sampleByWeight(weights: Float64Array, blockTotals: Float64Array, blocks: number, target: number): number {
  let running = 0;
  for (let block = 0; block < blocks; block++) {
    const total = blockTotals[block]!;
    if (running + total > target) {
      const end = Math.min(weights.length, (block + 1) * BLOCK_ROWS);
      for (let i = block * BLOCK_ROWS; i < end; i++) {
        running += weights[i]!;
        if (running > target && weights[i]! > 0) return i;
      }
      break;
    }
    running += total;
  }
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return weights.length - 1;
}
