// The one-hot encoding of mixed data, checked against z-scores, shares and scale factors computed by hand.
import { describe, expect, it } from 'vitest';
import { decodeCentre, encodeMixed } from '../../../../src-main/analysis/clustering/encoding';
import { readMixedTable, type FeatureSpec, type MixedRow } from '../../../../src-main/analysis/clustering/mixed-table';

const specs: FeatureSpec[] = [
  { id: 'age', kind: 'numeric' },
  { id: 'type', kind: 'categorical' },
];
// age: mean 30, population sd sqrt(200 / 3); type: a 3/4, b 1/4, so 1 - sum p^2 = 6/16.
const rows: MixedRow[] = [
  [20, 'a'],
  [30, 'b'],
  [40, 'a'],
  [null, 'a'],
];
const sd = Math.sqrt(200 / 3);

function column(data: Float64Array, d: number, c: number): number[] {
  return Array.from({ length: data.length / d }, (_, i) => data[i * d + c]!);
}

describe('encodeMixed', () => {
  it('standardises amounts, imputes 0 for a missing one, and scales one-hot columns so a category weighs like an amount', () => {
    const encoding = encodeMixed(rows, specs);
    expect(encoding.d).toBe(3);
    expect(encoding.columns.map((c) => (c.kind === 'category' ? `${c.feature}=${c.category}` : c.feature))).toEqual(['age', 'type=a', 'type=b']);
    const age = column(encoding.data, 3, 0);
    [-10 / sd, 0, 10 / sd, 0].forEach((z, i) => expect(age[i]).toBeCloseTo(z, 12));
    const factor = 1 / Math.sqrt(6 / 16);
    expect(column(encoding.data, 3, 1)).toEqual([factor, 0, factor, factor]);
    expect(column(encoding.data, 3, 2)).toEqual([0, factor, 0, 0]);
    // The derivation: over all pairs (i, j), the mean squared distance on the type columns is 2, as for a z-scored amount.
    let sum = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++)
        sum += (encoding.data[i * 3 + 1]! - encoding.data[j * 3 + 1]!) ** 2 + (encoding.data[i * 3 + 2]! - encoding.data[j * 3 + 2]!) ** 2;
    expect(sum / 16).toBeCloseTo(2, 12);
  });

  it("'matching' scaling makes a mismatch cost exactly 1", () => {
    const encoding = encodeMixed(rows, specs, { categoricalScaling: 'matching' });
    expect(column(encoding.data, 3, 1)).toEqual([Math.SQRT1_2, 0, Math.SQRT1_2, Math.SQRT1_2]);
    const mismatch = (encoding.data[1]! - encoding.data[4]!) ** 2 + (encoding.data[2]! - encoding.data[5]!) ** 2;
    expect(mismatch).toBeCloseTo(1, 12);
  });

  it('gives a missing category its own "unknown" column, last, and adds a missing-indicator on request', () => {
    const withGaps: MixedRow[] = [...rows, [50, null]];
    const encoding = encodeMixed(withGaps, [
      { id: 'age', kind: 'numeric', missingIndicator: true },
      { id: 'type', kind: 'categorical', categories: ['b', 'a'] },
    ]);
    expect(encoding.columns.map((c) => `${c.kind}:${c.kind === 'category' ? c.category : c.feature}`)).toEqual([
      'numeric:age',
      'missing:age',
      'category:b',
      'category:a',
      'category:null',
    ]);
    // One of five ages missing: the indicator is z-scored 0/1, factor 1 / sqrt(0.2 x 0.8).
    const indicator = column(encoding.data, 5, 1);
    [0, 0, 0, 1 / Math.sqrt(0.16), 0].forEach((value, i) => expect(indicator[i]).toBeCloseTo(value, 12));
    // Mean 35 of the four known ages imputed as 0.
    expect(encoding.data[3 * 5]).toBe(0);
    const unknownFactor = 1 / Math.sqrt(1 - (0.6 ** 2 + 0.2 ** 2 + 0.2 ** 2));
    expect(column(encoding.data, 5, 4)[4]).toBeCloseTo(unknownFactor, 12);
  });

  it('multiplies a feature by sqrt(weight), so its share of a squared distance is multiplied by the weight', () => {
    const plain = encodeMixed(rows, specs);
    const weighted = encodeMixed(rows, [
      { id: 'age', kind: 'numeric', weight: 4 },
      { id: 'type', kind: 'categorical', weight: 0 },
    ]);
    expect(column(weighted.data, 3, 0)).toEqual(column(plain.data, 3, 0).map((x) => 2 * x));
    expect(column(weighted.data, 3, 1).every((x) => x === 0)).toBe(true);
  });

  it('scales robustly by median and IQR / 1.349 when asked', () => {
    const table = readMixedTable([[1], [2], [3], [4], [100]], [{ id: 'x', kind: 'numeric', scaling: 'robust' }]);
    const spread = 2 / 1.3489795003921634;
    expect(table.numericFeatures[0]).toMatchObject({ location: 3 });
    expect(table.numericFeatures[0]!.spread).toBeCloseTo(spread, 12);
    expect(table.numeric[4]).toBeCloseTo(97 / spread, 12);
  });

  it('reads a cluster centre back as amounts and category shares', () => {
    const encoding = encodeMixed(rows, specs);
    // The centre of rows 0 and 1: age 25, half a, half b.
    const centre = Float64Array.from({ length: 3 }, (_, c) => (encoding.data[c]! + encoding.data[3 + c]!) / 2);
    const decoded = decodeCentre(encoding, centre, 0);
    expect(decoded.amounts.age).toBeCloseTo(25, 10);
    expect(decoded.shares.type!.a).toBeCloseTo(0.5, 12);
    expect(decoded.shares.type!.b).toBeCloseTo(0.5, 12);
  });

  it('does not modify its input and says what is wrong', () => {
    const copy = structuredClone(rows);
    encodeMixed(rows, specs);
    expect(rows).toEqual(copy);
    expect(() => encodeMixed([[1, 2]], specs)).toThrow(/Feature type, row 0: expected a category code/);
    expect(() => encodeMixed([['x', 'a']], specs)).toThrow(/Feature age, row 0: expected an amount/);
    expect(() => encodeMixed([[1]], specs)).toThrow(/Row 0 has 1 values/);
    expect(() => encodeMixed(rows, [specs[0]!, { ...specs[1]!, weight: -1 }])).toThrow(/weight must be 0 or more/);
  });
});
