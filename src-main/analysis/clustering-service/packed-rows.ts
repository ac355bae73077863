// The clustering's rows as typed arrays (amounts and category codes), so they cross to the worker thread as transfers, not as JSON of objects.
import type { FeatureSpec, MixedRow, MixedValue } from '../clustering/mixed-table';

/** n rows of mixed features: amounts n x p (NaN = unknown), category codes n x q (-1 = unknown) with each feature's dictionary. */
export interface PackedRows {
  n: number;
  specs: FeatureSpec[];
  numeric: Float64Array;
  codes: Int32Array;
  /** Per categorical feature (in spec order), the text of each code. */
  dictionaries: string[][];
}

/** Packs rows (one value per spec, in spec order); the rows are not modified. */
export function packRows(rows: readonly MixedRow[], specs: readonly FeatureSpec[]): PackedRows {
  const n = rows.length;
  const numericAt = specs.flatMap((spec, j) => (spec.kind === 'numeric' ? [j] : []));
  const categoricalAt = specs.flatMap((spec, j) => (spec.kind === 'categorical' ? [j] : []));
  const p = numericAt.length;
  const q = categoricalAt.length;
  const numeric = new Float64Array(n * p);
  const codes = new Int32Array(n * q);
  const indexes = categoricalAt.map(() => new Map<string, number>());
  const dictionaries: string[][] = categoricalAt.map(() => []);
  rows.forEach((row, i) => {
    numericAt.forEach((j, t) => {
      const value = row[j];
      numeric[i * p + t] = typeof value === 'number' ? value : Number.NaN;
    });
    categoricalAt.forEach((j, t) => {
      const value = row[j];
      if (value === null || value === undefined) {
        codes[i * q + t] = -1;
        return;
      }
      const text = String(value);
      let code = indexes[t]!.get(text);
      if (code === undefined) {
        code = dictionaries[t]!.length;
        dictionaries[t]!.push(text);
        indexes[t]!.set(text, code);
      }
      codes[i * q + t] = code;
    });
  });
  return { n, specs: specs.map((spec) => ({ ...spec })), numeric, codes, dictionaries };
}

/** The rows back, as chooseK reads them; categories appear in the same first-seen order as in the original rows. */
export function unpackRows(packed: PackedRows): MixedRow[] {
  const { n, specs, numeric, codes, dictionaries } = packed;
  const p = specs.filter((spec) => spec.kind === 'numeric').length;
  const q = specs.length - p;
  const rows: MixedRow[] = [];
  for (let i = 0; i < n; i++) {
    let t = 0;
    let c = 0;
    rows.push(
      specs.map((spec): MixedValue => {
        if (spec.kind === 'numeric') {
          const value = numeric[i * p + t++]!;
          return Number.isNaN(value) ? null : value;
        }
        const code = codes[i * q + c]!;
        const text = code < 0 ? null : dictionaries[c]![code]!;
        c++;
        return text;
      }),
    );
  }
  return rows;
}

/** The buffers to transfer with a packed table (the sender's arrays are unusable afterwards). */
export function packedTransfers(packed: PackedRows): ArrayBuffer[] {
  return [packed.numeric.buffer as ArrayBuffer, packed.codes.buffer as ArrayBuffer];
}
