// Clients against all households for one feature: counts and shares checked, secondary suppression over the
// hidden "other households" column too, verified by the interval attacker on exactly what the table publishes.
import { describe, expect, it } from 'vitest';
import { comparisonTable } from '../../../src-main/analysis/comparison-table';
import { CLIENT_GROUPING, type RawCrossTable } from '../../../src-main/analysis/cross-table';
import { featureById, type CategoricalFeature } from '../../../src-main/analysis/features';
import { ALL_HOUSEHOLDS } from '../../../src-main/analysis/population';
import { checkedTableSchema, hasValue, type CheckedTable } from '../../../src-main/disclosure/checked-table';
import { attackTable } from '../../../src-main/disclosure/interval-attack';
import { DEFAULT_RULE_SET as rules } from '../../../src-main/disclosure/rule-set';
import { twoWayTable } from '../../../src-main/disclosure/table-cells';

const householdType = featureById('household_type') as CategoricalFeature;

function rawTable(counts: number[][]): RawCrossTable {
  return { categories: householdType.categories.slice(0, counts.length).map(({ code, label }) => ({ code, label })), groups: CLIENT_GROUPING.groups.map((g) => ({ ...g })), counts };
}

/** Column positions in the published table: clients count, clients %, all count, all %, difference. */
const CLIENTS = 0;
const ALL = 2;

/**
 * What a reader knows: every published count (clients and all households per category, their totals); the
 * other households' cells are never shown. Returns the attacker's intervals for the truly small cells.
 */
function attackPublished(table: CheckedTable, counts: number[][]) {
  const rows = counts.length;
  const truth = twoWayTable(counts, (value) => (value > 0 && value < rules.threshold ? { status: 'blocked', rule: 'threshold' } : { status: 'safe' }));
  const shown = new Set<number>();
  table.rows.forEach((row, r) => {
    const rowIndex = r === rows ? rows : r;
    if (hasValue(row.cells[CLIENTS]!)) shown.add(rowIndex * 3 + 0);
    if (hasValue(row.cells[ALL]!)) shown.add(rowIndex * 3 + 2);
  });
  const suppressed = truth.cells.map((_, index) => !shown.has(index));
  const small = truth.cells.flatMap((cell, index) => (cell.status.status === 'blocked' ? [index] : []));
  return attackTable(truth, rules.protectionLevel, suppressed, small);
}

describe('the comparison table', () => {
  const counts = [
    [62, 3238],
    [11, 869],
    [4, 159], // clients below the threshold
    [29, 821],
  ];
  const table = comparisonTable(householdType, rawTable(counts), ALL_HOUSEHOLDS, CLIENT_GROUPING, { rules, method: 'suppression', focusGroup: 'klanten' });

  it('publishes safe counts with their shares and the difference in percentage points', () => {
    expect(checkedTableSchema.parse(table)).toEqual(table);
    const single = table.rows[0]!;
    expect(single.label).toBe('Eenpersoonshuishouden');
    expect(single.cells[0]).toEqual({ status: 'safe', value: 62 });
    expect(single.cells[2]).toEqual({ status: 'safe', value: 3300 });
    const clientShare = single.cells[1]!;
    const allShare = single.cells[3]!;
    expect(hasValue(clientShare) && clientShare.value).toBeCloseTo((100 * 62) / 106, 2);
    expect(hasValue(allShare) && allShare.value).toBeCloseTo((100 * 3300) / 5193, 2);
    const difference = single.cells[4]!;
    expect(hasValue(difference) && difference.value).toBeCloseTo((100 * 62) / 106 - (100 * 3300) / 5193, 1);
  });

  it('blocks the small client count, never sends its value, and suppresses enough to protect it', () => {
    const small = table.rows[2]!;
    expect(small.cells[0]).toEqual({ status: 'blocked', rule: 'threshold' });
    expect(small.cells[1]).toEqual({ status: 'secondary' });
    expect(small.cells[4]).toEqual({ status: 'secondary' });
    expect(JSON.stringify(table)).not.toMatch(/"value":4\b/);
    const secondaryCounts = table.rows.filter((row) => row.cells[0]!.status === 'secondary' || row.cells[2]!.status === 'secondary');
    expect(secondaryCounts.length).toBeGreaterThan(0);
    for (const interval of attackPublished(table, counts)) expect(interval.width, interval.id).toBeGreaterThanOrEqual(rules.protectionLevel);
  });

  it('protects every small cell of many tables, against the attacker, including the hidden other households', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 40; round += 1) {
      const rows = 2 + Math.floor(next() * 6);
      const random = Array.from({ length: rows }, () => [Math.floor(next() * (next() < 0.4 ? 10 : 60)), Math.floor(next() * (next() < 0.2 ? 10 : 900))]);
      const checked = comparisonTable(householdType, rawTable(random), ALL_HOUSEHOLDS, CLIENT_GROUPING, { rules, method: 'suppression', focusGroup: 'klanten' });
      for (const interval of attackPublished(checked, random)) expect(interval.width, `${JSON.stringify(random)} ${interval.id}`).toBeGreaterThanOrEqual(rules.protectionLevel);
    }
  });

  it('rounds instead when the analyst picks controlled rounding, and the rounded counts add up', () => {
    const rounded = comparisonTable(householdType, rawTable(counts), ALL_HOUSEHOLDS, CLIENT_GROUPING, { rules, method: 'rounding', focusGroup: 'klanten' });
    const clientCounts = rounded.rows.map((row) => row.cells[0]!);
    for (const cell of clientCounts) {
      expect(cell.status).toBe('rounded');
      expect(hasValue(cell) && cell.value % 10).toBe(0);
    }
    const values = clientCounts.map((cell) => (hasValue(cell) ? cell.value : Number.NaN));
    expect(values.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(values.at(-1));
    expect(rounded.protection).toBe('rounding');
  });

  it('gives adjusted residuals of the published rows, and no chi-square test while a cell is suppressed', () => {
    const residuals = table.rows.map((row) => row.cells[5]!);
    expect(residuals[2]).toEqual({ status: 'secondary' });
    expect(residuals.at(-1)).toEqual({ status: 'empty' });
    expect(table.notes.join(' ')).toMatch(/Geen chi-kwadraattoets/);
    const complete = comparisonTable(householdType, rawTable([[60, 240], [30, 470], [10, 190]]), ALL_HOUSEHOLDS, CLIENT_GROUPING, { rules, method: 'suppression', focusGroup: 'klanten' });
    // By hand: 100 clients of 1000; row 1 expected 30, variance 30 * 0.7 * 0.9 = 18.9, residual (60 - 30) / sqrt(18.9).
    const first = complete.rows[0]!.cells[5]!;
    expect(hasValue(first) && first.value).toBeCloseTo(30 / Math.sqrt(18.9), 2);
    expect(complete.notes.join(' ')).toMatch(/χ² = [\d,]+, vrijheidsgraden 2, p < 0,001/);
  });

  it('marks a category that holds nearly a whole group for review', () => {
    const dominant = comparisonTable(householdType, rawTable([[190, 400], [0, 300], [12, 300]]), ALL_HOUSEHOLDS, CLIENT_GROUPING, { rules, method: 'suppression', focusGroup: 'klanten' });
    expect(dominant.rows[0]!.cells[0]).toEqual({ status: 'review', reason: 'group-disclosure', value: 190 });
    expect(dominant.rows[1]!.cells[0]).toEqual({ status: 'review', reason: 'zero', value: 0 });
  });
});
