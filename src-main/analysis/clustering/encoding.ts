// Encodes a mixed table as numbers for k-means: standardised amounts, scaled one-hot categories, weights; and reads centres back.
import { featureWeight, readMixedTable, type FeatureSpec, type MixedRow, type MixedTable } from './mixed-table';

/**
 * How a categorical feature's one-hot columns are scaled (each column gets factor c):
 * two rows in different categories are 2c^2 apart (squared), rows in the same one 0.
 *
 * - 'balanced' (default): c = 1 / sqrt(G), G = 1 - sum_c p_c^2 (the Gini impurity: the
 *   chance two random rows differ). The expected squared distance it adds between two random
 *   rows is then 2c^2 G = 2, exactly what a standardised amount adds (E(x - y)^2 = 2 var = 2).
 *   So every feature, of either kind, contributes the same on average. For a yes/no feature
 *   this equals z-scoring its 0/1 column; a rare category therefore weighs heavily when it
 *   does differ, as a rare trait should when it defines a group.
 * - 'matching': c = 1 / sqrt(2), the common simple choice: a mismatch adds exactly 1 (simple
 *   matching), whatever the category shares; on average a categorical feature then adds
 *   G <= 1, half or less of an amount's 2.
 */
export type CategoricalScaling = 'balanced' | 'matching';

export interface EncodingOptions {
  categoricalScaling?: CategoricalScaling;
}

/** What one column of the encoded matrix is. */
export type EncodedColumn =
  | { kind: 'numeric'; feature: string; location: number; spread: number; factor: number }
  | { kind: 'category'; feature: string; category: string | null; factor: number }
  | { kind: 'missing'; feature: string; factor: number };

export interface Encoding {
  /** n x d, row-major. */
  data: Float64Array;
  n: number;
  d: number;
  columns: EncodedColumn[];
  table: MixedTable;
}

/** A cluster centre in the analyst's terms: amounts in their own unit, categories as shares. */
export interface DecodedCentre {
  amounts: Record<string, number>;
  /** Share of each category per feature ('null' key = unknown), from the mean of the one-hot columns. */
  shares: Record<string, Record<string, number>>;
  /** Share of rows whose amount was missing, per feature that has a missing-indicator column. */
  missingShares: Record<string, number>;
}

/**
 * Encodes the rows (one value per spec, in spec order; rows are not modified). Amounts are
 * standardised and missing amounts imputed as in readMixedTable; a categorical feature
 * becomes one column per category (the unknown category included) scaled as
 * `categoricalScaling` says. A feature's weight w multiplies its columns by sqrt(w), so its
 * share of every squared distance is multiplied by w: weight 2 counts as two copies. A
 * missing indicator is scaled like a yes/no categorical feature with the same rule. A
 * feature that is constant (single category, or all values equal) contributes nothing.
 */
export function encodeMixed(rows: readonly MixedRow[], specs: readonly FeatureSpec[], options: EncodingOptions = {}): Encoding {
  const table = readMixedTable(rows, specs);
  const scaling = options.categoricalScaling ?? 'balanced';
  const { n } = table;
  const p = table.numericFeatures.length;
  const q = table.categoricalFeatures.length;
  const columns: EncodedColumn[] = [];
  const fillers: ((i: number) => number)[] = [];

  table.numericFeatures.forEach((feature, t) => {
    const root = Math.sqrt(featureWeight(feature.spec));
    columns.push({ kind: 'numeric', feature: feature.spec.id, location: feature.location, spread: feature.spread, factor: root });
    fillers.push((i) => table.numeric[i * p + t]! * root);
    if (feature.spec.missingIndicator && feature.missing > 0) {
      const share = feature.missing / n;
      const factor = root * Math.SQRT2 * categoryFactor(scaling, 1 - share ** 2 - (1 - share) ** 2);
      const missingRows = missingRowsOf(rows, specs, feature.spec.id);
      columns.push({ kind: 'missing', feature: feature.spec.id, factor });
      fillers.push((i) => (missingRows.has(i) ? factor : 0));
    }
  });
  table.categoricalFeatures.forEach((feature, t) => {
    const gini = 1 - feature.shares.reduce((sum, share) => sum + share * share, 0);
    const factor = Math.sqrt(featureWeight(feature.spec)) * categoryFactor(scaling, gini);
    feature.categories.forEach((category, code) => {
      columns.push({ kind: 'category', feature: feature.spec.id, category, factor });
      fillers.push((i) => (table.codes[i * q + t] === code ? factor : 0));
    });
  });

  const d = columns.length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) data[i * d + c] = fillers[c]!(i);
  return { data, n, d, columns, table };
}

/** Scale of a one-hot column; 0 when every row is in the same category (the feature separates nothing). */
function categoryFactor(scaling: CategoricalScaling, gini: number): number {
  if (gini <= 1e-12) return 0;
  return scaling === 'balanced' ? 1 / Math.sqrt(gini) : Math.SQRT1_2;
}

function missingRowsOf(rows: readonly MixedRow[], specs: readonly FeatureSpec[], id: string): Set<number> {
  const j = specs.findIndex((spec) => spec.id === id);
  const missing = new Set<number>();
  rows.forEach((row, i) => {
    if (row[j] === null) missing.add(i);
  });
  return missing;
}

/**
 * Reads centre `index` of a k x d centre matrix (e.g. k-means' `centres`) back into the
 * features' own terms: the mean amount (the imputed values of missing amounts included), and
 * the share of each category among the cluster's rows (the mean of a one-hot column divided
 * by its factor). A feature with weight 0 or a constant feature cannot be read back and is left out.
 */
export function decodeCentre(encoding: Encoding, centres: Float64Array, index: number): DecodedCentre {
  const { d, columns } = encoding;
  if (centres.length % d !== 0 || (index + 1) * d > centres.length) {
    throw new Error(`decodeCentre: centre ${index} is not in a matrix of ${centres.length} values with ${d} columns.`);
  }
  const decoded: DecodedCentre = { amounts: {}, shares: {}, missingShares: {} };
  columns.forEach((column, c) => {
    if (column.factor === 0) return;
    const value = centres[index * d + c]! / column.factor;
    if (column.kind === 'numeric') decoded.amounts[column.feature] = column.location + value * column.spread;
    else if (column.kind === 'missing') decoded.missingShares[column.feature] = value;
    else (decoded.shares[column.feature] ??= {})[String(column.category)] = value;
  });
  return decoded;
}
