// Raw cells to published cells: primary rules per kind, derived cells as weak as their sources, the IPC shape.
import { describe, expect, it } from 'vitest';
import { checkCell, deriveCell, magnitudeSummaryStatus } from '../../../src-main/disclosure/cell-check';
import { checkedTableSchema, publishedCellSchema, statusCounts, tableVerdict, type CheckedTable } from '../../../src-main/disclosure/checked-table';
import { magnitudeStatus } from '../../../src-main/disclosure/primary-rules';
import { DEFAULT_RULE_SET as rules, ruleSetDigest } from '../../../src-main/disclosure/rule-set';

describe('checking one raw cell', () => {
  it('publishes a count of at least the threshold and blocks a smaller one without its value', () => {
    expect(checkCell({ kind: 'count', units: 10 }, rules)).toEqual({ status: 'safe', value: 10 });
    expect(checkCell({ kind: 'count', units: 9 }, rules)).toEqual({ status: 'blocked', rule: 'threshold' });
    expect(checkCell({ kind: 'count', units: 0 }, rules)).toEqual({ status: 'review', reason: 'zero', value: 0 });
  });

  it('blocks a share whose numerator or denominator group is small', () => {
    expect(checkCell({ kind: 'share', numerator: 12, denominator: 48 }, rules)).toEqual({ status: 'safe', value: 25 });
    expect(checkCell({ kind: 'share', numerator: 5, denominator: 48 }, rules)).toEqual({ status: 'blocked', rule: 'threshold' });
    expect(checkCell({ kind: 'share', numerator: 9, denominator: 9 }, rules)).toEqual({ status: 'blocked', rule: 'threshold' });
  });

  it('blocks statistics over too few units and never publishes an extreme', () => {
    expect(checkCell({ kind: 'statistic', units: 9, value: 14000 }, rules)).toEqual({ status: 'blocked', rule: 'statistic-threshold' });
    expect(checkCell({ kind: 'statistic', units: 10, value: null }, rules)).toEqual({ status: 'empty' });
    expect(checkCell({ kind: 'extreme' }, rules)).toEqual({ status: 'blocked', rule: 'min-max' });
  });

  it('checks a magnitude from its summary exactly as from all its contributions', () => {
    const cases = [
      [100, 90, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
      [1000, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20],
      [50, 48, 2, 2, 2, 2, 2, 2, 2, 2],
      [30, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16],
      [8, 7, 6],
    ];
    for (const contributions of cases) {
      const sorted = [...contributions].sort((a, b) => b - a);
      const summary = magnitudeSummaryStatus(contributions.length, contributions.reduce((a, b) => a + b, 0), sorted.slice(0, 2), rules);
      expect(summary).toEqual(magnitudeStatus(contributions, rules));
    }
    expect(checkCell({ kind: 'magnitude', units: 11, value: 20, total: 220, largest: [200, 2] }, rules)).toEqual({ status: 'blocked', rule: 'dominance' });
  });
});

describe('derived cells', () => {
  it('are suppressed when a source is, and flagged or rounded as their sources are', () => {
    expect(deriveCell(12.5, [{ status: 'safe', value: 10 }, { status: 'blocked', rule: 'threshold' }])).toEqual({ status: 'secondary' });
    expect(deriveCell(12.5, [{ status: 'safe', value: 10 }, { status: 'secondary' }])).toEqual({ status: 'secondary' });
    expect(deriveCell(0, [{ status: 'review', reason: 'zero', value: 0 }, { status: 'safe', value: 80 }])).toEqual({ status: 'review', reason: 'zero', value: 0 });
    expect(deriveCell(12.5, [{ status: 'rounded', base: 5, value: 10 }, { status: 'rounded', base: 5, value: 80 }])).toEqual({ status: 'rounded', base: 5, value: 12.5 });
    expect(deriveCell(Number.NaN, [{ status: 'safe', value: 1 }])).toEqual({ status: 'empty' });
  });
});

describe('the published table shape', () => {
  const table: CheckedTable = {
    id: 'proef',
    title: 'Proef',
    unit: 'huishoudens',
    population: { id: 'alle', label: 'Alle huishoudens', units: 120 },
    rowHeader: 'Categorie',
    columns: [{ id: 'aantal', label: 'Aantal', format: 'count' }],
    rows: [
      { id: 'a', label: 'A', total: false, cells: [{ status: 'safe', value: 111 }] },
      { id: 'b', label: 'B', total: false, cells: [{ status: 'blocked', rule: 'threshold' }] },
      { id: 'c', label: 'C', total: false, cells: [{ status: 'secondary' }] },
    ],
    protection: 'suppression',
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: [],
  };

  it('refuses a blocked or secondary cell that carries a value', () => {
    expect(publishedCellSchema.safeParse({ status: 'blocked', rule: 'threshold', value: 7 }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'secondary', value: 7 }).success).toBe(false);
    expect(checkedTableSchema.safeParse(table).success).toBe(true);
  });

  it('counts statuses and fails a table with suppressed cells', () => {
    expect(statusCounts(table)).toMatchObject({ safe: 1, blocked: 1, secondary: 1 });
    expect(tableVerdict(table)).toBe('fail');
    const clean = { ...table, rows: [table.rows[0]!] };
    expect(tableVerdict(clean)).toBe('pass');
    expect(tableVerdict({ ...clean, rows: [{ id: 'z', label: 'Z', total: false, cells: [{ status: 'review', reason: 'zero', value: 0 }] }] })).toBe('review');
  });
});
