// The gap statistic for mixed data: its reference keeps every column's values and breaks their ties, and the gap
// rises up to the planted groups and hardly after; on data without groups it does not rise at all.
import { describe, expect, it } from 'vitest';
import { chooseK } from '../../../../src-main/analysis/clustering/choose-k';
import { gapStatistic, shuffledColumns } from '../../../../src-main/analysis/clustering/gap-statistic';
import { kprototypes } from '../../../../src-main/analysis/clustering/kprototypes';
import { readMixedTable, type MixedRow } from '../../../../src-main/analysis/clustering/mixed-table';
import { SeededRandom } from '../../../../src-main/analysis/clustering/seeded-random';
import { mixedGroups } from './mixed-datasets';

const sorted = (values: readonly unknown[]) => [...values].map(String).sort();

describe('shuffledColumns', () => {
  it('keeps every column as a multiset, breaks the association between columns, and is seeded', () => {
    const { rows } = mixedGroups(300, 3, 5, 1);
    const shuffled = shuffledColumns(rows, 9);
    for (let column = 0; column < 4; column++) expect(sorted(shuffled.map((row) => row[column]))).toEqual(sorted(rows.map((row) => row[column])));
    // In the data the two categories agree on every row (purity 1); shuffled, about a third of the rows.
    const agree = (table: readonly MixedRow[]) => table.filter((row) => row[2] === row[3]).length / table.length;
    expect(agree(rows)).toBe(1);
    expect(agree(shuffled)).toBeLessThan(0.5);
    expect(shuffledColumns(rows, 9)).toEqual(shuffled);
    expect(rows).toEqual(mixedGroups(300, 3, 5, 1).rows);
  });
});

describe('gapStatistic', () => {
  const cost = (rows: readonly MixedRow[], specs: Parameters<typeof readMixedTable>[1], k: number, seed: number) =>
    kprototypes(readMixedTable(rows, specs), k, { seed, starts: 3 }).cost;

  it('rises steeply up to the planted three groups and hardly after', () => {
    const { rows, specs } = mixedGroups(240, 3, 3, 0.9);
    const ks = [1, 2, 3, 4, 5];
    const errors = ks.map((k) => cost(rows, specs, k, 1));
    const gaps = gapStatistic(rows, ks, errors, (reference) => (k, seed) => cost(reference, specs, k, seed), { references: 5, seed: 2 });
    const rise = (k: number) => gaps[k - 1]!.gap - gaps[k - 2]!.gap;
    expect(rise(2)).toBeGreaterThan(0.1);
    expect(rise(3)).toBeGreaterThan(0.1);
    expect(rise(4)).toBeLessThan(rise(3) / 4);
    expect(gaps.every((gap) => gap.se >= 0 && Number.isFinite(gap.se))).toBe(true);
  });

  it('stays near zero on amounts and categories drawn without any groups', () => {
    const random = new SeededRandom(4);
    const rows: MixedRow[] = Array.from({ length: 200 }, () => [random.normal(), random.normal(), `c${random.int(3)}`]);
    const specs = [
      { id: 'a', kind: 'numeric' as const },
      { id: 'b', kind: 'numeric' as const },
      { id: 'c', kind: 'categorical' as const },
    ];
    const ks = [1, 2, 3, 4];
    const errors = ks.map((k) => cost(rows, specs, k, 1));
    const gaps = gapStatistic(rows, ks, errors, (reference) => (k, seed) => cost(reference, specs, k, seed), { references: 8, seed: 3 });
    for (const gap of gaps) expect(Math.abs(gap.gap)).toBeLessThan(0.06);
  });

  it('gives chooseK no gap elbow to vote for on such data', () => {
    const random = new SeededRandom(8);
    const rows: MixedRow[] = Array.from({ length: 150 }, () => [random.normal(), `c${random.int(2)}`, `d${random.int(3)}`]);
    const specs = [
      { id: 'a', kind: 'numeric' as const },
      { id: 'c', kind: 'categorical' as const },
      { id: 'd', kind: 'categorical' as const },
    ];
    const result = chooseK(rows, specs, { algorithm: 'kprototypes', seed: 1, starts: 2, kRange: [2, 5], resamples: 10 });
    expect(result.reason).not.toContain('gap-statistiek');
  });
});
