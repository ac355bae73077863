// k-prototypes: lambda by hand, two obvious mixed groups found exactly, seeded determinism, untouched input, progress and abort.
import { describe, expect, it } from 'vitest';
import { estimateLambda, kprototypes, rowDissimilarity, type KPrototypesProgress } from '../../../../src-main/analysis/clustering/kprototypes';
import { readMixedTable, type FeatureSpec, type MixedRow } from '../../../../src-main/analysis/clustering/mixed-table';
import { adjustedRandIndex } from '../../../../src-main/analysis/clustering/quality';
import { mixedGroups } from './mixed-datasets';

const specs: FeatureSpec[] = [
  { id: 'income', kind: 'numeric' },
  { id: 'benefit', kind: 'categorical' },
  { id: 'tenure', kind: 'categorical' },
];

describe('estimateLambda', () => {
  it("is the mean sample variance of the standardised amounts over the mean of 1 - sum p^2, as clustMixType's lambdaest", () => {
    const table = readMixedTable(
      [
        [1, 'a', 'x'],
        [2, 'a', 'y'],
        [3, 'b', 'z'],
        [4, 'b', 'x'],
      ],
      specs,
    );
    // z-scores with the population sd have sample variance 4/3; impurities 0.5 and 1 - (1/4 + 1/16 + 1/16) = 0.625.
    expect(estimateLambda(table)).toBeCloseTo(4 / 3 / ((0.5 + 0.625) / 2), 12);
  });
});

describe('kprototypes', () => {
  // Two obvious groups: low income, benefit 'assistance', renting; high income, no benefit, owning - one row off in each category.
  const rows: MixedRow[] = [
    ...Array.from({ length: 10 }, (_, i): MixedRow => [14_000 + 100 * i, i === 0 ? 'none' : 'assistance', 'rent']),
    ...Array.from({ length: 10 }, (_, i): MixedRow => [40_000 + 100 * i, 'none', i === 0 ? 'rent' : 'own']),
  ];
  const truth = Array.from({ length: 20 }, (_, i) => (i < 10 ? 0 : 1));

  it('finds two obvious mixed groups exactly, with means and modes as prototypes', () => {
    const table = readMixedTable(rows, specs);
    const result = kprototypes(table, 2, { seed: 3, starts: 3 });
    expect(adjustedRandIndex(result.labels, truth)).toBe(1);
    const low = result.labels[0]!;
    const income = table.numericFeatures[0]!;
    expect(result.means[low]! * income.spread + income.location).toBeCloseTo(14_450, 6);
    const [benefit, tenure] = table.categoricalFeatures;
    expect(benefit!.categories[result.modes[low * 2]!]).toBe('assistance');
    expect(tenure!.categories[result.modes[(1 - low) * 2 + 1]!]).toBe('own');
    expect(Array.from(result.sizes)).toEqual([10, 10]);
    // The cost is the sum of each row's dissimilarity to its prototype.
    expect(result.cost).toBeGreaterThan(0);
    expect(result.converged).toBe(true);
  });

  it('the cost is the sum of squared standardised distances plus lambda per mismatch', () => {
    const table = readMixedTable(rows, specs);
    const result = kprototypes(table, 2, { seed: 1, starts: 1, lambda: 0.5 });
    let cost = 0;
    for (let i = 0; i < 20; i++) {
      const j = result.labels[i]!;
      cost += (table.numeric[i]! - result.means[j]!) ** 2;
      for (let t = 0; t < 2; t++) if (table.codes[i * 2 + t] !== result.modes[j * 2 + t]) cost += 0.5;
    }
    expect(result.cost).toBeCloseTo(cost, 10);
    expect(result.lambda).toBe(0.5);
    // Row 1 (assistance, rent) vs row 11 (none, own): standardised income gap squared, plus two mismatches.
    const gap = (table.numeric[1]! - table.numeric[11]!) ** 2;
    expect(rowDissimilarity(table, 0.5)(1, 11)).toBeCloseTo(gap + 2 * 0.5, 12);
    // Row 0 (none, rent) vs row 10 (none, rent): the amounts alone.
    expect(rowDissimilarity(table, 0.5)(0, 10)).toBeCloseTo((table.numeric[0]! - table.numeric[10]!) ** 2, 12);
  });

  it('recovers planted mixed groups (ARI = 1 when categories are pure)', () => {
    const dataset = mixedGroups(120, 3, 5, 1);
    const result = kprototypes(readMixedTable(dataset.rows, dataset.specs), 3, { seed: 2 });
    expect(adjustedRandIndex(result.labels, dataset.truth)).toBe(1);
  });

  it('is deterministic for a seed and leaves its input alone', () => {
    const dataset = mixedGroups(150, 4, 6, 0.7);
    const copy = structuredClone(dataset.rows);
    const table = readMixedTable(dataset.rows, dataset.specs);
    const numeric = table.numeric.slice();
    const a = kprototypes(table, 4, { seed: 9, starts: 4 });
    const b = kprototypes(table, 4, { seed: 9, starts: 4 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.cost).toBe(b.cost);
    expect(dataset.rows).toEqual(copy);
    expect(table.numeric).toEqual(numeric);
  });

  it('reports progress per start and stops when aborted', () => {
    const table = readMixedTable(mixedGroups(150, 4, 7, 0.6).rows, mixedGroups(1, 4, 7).specs);
    const events: KPrototypesProgress[] = [];
    kprototypes(table, 4, { seed: 1, starts: 3, onProgress: (p) => events.push(p) });
    expect(events.filter((e) => e.finished).map((e) => e.start)).toEqual([0, 1, 2]);
    const controller = new AbortController();
    const run = () =>
      kprototypes(table, 4, { starts: 5, signal: controller.signal, onProgress: (p) => p.start === 1 && controller.abort(new Error('gestopt')) });
    expect(run).toThrow('gestopt');
    expect(() => kprototypes(table, 0)).toThrow(/k must be a whole number/);
  });
});
