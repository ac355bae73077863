// Reads a mixed table (categories and amounts) once: checks it, standardises the amounts and codes the categories, for every clustering method.

/** One column of the input rows, in the order of the row arrays. */
export type FeatureSpec = NumericFeatureSpec | CategoricalFeatureSpec;

export interface NumericFeatureSpec {
  id: string;
  kind: 'numeric';
  /** How much the feature counts in a distance: weight 2 counts like two copies of it. Default 1. */
  weight?: number;
  /** 'z': (x - mean) / sd; 'robust': (x - median) / (IQR / 1.349). Default 'z'. */
  scaling?: 'z' | 'robust';
  /** Adds a 0/1 "value was missing" column to the one-hot encoding (only when a value is missing). Default false. */
  missingIndicator?: boolean;
}

export interface CategoricalFeatureSpec {
  id: string;
  kind: 'categorical';
  weight?: number;
  /** The categories in display order; values not listed are added after them, in order of appearance. */
  categories?: readonly string[];
}

export type MixedValue = string | number | null;
export type MixedRow = readonly MixedValue[];

/** The numeric feature after standardisation: z = (x - location) / spread; missing values become 0. */
export interface NumericSummary {
  spec: NumericFeatureSpec;
  location: number;
  spread: number;
  missing: number;
}

/** The categorical feature's codes: code c is categories[c]; a missing value is the "unknown" category, code `unknownCode`. */
export interface CategoricalSummary {
  spec: CategoricalFeatureSpec;
  /** Every category seen or listed, `null` standing for "unknown" (only present when a value is missing). */
  categories: (string | null)[];
  unknownCode: number;
  /** Share of the rows in each category (the unknown category included). */
  shares: Float64Array;
}

/** The table split into its standardised amounts (n x p) and category codes (n x q), both row-major. */
export interface MixedTable {
  n: number;
  numeric: Float64Array;
  numericFeatures: NumericSummary[];
  codes: Int32Array;
  categoricalFeatures: CategoricalSummary[];
}

/** Rescales a robust spread so a normally distributed feature gets sd 1, as with 'z': IQR = 1.349 sd for a normal. */
const NORMAL_IQR = 1.3489795003921634;

export function featureWeight(spec: FeatureSpec): number {
  return spec.weight ?? 1;
}

/**
 * Checks the rows against the specs and standardises. Missing numeric values are left out
 * of the location and spread, then imputed with the location (0 after standardisation:
 * the mean for 'z', the median for 'robust'), so a missing amount pulls nowhere. A missing
 * category is a category of its own, "unknown": that the value is missing can itself be a
 * trait of a group (no income record, no known education). The rows are not modified.
 */
export function readMixedTable(rows: readonly MixedRow[], specs: readonly FeatureSpec[]): MixedTable {
  checkSpecs(specs);
  const n = rows.length;
  if (n === 0) throw new Error('Clustering needs at least one row; the table is empty.');
  rows.forEach((row, i) => {
    if (row.length !== specs.length) throw new Error(`Row ${i} has ${row.length} values, but there are ${specs.length} features.`);
  });
  const numericIndices = specs.flatMap((spec, j) => (spec.kind === 'numeric' ? [j] : []));
  const categoricalIndices = specs.flatMap((spec, j) => (spec.kind === 'categorical' ? [j] : []));
  const p = numericIndices.length;
  const q = categoricalIndices.length;
  const numeric = new Float64Array(n * p);
  const numericFeatures = numericIndices.map((j, t) => {
    const spec = specs[j] as NumericFeatureSpec;
    const values = rows.map((row, i) => numericValue(row[j]!, spec.id, i));
    const known = values.filter((value): value is number => value !== null);
    const { location, spread } = scaleOf(known, spec.scaling ?? 'z');
    values.forEach((value, i) => {
      numeric[i * p + t] = value === null ? 0 : (value - location) / spread;
    });
    return { spec, location, spread, missing: n - known.length };
  });
  const codes = new Int32Array(n * q);
  const categoricalFeatures = categoricalIndices.map((j, t) => {
    const spec = specs[j] as CategoricalFeatureSpec;
    const categories: (string | null)[] = [...(spec.categories ?? [])];
    const index = new Map<string | null, number>(categories.map((category, c) => [category, c]));
    rows.forEach((row, i) => {
      const value = categoryValue(row[j]!, spec.id, i);
      let code = index.get(value);
      if (code === undefined) {
        code = categories.length;
        categories.push(value);
        index.set(value, code);
      }
      codes[i * q + t] = code;
    });
    // Unknown goes last, so category codes of listed categories never depend on where the first gap is.
    const unknownCode = moveUnknownLast(categories, codes, q, t, n);
    const shares = new Float64Array(categories.length);
    for (let i = 0; i < n; i++) shares[codes[i * q + t]!]! += 1 / n;
    return { spec, categories, unknownCode, shares };
  });
  return { n, numeric, numericFeatures, codes, categoricalFeatures };
}

function checkSpecs(specs: readonly FeatureSpec[]): void {
  if (specs.length === 0) throw new Error('Clustering needs at least one feature.');
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.id)) throw new Error(`Feature ${spec.id} is listed twice.`);
    seen.add(spec.id);
    const weight = featureWeight(spec);
    if (!(Number.isFinite(weight) && weight >= 0)) throw new Error(`Feature ${spec.id}: the weight must be 0 or more, got ${weight}.`);
  }
}

function numericValue(value: MixedValue, id: string, row: number): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`Feature ${id}, row ${row}: expected an amount or null, got ${JSON.stringify(value)}.`);
  }
  return value;
}

function categoryValue(value: MixedValue, id: string, row: number): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw new Error(`Feature ${id}, row ${row}: expected a category code (text) or null, got ${JSON.stringify(value)}.`);
  return value;
}

function moveUnknownLast(categories: (string | null)[], codes: Int32Array, q: number, t: number, n: number): number {
  const at = categories.indexOf(null);
  if (at === -1) return -1;
  const last = categories.length - 1;
  if (at === last) return last;
  categories.splice(at, 1);
  categories.push(null);
  for (let i = 0; i < n; i++) {
    const code = codes[i * q + t]!;
    if (code === at) codes[i * q + t] = last;
    else if (code > at) codes[i * q + t] = code - 1;
  }
  return last;
}

/** Location and spread; a spread of 0 (constant feature) becomes 1 so the feature is all zeros rather than NaN. */
function scaleOf(values: number[], scaling: 'z' | 'robust'): { location: number; spread: number } {
  if (values.length === 0) return { location: 0, spread: 1 };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  // Population sd, as scikit-learn's StandardScaler: the z-scores then have variance exactly 1.
  const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
  if (scaling === 'z') return { location: mean, spread: sd > 0 ? sd : 1 };
  const sorted = [...values].sort((a, b) => a - b);
  const iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
  // A feature with more than half its values equal has IQR 0; fall back to the sd rather than blow it up.
  const spread = iqr > 0 ? iqr / NORMAL_IQR : sd;
  return { location: quantile(sorted, 0.5), spread: spread > 0 ? spread : 1 };
}

/** Linear interpolation between order statistics (R's type 7, numpy's default). */
export function quantile(sorted: readonly number[], probability: number): number {
  const position = (sorted.length - 1) * probability;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
