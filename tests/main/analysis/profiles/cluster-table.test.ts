// The cluster table's cells on small hand-made counts: modal value and share, "varieert", medians, the disclosure rules.
import { describe, expect, it } from 'vitest';
import type { AmountStatistics, ClusterProfileData } from '../../../../src-main/analysis/profiles/cluster-data';
import { amountCell, categoryCell, clusterProfile, clusterTable, VARIES_TEXT } from '../../../../src-main/analysis/profiles/cluster-table';
import { personaCards, editPersona } from '../../../../src-main/analysis/profiles/persona';
import { HOUSEHOLD_COMPOSITION, profileFeatureById } from '../../../../src-main/analysis/profiles/profile-features';
import { whatStandsOut } from '../../../../src-main/analysis/profiles/what-stands-out';
import { featureById, type AmountFeature, type CategoricalFeature } from '../../../../src-main/analysis/features';
import { CLIENT_HOUSEHOLDS } from '../../../../src-main/analysis/population';
import { checkedTableSchema, publishedCellSchema, tableVerdict } from '../../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET as rules } from '../../../../src-main/disclosure/rule-set';

const benefit = featureById('benefit_type') as CategoricalFeature;
const income = featureById('disposable_income') as AmountFeature;
const categories = benefit.categories.map(({ code, label }) => ({ code, label }));

function statistics(known: number, median: number, quartile1: number, quartile3: number): AmountStatistics {
  return { groupId: 'x', units: known, known, mean: median, variance: 1e6, quartile1, median, quartile3, total: known * median, largest: [median * 1.2, median * 1.1] };
}

describe('a category cell', () => {
  it('shows the modal value with its share when it holds at least half', () => {
    // 21 of 26 on social assistance: 81 %.
    const cell = categoryCell(categories, [2, 3, 0, 21, 0], rules);
    expect(cell.cell).toEqual({ status: 'safe', value: 81, text: 'Bijstand 81 %' });
    expect(cell.modal).toMatchObject({ code: '3', units: 21, dominant: true });
  });

  it('says "varieert" below half, and for a tie', () => {
    expect(categoryCell(categories, [12, 11, 0, 10, 0], rules).cell).toEqual({ status: 'safe', value: 36, text: VARIES_TEXT });
    expect(categoryCell(categories, [15, 15, 0, 0, 0], rules).cell).toMatchObject({ text: VARIES_TEXT });
    expect(categoryCell(categories, [16, 14, 0, 0, 0], rules).cell).toMatchObject({ text: 'Geen uitkering 53 %' });
  });

  it('blocks the cell when the modal count or the cluster is below the threshold, without value or text', () => {
    expect(categoryCell(categories, [9, 0, 0, 0, 0], rules).cell).toEqual({ status: 'blocked', rule: 'threshold' });
    expect(categoryCell(categories, [7, 6, 6, 0, 0], rules).cell).toEqual({ status: 'blocked', rule: 'threshold' });
    expect(categoryCell(categories, [0, 0, 0, 0, 0], rules).cell).toEqual({ status: 'empty' });
  });

  it('sends "(nearly) everyone in the cluster" to review as group disclosure', () => {
    expect(categoryCell(categories, [1, 0, 0, 25, 0], rules).cell).toEqual({ status: 'review', reason: 'group-disclosure', value: 96, text: 'Bijstand 96 %' });
  });
});

describe('an amount cell', () => {
  it('shows the median rounded to hundreds, or "varieert" when the middle half is wide', () => {
    expect(amountCell(income, statistics(26, 14_040, 13_200, 15_000), rules)).toMatchObject({ cell: { status: 'safe', value: 14_000, text: 'EUR 14.000' }, varies: false });
    // (Q3 - Q1) = 9.000 > 0,4 x 19.000.
    expect(amountCell(income, statistics(30, 19_000, 14_000, 23_000), rules)).toMatchObject({ cell: { text: VARIES_TEXT }, varies: true });
  });

  it('blocks a median over fewer than 10 known values', () => {
    expect(amountCell(income, statistics(9, 14_000, 13_000, 15_000), rules).cell).toEqual({ status: 'blocked', rule: 'statistic-threshold' });
  });
});

describe('the published cell shape', () => {
  it('lets a shown cell carry a text and refuses one on a blocked, secondary or empty cell', () => {
    expect(publishedCellSchema.safeParse({ status: 'safe', value: 81, text: 'Bijstand 81 %' }).success).toBe(true);
    expect(publishedCellSchema.safeParse({ status: 'rounded', base: 10, value: 80, text: 'Bijstand 80 %' }).success).toBe(true);
    expect(publishedCellSchema.safeParse({ status: 'blocked', rule: 'threshold', text: 'Bijstand' }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'blocked', rule: 'threshold', value: 81 }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'secondary', text: 'varieert' }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'empty', text: 'varieert' }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'safe', value: 1, text: '' }).success).toBe(false);
  });
});

/** Three clusters of 30, 25 and 6 households on two features: the last is below the cluster minimum. */
function smallWorld(): ClusterProfileData {
  const composition = HOUSEHOLD_COMPOSITION.categories.map(({ code, label }) => ({ code, label }));
  return {
    run: { runId: 'test', k: 3, population: CLIENT_HOUSEHOLDS },
    clusters: [
      { cluster: 1, units: 30 },
      { cluster: 2, units: 25 },
      { cluster: 3, units: 6 },
    ],
    allUnits: 5000,
    rows: [
      { kind: 'category', feature: benefit, categories, clusterCounts: [[25, 2, 0, 3, 0], [2, 1, 2, 20, 0], [1, 1, 1, 3, 0]], allCounts: [3000, 500, 500, 800, 200] },
      { kind: 'category', feature: HOUSEHOLD_COMPOSITION, categories: composition, clusterCounts: [[2, 28, 0, 0], [20, 0, 5, 0], [3, 3, 0, 0]], allCounts: [1800, 2500, 500, 200] },
      {
        kind: 'amount',
        feature: profileFeatureById('disposable_income') as AmountFeature,
        clusterStatistics: [statistics(30, 22_000, 20_500, 23_400), statistics(25, 14_000, 13_100, 14_900), statistics(6, 16_000, 15_000, 17_000)],
        clientStatistics: statistics(61, 17_000, 14_000, 22_000),
        allStatistics: statistics(5000, 30_000, 20_000, 42_000),
      },
    ],
  };
}

describe('the cluster table', () => {
  it('gives a cluster below the minimum no values and no N, and protects the N of another so it cannot be recomputed', () => {
    const data = smallWorld();
    const table = clusterTable(data, rules);
    expect(() => checkedTableSchema.parse(table)).not.toThrow();
    expect(table.columns.map((column) => column.label)).toEqual(['Cluster 1 (N = 30)', 'Cluster 2 (N onderdrukt)', 'Cluster 3 (N < 10)', 'Alle klanten (N = 61)', 'Alle huishoudens (N = 5.000)']);
    for (const row of table.rows) {
      expect(row.cells[1]).toEqual({ status: 'empty' });
      expect(row.cells[2]).toEqual({ status: 'empty' });
    }
    expect(table.rows.map((row) => [row.id, row.format, 'text' in row.cells[0]! ? row.cells[0].text : null])).toEqual([
      ['benefit-type', 'percent', 'Geen uitkering 83 %'],
      ['household-composition', 'percent', 'Paar 93 %'],
      ['disposable-income', 'amount', 'EUR 22.000'],
    ]);
    expect(table.notes.join(' ')).toMatch(/Cluster 3 heeft minder dan 10 huishoudens/);
    expect(table.notes.join(' ')).toMatch(/Cluster 2: het aantal huishoudens is onderdrukt/);
    // All clients' modal values are those of the one shown cluster: subtracting would give the hidden clusters' counts.
    expect(table.rows.map((row) => row.cells[3]!.status)).toEqual(['secondary', 'secondary', 'safe']);
    expect(tableVerdict(table)).toBe('fail');
  });

  it('gives a small cluster a note instead of a persona, and keeps the analyst\'s edits', () => {
    const data = smallWorld();
    const profile = clusterProfile(data, rules);
    const standOut = whatStandsOut(data, profile.columns, rules);
    expect(standOut.map((entry) => entry.cluster)).toEqual([1]);
    const cards = personaCards(profile, standOut, rules);
    expect(cards.map((card) => card.kind)).toEqual(['card', 'note', 'note']);
    const card = cards[0]!;
    if (card.kind !== 'card') throw new Error('expected a card');
    expect(card.title).toBe('Stel zonder uitkering');
    expect(card.narrative).toBe('');
    const edited = editPersona(card, { title: 'De werkende stellen', narrative: 'Zij komen vooral in de winter.' });
    expect(edited).toMatchObject({ title: 'De werkende stellen', narrative: 'Zij komen vooral in de winter.', automaticTitle: 'Stel zonder uitkering' });
    expect(editPersona(edited, { title: '  ' })).toMatchObject({ title: 'Stel zonder uitkering' });
    expect(() => editPersona(cards[1]!, { title: 'x' })).toThrow(/no persona card/);
  });
});

describe('differencing with a hidden cluster', () => {
  it('withholds from what stands out a trait whose counts all shown clusters give, when a cluster is hidden', () => {
    const data = smallWorld();
    const profile = clusterProfile(data, rules);
    // Only cluster 1 is shown: every trait of it would be given for all shown clusters, so nothing may be listed.
    const standOut = whatStandsOut(data, profile.columns, rules);
    expect(standOut.map((entry) => entry.cluster)).toEqual([1]);
    expect(standOut[0]!.traits).toEqual([]);
    expect(standOut[0]!.notes.join(' ')).toMatch(/zouden ze een te klein cluster verraden/);
  });
});
