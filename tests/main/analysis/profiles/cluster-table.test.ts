// The cluster table, what stands out and the persona cards on a small hand-made clustered table, built by the study's
// buildPublication: modal value and share, "varieert", "80 % of meer", medians, what protection hides, and the
// clusterings that are not published at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Population } from '../../../../src-main/analysis/population';
import { PROFILE_TABLE_NOTES, SIZE_ROW, VARIES_TEXT, type ProfileCell } from '../../../../src-main/analysis/profiles/cluster-table';
import { editPersona, type PersonaCard } from '../../../../src-main/analysis/profiles/persona';
import { checkedTableSchema, publishedCellSchema } from '../../../../src-main/disclosure/checked-table';
import { openLockedSession, type LockedSession } from '../../../../src-main/engine/locked-session';
import { CLIENTS_ID } from '../../../../src-main/publication/population-atoms';
import type { ClusterPublication, StudyPublication } from '../../../../src-main/publication/study-publication';
import { handMadePublication, type HouseholdGroup } from '../../support/hand-made-households';

/**
 * Four clusters of clients and 300 other households (one adult with a job, middle education, an owner-occupied home):
 * 1: 26 of 40 on social assistance (65 %), all renting with allowance, income 14.040;
 * 2: 15 on WW and 15 on disability benefit (a tie), incomes 10.000 and 30.000 (a wide middle half);
 * 3: 12 assistance, 10 WW, 8 disability (no half), an income known for only 9;
 * 4: 25 without benefit and 5 on WW (83 %, 5 others), couples with two young children.
 */
const GROUPS: HouseholdGroup[] = [
  { count: 26, client: true, cluster: 1, benefit_type: '3', income_source: '22', disposable_income: 14_040, tenure: '3' },
  { count: 14, client: true, cluster: 1, benefit_type: '0', disposable_income: 14_040, tenure: '3' },
  { count: 15, client: true, cluster: 2, benefit_type: '1', income_source: '21', disposable_income: 10_000 },
  { count: 15, client: true, cluster: 2, benefit_type: '2', income_source: '24', disposable_income: 30_000 },
  { count: 9, client: true, cluster: 3, benefit_type: '3', income_source: '22', disposable_income: 16_000 },
  { count: 3, client: true, cluster: 3, benefit_type: '3', income_source: '22', disposable_income: null },
  { count: 10, client: true, cluster: 3, benefit_type: '1', income_source: '21', disposable_income: null },
  { count: 8, client: true, cluster: 3, benefit_type: '2', income_source: '24', disposable_income: null },
  { count: 25, client: true, cluster: 4, benefit_type: '0', household_type: '5', size: 4, children: 2, youngest_child_age: 6 },
  { count: 5, client: true, cluster: 4, benefit_type: '1', income_source: '21', household_type: '5', size: 4, children: 2, youngest_child_age: 6 },
  { count: 300, client: false },
];

let session: LockedSession;
let publication: StudyPublication;
let clusters: ClusterPublication;

beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
  publication = await handMadePublication(session, GROUPS, { clustered: true });
  if (!publication.clusters) throw new Error(publication.refusals.join(' '));
  clusters = publication.clusters;
});
afterAll(() => session?.close());

/** The profile cell of a row, by column: clusters 1..4, then all clients (4) and all households (5). */
function cell(rowId: string, column: number): ProfileCell {
  const row = clusters.profile.rows.find((candidate) => candidate.id === rowId);
  if (!row) throw new Error(`No row ${rowId}.`);
  return row.cells[column]!;
}

function figure(rowId: string, column: number) {
  return clusters.table.figures[clusters.table.table.rows.findIndex((row) => row.id === rowId)]![column]!;
}

describe('the cluster table', () => {
  it('has a column per cluster and the two reference columns, a row per profile feature, and passes the strict schema', () => {
    const { table } = clusters.table;
    expect(() => checkedTableSchema.parse(table)).not.toThrow();
    expect(table.id).toBe('clusterprofiel-k4');
    expect(table.columns.map((column) => column.id)).toEqual(['cluster-1', 'cluster-2', 'cluster-3', 'cluster-4', 'alle-klanten', 'alle-huishoudens']);
    expect(table.population).toMatchObject({ id: CLIENTS_ID, units: 130 });
    expect(table.rows.find((row) => row.id === SIZE_ROW)!.cells.map((size) => ('value' in size ? size.value : size.status))).toEqual([
      40, 30, 30, 30, 130, 430,
    ]);
    const formats = Object.fromEntries(table.rows.map((row) => [row.id, row.format]));
    expect(formats).toMatchObject({
      [SIZE_ROW]: 'count',
      'benefit-type': 'percent',
      'disposable-income': 'amount',
      'reference-age-years': 'number',
      size: 'number',
    });
    expect(table.notes.slice(0, 2)).toEqual(PROFILE_TABLE_NOTES);
    expect(clusters.profile.notes).toEqual(table.notes);
  });

  it('shows the modal value with its share, to one decimal, when it holds at least half and 10 or more are not in it', () => {
    const assistance = cell('benefit-type', 0);
    expect(assistance.cell).toEqual({ status: 'safe', value: 65, decimals: 1, format: 'percent', text: 'Bijstand 65,0\u00a0%' });
    expect(assistance).toMatchObject({ modal: { code: '3', label: 'Bijstand', dominant: true }, varies: false });
    expect(figure('benefit-type', 0)).toEqual({
      kind: 'share',
      numerator: { feature: 'benefit_type', codes: ['3'], population: clusters.profile.columns[0]!.population },
      denominator: { feature: 'benefit_type', codes: null, population: clusters.profile.columns[0]!.population },
    });
    // All households: 300 + 14 + 25 of 430 without benefit.
    expect(cell('benefit-type', 5).cell).toMatchObject({ status: 'safe', value: 78.8, text: 'Geen uitkering 78,8\u00a0%' });
  });

  it('says "varieert" for a tie and below half, naming the mode only to the main process', () => {
    for (const column of [1, 2, 4]) {
      const varies = cell('benefit-type', column);
      expect(varies.cell, `column ${column}`).toEqual({ status: 'empty', text: VARIES_TEXT });
      expect(varies.varies).toBe(true);
      expect(varies.modal?.dominant).toBe(false);
      expect(figure('benefit-type', column)).toBeNull();
    }
    expect(cell('benefit-type', 2).modal).toMatchObject({ code: '3', label: 'Bijstand' });
  });

  it('would give only "60 % of meer" where fewer than 10 are not in the modal category, and hides even that when it narrows others', () => {
    // 25 of 30: the exact 83,3 % would say that 5 households are not without benefit; "80 % of meer" (at least 24)
    // that at most 6 are, "70 % of meer" at most 9: the band is the highest that leaves room for 10.
    expect(figure('benefit-type', 3)).toEqual({
      kind: 'shareAtLeast',
      numerator: { feature: 'benefit_type', codes: ['0'], population: clusters.profile.columns[3]!.population },
      denominator: { feature: 'benefit_type', codes: null, population: clusters.profile.columns[3]!.population },
      floor: 60,
    });
    // Together with the comparison (all clients per benefit) and what stands out in cluster 2, even the bound would
    // narrow those 5 households: protection of the whole publication hides it, with one mark and no text.
    expect(publication.ledger.hiddenBecause(figure('benefit-type', 3)!)).toEqual({ kind: 'secondary' });
    expect(cell('benefit-type', 3)).toMatchObject({ cell: { status: 'suppressed' }, modal: { code: '0', dominant: false }, varies: false });
  });

  it('sends "(nearly) everyone in the cluster" to review as group disclosure', () => {
    expect(cell('tenure', 0).cell).toEqual({
      status: 'review',
      reason: 'group-disclosure',
      value: 100,
      decimals: 1,
      format: 'percent',
      text: 'Huur met huurtoeslag 100,0\u00a0%',
    });
    expect(cell('household-composition', 3).cell).toMatchObject({ status: 'review', text: 'Paar 100,0\u00a0%' });
  });

  it('shows an amount by its median rounded to hundreds, "varieert" when the middle half is wide, and nothing over fewer than 10 known values', () => {
    expect(cell('disposable-income', 0)).toMatchObject({ cell: { status: 'safe', value: 14_000, decimals: 0, format: 'amount' }, varies: false });
    expect(cell('disposable-income', 0).cell).toMatchObject({ text: expect.stringMatching(/^€\s14\.000$/) });
    // (Q3 - Q1) = 20.000 > 0,4 x 20.000.
    expect(cell('disposable-income', 1)).toMatchObject({ cell: { status: 'empty', text: VARIES_TEXT }, varies: true });
    expect(cell('disposable-income', 2).cell).toEqual({ status: 'suppressed' });
    expect(publication.ledger.hiddenBecause(figure('disposable-income', 2)!)).toEqual({ kind: 'primary', rule: 'statistic-threshold' });
    expect(cell('reference-age-years', 0).cell).toMatchObject({ value: 40, text: expect.stringMatching(/^40\sjaar$/) });
    expect(cell('size', 3).cell).toMatchObject({ value: 4, text: expect.stringMatching(/^4,0\spersonen$/) });
  });
});

describe('what stands out and the persona cards', () => {
  it('lists the significant traits of a cluster with their published shares, in plain Dutch', () => {
    const first = clusters.standsOut.find((entry) => entry.cluster === 1)!;
    const assistance = first.traits.find((trait) => trait.featureId === 'benefit_type' && trait.code === '3')!;
    expect(assistance).toMatchObject({ direction: 'vaker', inCluster: { status: 'safe', value: 65 }, overall: { status: 'safe', value: 29.2 } });
    expect(assistance.sentence).toBe('Bijstand (type uitkering) komt in dit cluster vaker voor: 65,0\u00a0% tegen 29,2\u00a0% van alle klanten.');
    expect(first.traits.find((trait) => trait.featureId === 'disposable_income')).toMatchObject({ direction: 'minder vaak', code: null });
    expect(first.traits.map((trait) => trait.vTest)).toEqual([...first.traits.map((trait) => trait.vTest)].sort((a, b) => b - a));
  });

  it('leaves out a significant trait whose count in the cluster is below the threshold, and says how many', () => {
    const fourth = clusters.standsOut.find((entry) => entry.cluster === 4)!;
    // No couple with children is single: "alone" is significantly rarer in cluster 4, but its count there is 0.
    expect(fourth.traits.some((trait) => trait.featureId === 'household_composition' && trait.code === 'alleen')).toBe(false);
    expect(fourth.traits.some((trait) => trait.featureId === 'household_composition' && trait.code === 'paar')).toBe(true);
    expect(fourth.table.table.notes.join(' ')).toMatch(/\d+ opvallend\(e\) kenmerk\(en\) niet getoond ter bescherming/);
    for (const trait of fourth.traits)
      expect(trait.figures.inCluster.kind === 'share' ? publication.ledger.rawCount(trait.figures.inCluster.numerator) : 10).toBeGreaterThanOrEqual(10);
  });

  it("gives every cluster a card with a distinct title, and keeps the analyst's edits", () => {
    const cards = clusters.personas;
    expect(cards.map((card) => card.kind)).toEqual(['card', 'card', 'card', 'card']);
    const titles = cards.map((card) => (card.kind === 'card' ? card.title : ''));
    expect(new Set(titles).size).toBe(4);
    const card = cards[0]!;
    if (card.kind !== 'card') throw new Error('expected a card');
    expect(card.title).toBe('Alleenstaande in de bijstand, met huurtoeslag');
    expect(card.count).toMatchObject({ value: 40 });
    expect(card.facts[0]).toMatchObject({ label: 'Type uitkering', text: 'Bijstand 65,0\u00a0%' });
    const edited = editPersona(card, { title: 'De huurders in de bijstand', narrative: 'Zij komen vooral in de winter.' });
    expect(edited).toMatchObject({ title: 'De huurders in de bijstand', narrative: 'Zij komen vooral in de winter.', automaticTitle: card.automaticTitle });
    expect(editPersona(edited, { title: '  ' })).toMatchObject({ title: card.automaticTitle });
    const note: PersonaCard = { kind: 'note', cluster: 5, note: 'Cluster 5 is te klein voor een persona.' };
    expect(() => editPersona(note, { title: 'x' })).toThrow(/no persona card/);
  });
});

describe('clusterings that are not published', () => {
  it('publishes no cluster table, no cards and nothing of a cluster below the minimum, but still the comparison', async () => {
    const withSmall: HouseholdGroup[] = [
      { count: 30, client: true, cluster: 1, benefit_type: '3' },
      { count: 25, client: true, cluster: 2, benefit_type: '1' },
      { count: 6, client: true, cluster: 3, benefit_type: '2' },
      { count: 200, client: false },
    ];
    const refused = await handMadePublication(session, withSmall, { clustered: true });
    expect(refused.clusters).toBeNull();
    expect(refused.refusals).toEqual([
      // Which cluster is small is not said: its size is hidden with another's.
      'De clusters worden niet gepubliceerd: een of meer clusters tellen minder dan 10 huishoudens. Kies een andere k of andere kenmerken.',
    ]);
    expect(refused.comparisons.length).toBeGreaterThan(10);
    expect(JSON.stringify(refused.comparisons.map((published) => published.table))).not.toMatch(/cluster-/);
  });

  it('refuses a clustering of part of the clients that leaves fewer than 10 of them out', async () => {
    // 95 clients without a one-parent household clustered, 5 one-parent clients not: the clustered population and
    // all clients would differ by those 5.
    const population: Population = {
      id: 'zonder-eenouder',
      label: 'Klanten zonder eenouder',
      clientsOnly: true,
      filters: [{ feature: 'household_type', codes: ['1', '2', '3', '4', '5'] }],
    };
    const part: HouseholdGroup[] = [
      { count: 50, client: true, cluster: 1, benefit_type: '3' },
      { count: 45, client: true, cluster: 2, benefit_type: '0' },
      { count: 5, client: true, household_type: '6' },
      { count: 200, client: false },
    ];
    const refused = await handMadePublication(session, part, { clustered: { population, k: 2 } });
    expect(refused.clusters).toBeNull();
    expect(refused.refusals.join(' ')).toContain('Klanthuishoudens en Klanten zonder eenouder verschillen minder dan 10 huishoudens');
    // With 10 left out the same clustering is published, its table over the clustered population.
    const published = await handMadePublication(session, [...part.slice(0, 2), { count: 10, client: true, household_type: '6' }, part[3]!], {
      clustered: { population, k: 2 },
    });
    expect(published.refusals).toEqual([]);
    expect(published.clusters?.table.table.title).toBe('Clusters van klanten zonder eenouder: wat kenmerkt elk cluster');
  });
});

describe('the published cell shape', () => {
  it('lets a shown cell carry a text and its decimals, an empty cell only words, and a hidden cell nothing at all', () => {
    expect(publishedCellSchema.safeParse({ status: 'safe', value: 81.3, decimals: 1, text: 'Bijstand 81,3 %' }).success).toBe(true);
    expect(publishedCellSchema.safeParse({ status: 'rounded', base: 10, value: 80, decimals: 0, text: 'Bijstand 80 %' }).success).toBe(true);
    expect(publishedCellSchema.safeParse({ status: 'empty', text: VARIES_TEXT }).success).toBe(true);
    expect(publishedCellSchema.safeParse({ status: 'safe', value: 81.3 }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'suppressed', text: 'Bijstand' }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'suppressed', value: 81 }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'empty', value: 3 }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'blocked', rule: 'threshold' }).success).toBe(false);
    expect(publishedCellSchema.safeParse({ status: 'safe', value: 1, decimals: 0, text: '' }).success).toBe(false);
  });
});
