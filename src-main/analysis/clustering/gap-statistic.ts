// The gap statistic (Tibshirani, Walther and Hastie 2001) for mixed data: how much lower the within-cluster error is
// than on reference data without clusters. The reference keeps every feature's own distribution and breaks only the
// ties between features (each column shuffled on its own, seeded), the usual null for categorical and mixed data.
import type { MixedRow } from './mixed-table';
import { deriveSeed, SeededRandom } from './seeded-random';

export interface Gap {
  k: number;
  /** mean over references of log(error) minus log(error) of the data. */
  gap: number;
  /** The spread of the references' log errors times sqrt(1 + 1/B): the gap's standard error. */
  se: number;
}

/**
 * Prepares `rows` once (encoding, distance matrix) and gives their within-cluster error at any k: the algorithm's own
 * (sum of squares, cost, total deviation).
 */
export type ErrorOf = (rows: readonly MixedRow[]) => (k: number, seed: number) => number;

/** The rows with each column shuffled independently. */
export function shuffledColumns(rows: readonly MixedRow[], seed: number): MixedRow[] {
  const n = rows.length;
  const width = rows[0]?.length ?? 0;
  const out = rows.map((row) => [...row]);
  const random = new SeededRandom(seed);
  for (let column = 0; column < width; column++) {
    const order = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let i = 0; i < n; i++) out[i]![column] = rows[order[i]!]![column]!;
  }
  return out;
}

/**
 * Gap(k) for every k of `ks`, given the data's own errors; `references` reference data sets (default 10), each
 * clustered once per k. `onReference` is told when one more reference is done (progress and Stop).
 */
export function gapStatistic(
  rows: readonly MixedRow[],
  ks: readonly number[],
  dataErrors: readonly number[],
  errorOf: ErrorOf,
  { references = 10, seed = 0, onReference }: { references?: number; seed?: number; onReference?: (done: number) => void } = {},
): Gap[] {
  if (!Number.isInteger(references) || references < 2) throw new Error(`Gap statistic: references must be a whole number of 2 or more, got ${references}.`);
  const logs = ks.map(() => new Float64Array(references));
  for (let b = 0; b < references; b++) {
    const errorAt = errorOf(shuffledColumns(rows, deriveSeed(seed, b)));
    ks.forEach((k, at) => {
      logs[at]![b] = Math.log(Math.max(errorAt(k, deriveSeed(seed ^ 0x1b873593, b * 64 + k)), Number.MIN_VALUE));
    });
    onReference?.(b + 1);
  }
  return ks.map((k, at) => {
    const values = logs[at]!;
    const mean = values.reduce((sum, value) => sum + value, 0) / references;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / references);
    return { k, gap: mean - Math.log(Math.max(dataErrors[at]!, Number.MIN_VALUE)), se: sd * Math.sqrt(1 + 1 / references) };
  });
}
