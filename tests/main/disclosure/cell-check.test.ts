// Raw cells checked on their own (outputs outside the study's ledger), and the published cell shape at the IPC gate.
import { describe, expect, it } from 'vitest';
import { checkCell, magnitudeSummaryStatus } from '../../../src-main/disclosure/cell-check';
import { checkedTableSchema, publishedCellSchema, statusCounts, tableVerdict, type CheckedTable } from '../../../src-main/disclosure/checked-table';
import { magnitudeStatus } from '../../../src-main/disclosure/primary-rules';
import { DEFAULT_RULE_SET as rules, ruleSetDigest } from '../../../src-main/disclosure/rule-set';

describe('checking one raw cell', () => {
  it('publishes a count of at least the threshold and blocks a smaller one without its value', () => {
    expect(checkCell({ kind: 'count', units: 10 }, rules)).toEqual({ status: 'safe', value: 10, decimals: 0 });
    expect(checkCell({ kind: 'count', units: 9 }, rules)).toEqual({ status: 'suppressed' });
    expect(checkCell({ kind: 'count', units: 0 }, rules)).toEqual({ status: 'review', reason: 'zero', value: 0, decimals: 0 });
  });

  it('blocks a share whose numerator or denominator group is small', () => {
    expect(checkCell({ kind: 'share', numerator: 12, denominator: 48 }, rules)).toEqual({ status: 'safe', value: 25, decimals: 0 });
    expect(checkCell({ kind: 'share', numerator: 5, denominator: 48 }, rules)).toEqual({ status: 'suppressed' });
    expect(checkCell({ kind: 'share', numerator: 9, denominator: 9 }, rules)).toEqual({ status: 'suppressed' });
  });

  it('blocks statistics over too few units and never publishes an extreme', () => {
    expect(checkCell({ kind: 'statistic', units: 9, value: 14000 }, rules)).toEqual({ status: 'suppressed' });
    expect(checkCell({ kind: 'statistic', units: 10, value: null }, rules)).toEqual({ status: 'empty' });
    expect(checkCell({ kind: 'extreme' }, rules)).toEqual({ status: 'suppressed' });
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
      const summary = magnitudeSummaryStatus(
        contributions.length,
        contributions.reduce((a, b) => a + b, 0),
        sorted.slice(0, 2),
        rules,
      );
      expect(summary).toEqual(magnitudeStatus(contributions, rules));
    }
    expect(checkCell({ kind: 'magnitude', units: 11, value: 20, total: 220, largest: [200, 2] }, rules)).toEqual({ status: 'suppressed' });
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
      { id: 'a', label: 'A', total: false, cells: [{ status: 'safe', value: 111, decimals: 0 }] },
      { id: 'b', label: 'B', total: false, cells: [{ status: 'suppressed' }] },
      { id: 'c', label: 'C', total: false, cells: [{ status: 'suppressed' }] },
    ],
    protection: 'suppression',
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: [],
  };

  it('refuses a hidden cell that carries a value or a reason, and the old statuses that told small hidden cells apart', () => {
    expect(publishedCellSchema.safeParse({ status: 'suppressed', value: 7 }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'suppressed', rule: 'threshold' }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'blocked', rule: 'threshold' }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'secondary' }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'safe', value: 7 }).success).toBe(false);
    expect(checkedTableSchema.safeParse(table).success).toBe(true);
  });

  it('counts statuses; a table with hidden or flagged cells goes to review', () => {
    expect(statusCounts(table)).toMatchObject({ safe: 1, suppressed: 2 });
    expect(tableVerdict(table)).toBe('review');
    const clean = { ...table, rows: [table.rows[0]!] };
    expect(tableVerdict(clean)).toBe('pass');
    expect(
      tableVerdict({ ...clean, rows: [{ id: 'z', label: 'Z', total: false, cells: [{ status: 'review', reason: 'zero', value: 0, decimals: 0 }] }] }),
    ).toBe('review');
  });
});
