// Clients against all households for one feature, on hand-made counts in a real DuckDB table: the comparison draft's
// figures registered in the publication ledger, protected, and built into the checked table. Counts and shares, the
// hidden cells verified by an independent attacker on exactly what the table prints (the other households' cells,
// never printed, included), rounding, residuals and the chi-square note, and the cells an output checker reviews.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonTableId, draftComparison } from '../../../src-main/analysis/comparison-table';
import { featureById, type CategoricalFeature } from '../../../src-main/analysis/features';
import { checkedTableSchema, hasValue, type CheckedTable } from '../../../src-main/disclosure/checked-table';
import type { ProtectionMethod } from '../../../src-main/disclosure/disclosure-shapes';
import { feasibleIntervals } from '../../../src-main/disclosure/interval-attack';
import { DEFAULT_RULE_SET as rules } from '../../../src-main/disclosure/rule-set';
import { twoWayTable } from '../../../src-main/disclosure/table-cells';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';
import { PublicationLedger } from '../../../src-main/publication/ledger';
import { ALL_ID, CLIENTS_ID, populationModel } from '../../../src-main/publication/population-atoms';
import { loadPublicationData } from '../../../src-main/publication/publication-data';
import { publishedFeature, RESIDUAL_CODE } from '../../../src-main/publication/published-feature';
import { createAnalysisTable, type HouseholdGroup } from '../support/hand-made-households';

const householdType = publishedFeature(featureById('household_type') as CategoricalFeature, undefined);
/** The published categories: 1..6, then "Overig of onbekend" (7, 8 and unknown). */
const CODES = householdType.categories.map((category) => category.code);
/** Column positions in the published table. */
const CLIENT_COUNT = 0;
const CLIENT_SHARE = 1;
const ALL_COUNT = 2;
const ALL_SHARE = 3;
const DIFFERENCE = 4;
const RESIDUAL = 5;

let session: LockedSession;
beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
});
afterAll(() => session?.close());

/** [clients, other households] per published category, in CODES order (missing rows are empty). */
type Counts = readonly (readonly [number, number])[];

function full(counts: Counts): [number, number][] {
  return CODES.map((_, index) => [counts[index]?.[0] ?? 0, counts[index]?.[1] ?? 0]);
}

async function comparison(
  counts: Counts,
  method: ProtectionMethod = 'suppression',
  extra: HouseholdGroup[] = [],
): Promise<{ table: CheckedTable; ledger: PublicationLedger }> {
  const groups: HouseholdGroup[] = full(counts).flatMap(([clients, others], index) => {
    // The rest row holds code 7 for clients and no code at all for the others: both are "Overig of onbekend".
    const code = CODES[index] === RESIDUAL_CODE ? null : CODES[index]!;
    return [
      { count: clients, client: true, household_type: code ?? '7' },
      { count: others, client: false, household_type: code },
    ];
  });
  await createAnalysisTable(session, [...groups, ...extra]);
  const data = await loadPublicationData(session, [householdType], [], populationModel(null));
  const ledger = new PublicationLedger({ rules, method, data, features: [householdType], amounts: [], records: [] });
  const draft = draftComparison(ledger, householdType.id);
  ledger.protect();
  return { table: draft.build().table, ledger };
}

const value = (table: CheckedTable, row: number, column: number): number | undefined => {
  const cell = table.rows[row]!.cells[column]!;
  return hasValue(cell) ? cell.value : undefined;
};

/**
 * The attacker who reads the table: the printed client and all-household counts and their totals (shares,
 * differences and residuals are printed only where those counts are), every cell at least zero, rows and columns
 * adding up. Returns what each small cell can be narrowed to; the other households' cells are never printed.
 */
function attackPublished(table: CheckedTable, counts: Counts) {
  const values = full(counts);
  const truth = twoWayTable(values, () => ({ status: 'safe' }));
  const rows = values.length;
  const shown = new Set<number>();
  table.rows.forEach((row, r) => {
    if (hasValue(row.cells[CLIENT_COUNT]!)) shown.add(r * 3);
    if (hasValue(row.cells[ALL_COUNT]!)) shown.add(r * 3 + 2);
  });
  expect(table.rows).toHaveLength(rows + 1);
  const suppressed = truth.cells.map((_, index) => !shown.has(index));
  const clientTotal = truth.cells[rows * 3]!.value;
  const small = (units: number) => units > 0 && units < rules.threshold;
  const targets = truth.cells.flatMap((cell, index) => {
    const printed = index % 3 !== 1;
    const whole = index % 3 === 0 ? clientTotal : truth.cells[rows * 3 + 2]!.value;
    const complementSmall = printed && index < rows * 3 && small(whole - cell.value);
    return small(cell.value) || complementSmall ? [{ index, printed, complementSmall }] : [];
  });
  for (const target of targets) if (target.printed) expect(suppressed[target.index], `${truth.cells[target.index]!.id} is small and printed`).toBe(true);
  const hiddenTargets = targets.filter((target) => suppressed[target.index]);
  const intervals = feasibleIntervals(
    truth,
    suppressed,
    hiddenTargets.map((target) => target.index),
  );
  return hiddenTargets.map((target, index) => ({ ...target, id: truth.cells[target.index]!.id, ...intervals[index]! }));
}

/**
 * A small count printed in the table must keep an interval of the protection level; a cell never printed (or the rest of
 * a printed count) may also be bounded, but not pinned above zero.
 */
function expectProtected(table: CheckedTable, counts: Counts): void {
  for (const attacked of attackPublished(table, counts)) {
    const width = attacked.upper - attacked.lower;
    const where = `${JSON.stringify(counts)}: ${attacked.id} in [${attacked.lower}, ${attacked.upper}]`;
    if (attacked.printed && !attacked.complementSmall) expect(width, where).toBeGreaterThanOrEqual(rules.protectionLevel);
    else expect(width >= rules.protectionLevel || attacked.lower === 0, where).toBe(true);
  }
}

describe('the comparison table', () => {
  const counts: Counts = [
    [62, 3238],
    [11, 869],
    [4, 159], // clients below the threshold
    [29, 821],
  ];

  it('publishes safe counts with their shares and the difference in percentage points, rounded where they are made', async () => {
    const { table } = await comparison(counts);
    expect(checkedTableSchema.parse(table)).toEqual(table);
    expect(table.id).toBe(comparisonTableId('household_type'));
    expect(table.population).toEqual({ id: ALL_ID, label: 'Alle huishoudens', units: 5193 });
    expect(table.rows.map((row) => row.label)).toEqual([...householdType.categories.map((category) => category.label), 'Totaal']);
    expect(table.rows[0]!.label).toBe('Eenpersoonshuishouden');
    expect(table.rows[0]!.cells[ALL_COUNT]).toEqual({ status: 'safe', value: 3300, decimals: 0, format: 'count' });
    const couples = table.rows[3]!;
    expect(couples.label).toBe('Ongehuwd paar met kinderen');
    expect(couples.cells[CLIENT_COUNT]).toEqual({ status: 'safe', value: 29, decimals: 0, format: 'count' });
    expect(couples.cells[ALL_COUNT]).toEqual({ status: 'safe', value: 850, decimals: 0, format: 'count' });
    // 29 / 106 = 27,36 % and 850 / 5193 = 16,37 %: one decimal, and the difference of the two published shares.
    expect(couples.cells[CLIENT_SHARE]).toEqual({ status: 'safe', value: 27.4, decimals: 1, format: 'percent' });
    expect(couples.cells[ALL_SHARE]).toEqual({ status: 'safe', value: 16.4, decimals: 1, format: 'percent' });
    expect(couples.cells[DIFFERENCE]).toEqual({ status: 'safe', value: 11, decimals: 1, format: 'percentagePoints' });
    const total = table.rows.at(-1)!;
    expect(total.total).toBe(true);
    expect(total.cells.map((cell) => (hasValue(cell) ? cell.value : cell.status))).toEqual([106, 100, 5193, 100, 'empty', 'empty']);
  });

  it('hides the small client count with one mark, never sends its value, and hides enough else to protect it', async () => {
    const { table, ledger } = await comparison(counts);
    const small = table.rows[2]!;
    for (const column of [CLIENT_COUNT, CLIENT_SHARE, DIFFERENCE, RESIDUAL]) expect(small.cells[column]).toEqual({ status: 'suppressed' });
    // The other households' count of that row is large and stays.
    expect(value(table, 2, ALL_COUNT)).toBe(163);
    expect(JSON.stringify(table)).not.toMatch(/"value":4\b/);
    const cell = { feature: householdType.id, codes: ['3'], population: CLIENTS_ID };
    expect(ledger.hiddenBecause({ kind: 'count', cell })).toEqual({ kind: 'primary', rule: 'threshold' });
    expect(ledger.hiddenBecause({ kind: 'share', numerator: cell, denominator: { ...cell, codes: null } })).toEqual({ kind: 'derived' });
    const secondary = CODES.filter((code) => ledger.hiddenBecause({ kind: 'count', cell: { ...cell, codes: [code] } })?.kind === 'secondary');
    expect(secondary.length).toBeGreaterThan(0);
    expect(table.notes.join(' ')).toMatch(/cellen zijn niet getoond \(x\)/);
    expectProtected(table, counts);
  });

  it('protects every small cell of many tables against the attacker, the never printed other households included', async () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let hidden = 0;
    for (let round = 0; round < 40; round += 1) {
      const random: Counts = CODES.map(() => [Math.floor(next() * (next() < 0.4 ? 10 : 60)), Math.floor(next() * (next() < 0.2 ? 10 : 900))] as const);
      const { table } = await comparison(random);
      hidden += table.rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.status === 'suppressed').length, 0);
      expectProtected(table, random);
    }
    // The rounds must have had something to protect.
    expect(hidden).toBeGreaterThan(30);
  });

  it('rounds every printed count to the base under the rounding method, and computes shares from the rounded counts', async () => {
    const { table } = await comparison(counts, 'rounding');
    expect(table.protection).toBe('rounding');
    const total = value(table, CODES.length, CLIENT_COUNT)!;
    expect(total).toBe(110);
    table.rows.forEach((row, index) => {
      for (const column of [CLIENT_COUNT, ALL_COUNT]) {
        const cell = row.cells[column]!;
        if (!hasValue(cell)) continue;
        expect(cell.value % rules.roundingBase, `${row.label} ${column}`).toBe(0);
        if (cell.value > 0) expect(cell).toMatchObject({ status: 'rounded', base: rules.roundingBase });
      }
      const count = value(table, index, CLIENT_COUNT);
      const share = value(table, index, CLIENT_SHARE);
      if (count !== undefined && share !== undefined) expect(share).toBeCloseTo(Math.round((1000 * count) / total) / 10, 10);
    });
    // 29 and 11 go to 30 and 10, 159 + 4 to 160.
    expect(value(table, 3, CLIENT_COUNT)).toBe(30);
    expect(value(table, 1, CLIENT_COUNT)).toBe(10);
    expect(value(table, 2, ALL_COUNT)).toBe(160);
  });

  it('gives adjusted residuals of the published rows and the chi-square test in a note, but none while a cell is hidden', async () => {
    const { table } = await comparison(counts);
    expect(table.rows.at(-1)!.cells[RESIDUAL]).toEqual({ status: 'empty' });
    expect(table.notes.join(' ')).toMatch(/Geen chi-kwadraattoets/);
    const complete = await comparison([
      [60, 240],
      [30, 470],
      [10, 190],
    ]);
    // By hand: 100 clients of 1000; row 1 expected 30, variance 30 x 0,7 x 0,9 = 18,9, residual (60 - 30) / sqrt(18,9) = 6,90.
    expect(complete.table.rows[0]!.cells[RESIDUAL]).toEqual({ status: 'safe', value: 6.9, decimals: 1, format: 'residual' });
    // χ² = 30 + 8 + 5 + 3,33 + 0,89 + 0,56 = 47,8 over the three filled rows.
    expect(complete.table.notes.join(' ')).toContain('χ² = 47,8, vrijheidsgraden ten hoogste 6, p < 0,001');
  });

  it('marks a category that holds nearly a whole group, and a zero of a real category, for review', async () => {
    const { table } = await comparison([
      [190, 400],
      [0, 300],
      [12, 300],
    ]);
    expect(table.rows[0]!.cells[CLIENT_COUNT]).toEqual({ status: 'review', reason: 'group-disclosure', value: 190, decimals: 0, format: 'count' });
    expect(table.rows[0]!.cells[CLIENT_SHARE]).toMatchObject({ status: 'review', reason: 'group-disclosure', value: 94.1 });
    expect(table.rows[1]!.cells[CLIENT_COUNT]).toEqual({ status: 'review', reason: 'zero', value: 0, decimals: 0, format: 'count' });
    // Nobody with an unknown or other type says nothing about anyone: the empty rest row is not a checker's concern.
    expect(table.rows[CODES.length - 1]!.cells[CLIENT_COUNT]).toEqual({ status: 'safe', value: 0, decimals: 0, format: 'count' });
  });

  it('counts types 7 and 8, no type and a code outside the label list in "Overig of onbekend", and says so', async () => {
    const { table } = await comparison(counts, 'suppression', [
      { count: 30, client: false, household_type: '8' },
      { count: 20, client: false, household_type: '9' },
    ]);
    const rest = table.rows[CODES.length - 1]!;
    expect(rest.label).toBe('Overig of onbekend');
    expect(value(table, CODES.length - 1, ALL_COUNT)).toBe(50);
    expect(table.notes).toContain(
      'Type huishouden: Overig huishouden, Institutioneel huishouden en onbekend samengenomen als ' +
        '"Overig of onbekend"; code 9 staat niet in de labellijst en is meegeteld bij "Overig of onbekend".',
    );
  });
});
