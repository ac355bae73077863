// Small seeded datasets for the clustering tests.
import { SeededRandom } from '../../../../src-main/analysis/clustering/seeded-random';

export interface Dataset {
  data: Float64Array;
  n: number;
  d: number;
}

/** n points around `groups` centres drawn in [-spread, spread]^d, unit noise. */
export function blobs(n: number, d: number, groups: number, spread: number, seed: number): Dataset & { truth: Int32Array } {
  const random = new SeededRandom(seed);
  const centres = Array.from({ length: groups }, () => Array.from({ length: d }, () => (random.uniform() * 2 - 1) * spread));
  const data = new Float64Array(n * d);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const group = random.int(groups);
    truth[i] = group;
    for (let t = 0; t < d; t++) data[i * d + t] = centres[group]![t]! + random.normal();
  }
  return { data, n, d, truth };
}

/** Uniform noise: no cluster structure, so Lloyd needs many iterations and the bounds are really exercised. */
export function uniform(n: number, d: number, seed: number): Dataset {
  const random = new SeededRandom(seed);
  return { data: Float64Array.from({ length: n * d }, () => random.uniform()), n, d };
}

export function rows({ data, n, d }: Dataset): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, i * d + d)));
}

/** k distinct rows picked with a seed, as initial centres. */
export function pickCentres(dataset: Dataset, k: number, seed: number): number[][] {
  const random = new SeededRandom(seed);
  const picked = new Set<number>();
  while (picked.size < k) picked.add(random.int(dataset.n));
  const all = rows(dataset);
  return [...picked].map((i) => all[i]!);
}
