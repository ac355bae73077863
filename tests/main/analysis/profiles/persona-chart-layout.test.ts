// A persona card's chart (bars from what stands out, every figure published) and the profile layout and persona
// edits a study file records.
import { describe, expect, it } from 'vitest';
import { editPersona, MAX_CHART_BARS, personaCardSchema, personaChart, type PersonaCard } from '../../../../src-main/analysis/profiles/persona';
import { applyPersonaEdits, applyRowLayout, unusedPersonaEdits } from '../../../../src-main/analysis/profiles/profile-layout';
import type { StandOutTrait } from '../../../../src-main/analysis/profiles/what-stands-out';
import type { CheckedTable, PublishedCell } from '../../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET as rules, ruleSetDigest } from '../../../../src-main/disclosure/rule-set';
import { CLIENTS_ID } from '../../../../src-main/publication/population-atoms';

const share = (value: number, status: 'safe' | 'review' = 'safe'): PublishedCell =>
  status === 'review'
    ? { status: 'review', reason: 'group-disclosure', value, decimals: 1, format: 'percent' }
    : { status: 'safe', value, decimals: 1, format: 'percent' };

/** A trait as resolveStandsOut publishes it: its two shares (or means) are cells of the ledger. */
function trait(featureId: string, code: string | null, label: string, vTest: number, inCluster: PublishedCell, overall: PublishedCell): StandOutTrait {
  const cell = (population: string) => ({ feature: featureId, codes: code === null ? null : [code], population });
  const figure = (population: string) =>
    code === null
      ? { kind: 'amount' as const, feature: featureId, statistic: 'mean' as const, population }
      : { kind: 'share' as const, numerator: cell(population), denominator: { ...cell(population), codes: null } };
  return {
    featureId,
    featureLabel: featureId === 'benefit_type' ? 'Type uitkering' : featureId.replaceAll('_', ' '),
    code,
    label,
    direction: vTest > 0 ? 'vaker' : 'minder vaak',
    inCluster,
    overall,
    vTest,
    review: inCluster.status === 'review',
    sentence: `${label} komt in dit cluster ${vTest > 0 ? 'vaker' : 'minder vaak'} voor.`,
    figures: { inCluster: figure('cluster-f1234567-1'), overall: figure(CLIENTS_ID) },
  };
}

const TRAITS: StandOutTrait[] = [
  trait('benefit_type', '3', 'Bijstand', 6.1, share(81.3), share(30.2)),
  trait('household_composition', 'eenouder', 'Eenouderhuishouden', 5.2, share(69.2), share(15.2)),
  // The same household seen through the detailed type: no second bar for it.
  trait('household_type', '6', 'Eenouderhuishouden', 5.0, share(69.2), share(15.2)),
  trait(
    'disposable_income',
    null,
    'Besteedbaar inkomen',
    4.0,
    { status: 'safe', value: 14_000, decimals: 0, format: 'amount' },
    { status: 'safe', value: 17_000, decimals: 0, format: 'amount' },
  ),
  trait('has_children', 'ja', 'Met kinderen', 3.9, share(100, 'review'), share(49.2)),
  trait('youngest_child', 'onder-10', 'Jonger dan 10 jaar', 3.5, share(88.5), share(27.2)),
  trait('care', 'jeugd', 'Jeugdzorg', 3.1, share(69.2), share(18.3)),
  trait('tenure', '3', 'Huur met huurtoeslag', 2.5, share(96.2, 'review'), share(68.1)),
  trait('education_level', 'low', 'Laag', 2.2, share(71.0), share(46.1)),
  trait('migration_background', 'nee', 'Nee', -2.4, share(20.0), share(45.0)),
  trait('tenure', '1', 'Koopwoning', -3.0, share(12.0), share(30.0)),
];

describe('the persona chart', () => {
  it('takes categories only, one per feature group, the most over-represented first, at most six bars', () => {
    const bars = personaChart(TRAITS);
    expect(bars.map((bar) => bar.label)).toEqual(['Bijstand', 'Eenouderhuishouden', 'Met kinderen', 'Jeugdzorg', 'Huur met huurtoeslag', 'Laag']);
    expect(bars).toHaveLength(MAX_CHART_BARS);
    expect(bars[0]).toEqual({ feature: 'Type uitkering', label: 'Bijstand', inCluster: share(81.3), overall: share(30.2) });
    // The first of the two features of a group wins: household composition, not the detailed type.
    expect(bars[1]!.feature).toBe('household composition');
  });

  it("draws every bar from the trait's own published cells: a cell flagged for review stays flagged, nothing is recomputed", () => {
    const bars = personaChart(TRAITS);
    for (const bar of bars) {
      const source = TRAITS.find((candidate) => candidate.label === bar.label && candidate.featureLabel === bar.feature)!;
      expect(bar.inCluster).toBe(source.inCluster);
      expect(bar.overall).toBe(source.overall);
    }
    expect(bars.find((bar) => bar.label === 'Met kinderen')).toMatchObject({
      inCluster: { status: 'review', reason: 'group-disclosure' },
      overall: { status: 'safe' },
    });
  });

  it('fills up with the most under-represented categories when few stand out above, and may stay short', () => {
    const few = [TRAITS[0]!, TRAITS[9]!, TRAITS[10]!];
    expect(personaChart(few).map((bar) => bar.label)).toEqual(['Bijstand', 'Koopwoning', 'Nee']);
    expect(personaChart([TRAITS[3]!])).toEqual([]);
    expect(personaChart([])).toEqual([]);
  });

  it('is part of the card shape, which refuses a bar whose hidden cell carries a value, or too many bars', () => {
    const card: PersonaCard = {
      kind: 'card',
      cluster: 1,
      count: { status: 'safe', value: 26, decimals: 0, format: 'count' },
      automaticTitle: 'Eenouderhuishouden in de bijstand',
      title: 'Eenouderhuishouden in de bijstand',
      narrative: '',
      facts: [],
      standsOut: [],
      chart: personaChart(TRAITS),
    };
    expect(personaCardSchema.safeParse(card).success).toBe(true);
    const leaking = { ...card, chart: [{ ...card.chart[0]!, inCluster: { status: 'suppressed', value: 7 } }] };
    expect(personaCardSchema.safeParse(leaking).success).toBe(false);
    const undecided = { ...card, chart: [{ ...card.chart[0]!, inCluster: { status: 'safe', value: 7 } }] };
    expect(personaCardSchema.safeParse(undecided).success).toBe(false);
    expect(personaCardSchema.safeParse({ ...card, chart: [...card.chart, card.chart[0]] }).success).toBe(false);
  });
});

function profileTable(): CheckedTable {
  const row = (id: string, value: number) => ({
    id,
    label: id,
    total: false,
    format: 'percent' as const,
    cells: [{ status: 'safe' as const, value, decimals: 1 }, { status: 'suppressed' as const }],
  });
  return {
    id: 'clusterprofiel-k2',
    title: 'Clusters',
    unit: 'huishoudens',
    population: { id: 'klanthuishoudens', label: 'Klanthuishoudens', units: 60 },
    rowHeader: 'Kenmerk',
    columns: [
      { id: 'cluster-1', label: 'Cluster 1', format: 'percent' },
      { id: 'cluster-2', label: 'Cluster 2', format: 'percent' },
    ],
    rows: [row('benefit-type', 81), row('disposable-income', 14_000), row('tenure', 60), row('care', 55)],
    protection: 'suppression',
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: ['Een noot.'],
  };
}

describe('applyRowLayout', () => {
  it('puts the named rows first in the given order, keeps the rest in order, and ignores unknown or repeated ids', () => {
    const table = applyRowLayout(profileTable(), { rowOrder: ['care', 'onbekend', 'tenure', 'care'] });
    expect(table.rows.map((row) => row.id)).toEqual(['care', 'tenure', 'benefit-type', 'disposable-income']);
    expect(table.notes).toEqual(['Een noot.']);
  });

  it('only removes hidden rows: every other row keeps its cells, a hidden cell stays hidden, and a note says so', () => {
    const original = profileTable();
    const table = applyRowLayout(original, { rowOrder: ['tenure'], hiddenRows: ['benefit-type', 'onbekend'] });
    expect(table.rows.map((row) => row.id)).toEqual(['tenure', 'disposable-income', 'care']);
    for (const row of table.rows) expect(row).toEqual(original.rows.find((candidate) => candidate.id === row.id));
    expect(table.notes).toEqual(['Een noot.', '1 rij niet getoond op verzoek van de analist.']);
    expect(original.rows).toHaveLength(4);
    expect(applyRowLayout(original, {})).toEqual(original);
  });
});

describe('applyPersonaEdits', () => {
  const cards: PersonaCard[] = [
    {
      kind: 'card',
      cluster: 1,
      count: { status: 'safe', value: 30, decimals: 0 },
      automaticTitle: 'Stel zonder uitkering',
      title: 'Stel zonder uitkering',
      narrative: '',
      facts: [],
      standsOut: [],
      chart: [],
    },
    { kind: 'note', cluster: 2, note: 'Cluster 2 is te klein voor een persona.' },
  ];

  it('applies titles and narratives by cluster, the last edit of a cluster winning, through editPersona', () => {
    const edited = applyPersonaEdits(cards, [
      { cluster: 1, title: 'De werkende stellen' },
      { cluster: 1, narrative: 'Zij komen vooral in de winter.' },
    ]);
    expect(edited[0]).toEqual(editPersona(editPersona(cards[0]!, { title: 'De werkende stellen' }), { narrative: 'Zij komen vooral in de winter.' }));
    expect(edited[0]).toMatchObject({ title: 'De werkende stellen', narrative: 'Zij komen vooral in de winter.', automaticTitle: 'Stel zonder uitkering' });
    expect(edited[1]).toBe(cards[1]);
    expect(applyPersonaEdits(cards, undefined)).toEqual(cards);
  });

  it('ignores an edit for a cluster without a card, and names it for the analyst', () => {
    const edits = [
      { cluster: 2, title: 'Te klein' },
      { cluster: 9, narrative: 'Weg.' },
      { cluster: 1, title: 'Stel' },
    ];
    expect(applyPersonaEdits(cards, edits)[1]).toEqual(cards[1]);
    expect(unusedPersonaEdits(cards, edits)).toEqual([
      'De bewerking van persona 2 is niet gebruikt: cluster 2 heeft geen personakaart.',
      'De bewerking van persona 9 is niet gebruikt: cluster 9 heeft geen personakaart.',
    ]);
  });
});
