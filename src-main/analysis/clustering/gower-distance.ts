// Gower's dissimilarity between rows of a mixed table, and the condensed matrix of all pairs that PAM works on.
import { featureWeight, type FeatureSpec, type MixedRow, type MixedValue } from './mixed-table';

/** All pairs i < j, row-major: pair (i, j) at condensedIndex(n, i, j); Float32 halves the memory (n = 10 000: 200 MB). */
export interface CondensedDistances {
  n: number;
  values: Float32Array;
}

export function condensedIndex(n: number, i: number, j: number): number {
  const [a, b] = i < j ? [i, j] : [j, i];
  return a * n - (a * (a + 1)) / 2 + b - a - 1;
}

export function distanceAt(matrix: CondensedDistances, i: number, j: number): number {
  return i === j ? 0 : matrix.values[condensedIndex(matrix.n, i, j)]!;
}

/** The most rows the full matrix is built for: 10 000 rows make 50 million pairs, 200 MB as Float32. */
export const MAX_GOWER_ROWS = 10_000;

/**
 * The table prepared for Gower: amounts as Float64Array with NaN for missing, categories as
 * Int32Array codes with -1 for missing (typed arrays of one kind keep the 50 million pair
 * loop of n = 10 000 fast), per feature its weight, and for amounts 1 / range.
 */
interface GowerColumns {
  n: number;
  numeric: { values: Float64Array; inverseRange: number; weight: number }[];
  categorical: { values: Int32Array; weight: number }[];
}

function prepare(rows: readonly MixedRow[], specs: readonly FeatureSpec[]): GowerColumns {
  const numeric: GowerColumns['numeric'] = [];
  const categorical: GowerColumns['categorical'] = [];
  specs.forEach((spec, j) => {
    const weight = featureWeight(spec);
    if (!(Number.isFinite(weight) && weight >= 0)) throw new Error(`Feature ${spec.id}: the weight must be 0 or more, got ${weight}.`);
    const column = rows.map((row, i) => checked(row[j], spec, i));
    if (spec.kind === 'numeric') {
      const known = column.filter((value): value is number => value !== null);
      const range = known.reduce((high, value) => Math.max(high, value), -Infinity) - known.reduce((low, value) => Math.min(low, value), Infinity);
      numeric.push({
        values: Float64Array.from(column, (value) => (value === null ? Number.NaN : (value as number))),
        inverseRange: range > 0 ? 1 / range : 0,
        weight,
      });
    } else {
      const codes = new Map<MixedValue, number>();
      const values = Int32Array.from(column, (value) => {
        if (value === null) return -1;
        if (!codes.has(value)) codes.set(value, codes.size);
        return codes.get(value)!;
      });
      categorical.push({ values, weight });
    }
  });
  return { n: rows.length, numeric, categorical };
}

function checked(value: MixedValue | undefined, spec: FeatureSpec, row: number): MixedValue {
  if (value === undefined) throw new Error(`Row ${row} has no value for feature ${spec.id}.`);
  if (value === null) return null;
  if (spec.kind === 'numeric' && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new Error(`Feature ${spec.id}, row ${row}: expected an amount or null, got ${JSON.stringify(value)}.`);
  }
  if (spec.kind === 'categorical' && typeof value !== 'string') {
    throw new Error(`Feature ${spec.id}, row ${row}: expected a category code (text) or null, got ${JSON.stringify(value)}.`);
  }
  return value;
}

/**
 * Gower (1971): d(a, b) = sum_f w_f s_f d_f / sum_f w_f s_f, where d_f = |x - y| / range_f
 * for an amount (0 when the feature is constant) and 0/1 mismatch for a category; s_f = 0
 * when either value is missing, so a missing value neither adds nor removes distance: the
 * remaining features' weights are renormalised. A pair that shares no known feature gets
 * distance 1, the largest, so it never looks alike by default. Unlike the one-hot encoding,
 * "unknown" is here not a category: Gower's rule is to skip what is not known.
 */
export function gowerDistance(rows: readonly MixedRow[], specs: readonly FeatureSpec[]): (a: number, b: number) => number {
  const columns = prepare(rows, specs);
  return (a, b) => pairDistance(columns, a, b);
}

function pairDistance(columns: GowerColumns, a: number, b: number): number {
  let sum = 0;
  let weights = 0;
  for (const feature of columns.numeric) {
    const x = feature.values[a]!;
    const y = feature.values[b]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    weights += feature.weight;
    sum += feature.weight * Math.abs(x - y) * feature.inverseRange;
  }
  for (const feature of columns.categorical) {
    const x = feature.values[a]!;
    const y = feature.values[b]!;
    if (x < 0 || y < 0) continue;
    weights += feature.weight;
    if (x !== y) sum += feature.weight;
  }
  return weights > 0 ? sum / weights : 1;
}

/**
 * The Gower distances of all pairs, computed once (PAM's BUILD and every SWAP pass read each
 * pair many times, so computing on the fly would repeat the work dozens of times). Refuses
 * more than MAX_GOWER_ROWS rows: the matrix grows with n^2.
 */
export function gowerMatrix(rows: readonly MixedRow[], specs: readonly FeatureSpec[], signal?: AbortSignal): CondensedDistances {
  const n = rows.length;
  if (n > MAX_GOWER_ROWS) {
    throw new Error(
      `PAM met Gower-afstanden werkt op hoogstens ${MAX_GOWER_ROWS.toLocaleString('nl-NL')} huishoudens (alle paren blijven in het geheugen); ` +
        `deze populatie heeft er ${n.toLocaleString('nl-NL')}. Kies k-prototypes voor grotere populaties.`,
    );
  }
  const columns = prepare(rows, specs);
  const values = new Float32Array((n * (n - 1)) / 2);
  let at = 0;
  for (let a = 0; a < n; a++) {
    if (a % 256 === 0) signal?.throwIfAborted();
    for (let b = a + 1; b < n; b++) values[at++] = pairDistance(columns, a, b);
  }
  return { n, values };
}

/** The sub-matrix of the given rows (a bootstrap resample may list a row more than once: those copies are 0 apart). */
export function subMatrix(matrix: CondensedDistances, rows: ArrayLike<number>): CondensedDistances {
  const m = rows.length;
  const values = new Float32Array((m * (m - 1)) / 2);
  let at = 0;
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) values[at++] = distanceAt(matrix, rows[a]!, rows[b]!);
  return { n: m, values };
}
