// A persona card's chart (bars from what stands out, every figure published) and the profile layout and persona
// edits a study file records.
import { describe, expect, it } from 'vitest';
import { editPersona, MAX_CHART_BARS, personaCardSchema, personaChart, type PersonaCard } from '../../../../src-main/analysis/profiles/persona';
import { applyPersonaEdits, applyRowLayout, unusedPersonaEdits } from '../../../../src-main/analysis/profiles/profile-layout';
import type { StandOutTrait } from '../../../../src-main/analysis/profiles/what-stands-out';
import type { CheckedTable } from '../../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET as rules, ruleSetDigest } from '../../../../src-main/disclosure/rule-set';

function trait(featureId: string, code: string | null, label: string, vTest: number, inCluster: number, overall: number, review = false): StandOutTrait {
  return {
    featureId,
    featureLabel: featureId === 'benefit_type' ? 'Type uitkering' : featureId.replaceAll('_', ' '),
    code,
    label,
    direction: vTest > 0 ? 'vaker' : 'minder vaak',
    inCluster,
    overall,
    vTest,
    pValue: 0.001,
    review,
    sentence: `${label} komt in dit cluster ${vTest > 0 ? 'vaker' : 'minder vaak'} voor.`,
  };
}

const TRAITS: StandOutTrait[] = [
  trait('benefit_type', '3', 'Bijstand', 6.1, 81, 30),
  trait('household_composition', 'eenouder', 'Eenouderhuishouden', 5.2, 69, 15),
  // The same household seen through the detailed type: no second bar for it.
  trait('household_type', '6', 'Eenouder', 5.0, 69, 15),
  trait('disposable_income', null, 'Besteedbaar inkomen', 4.0, 14_000, 17_000),
  trait('has_children', 'ja', 'Met kinderen', 3.9, 96, 49, true),
  trait('youngest_child', 'onder-10', 'Jonger dan 10 jaar', 3.5, 88, 27),
  trait('care', 'jeugd', 'Jeugdzorg', 3.1, 69, 18),
  trait('tenure', '3', 'Huur met huurtoeslag', 2.5, 97, 92),
  trait('education_level', '1', 'Laag', 2.2, 71, 48),
  trait('migration_background', 'nee', 'Geen', -2.4, 20, 45),
  trait('tenure', '1', 'Koopwoning', -3.0, 12, 30),
];

describe('the persona chart', () => {
  it('takes categories only, one per feature group, the most over-represented first, at most six bars', () => {
    const bars = personaChart(TRAITS, rules);
    expect(bars.map((bar) => bar.label)).toEqual(['Bijstand', 'Eenouderhuishouden', 'Met kinderen', 'Jeugdzorg', 'Huur met huurtoeslag', 'Laag']);
    expect(bars).toHaveLength(MAX_CHART_BARS);
    expect(bars[0]).toEqual({
      feature: 'Type uitkering',
      label: 'Bijstand',
      inCluster: { status: 'safe', value: 81, text: '81 %' },
      overall: { status: 'safe', value: 30, text: '30 %' },
    });
  });

  it('sends a share of (nearly) a whole group to review: the cluster bar when flagged, the all-clients bar at the group share', () => {
    const bars = personaChart(TRAITS, rules);
    expect(bars.find((bar) => bar.label === 'Met kinderen')).toMatchObject({ inCluster: { status: 'review', reason: 'group-disclosure' }, overall: { status: 'safe' } });
    expect(bars.find((bar) => bar.label === 'Huur met huurtoeslag')).toMatchObject({ inCluster: { status: 'safe' }, overall: { status: 'review', value: 92 } });
  });

  it('fills up with the most under-represented categories when few stand out above, and may stay short', () => {
    const few = [TRAITS[0]!, TRAITS[9]!, TRAITS[10]!];
    expect(personaChart(few, rules).map((bar) => bar.label)).toEqual(['Bijstand', 'Koopwoning', 'Geen']);
    expect(personaChart([], rules)).toEqual([]);
  });

  it('is part of the card shape, which refuses a bar whose blocked cell carries a value', () => {
    const card: PersonaCard = {
      kind: 'card',
      cluster: 1,
      count: { status: 'safe', value: 26 },
      automaticTitle: 'Eenouderhuishouden in de bijstand',
      title: 'Eenouderhuishouden in de bijstand',
      narrative: '',
      facts: [],
      standsOut: [],
      chart: personaChart(TRAITS, rules),
    };
    expect(personaCardSchema.safeParse(card).success).toBe(true);
    const leaking = { ...card, chart: [{ ...card.chart[0]!, inCluster: { status: 'blocked', rule: 'threshold', value: 7 } }] };
    expect(personaCardSchema.safeParse(leaking).success).toBe(false);
    expect(personaCardSchema.safeParse({ ...card, chart: [...card.chart, card.chart[0]] }).success).toBe(false);
  });
});

function profileTable(): CheckedTable {
  const row = (id: string, value: number) => ({ id, label: id, total: false, format: 'percent' as const, cells: [{ status: 'safe' as const, value }, { status: 'blocked' as const, rule: 'threshold' as const }] });
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

  it('only removes hidden rows: every other row keeps its cells, a blocked cell stays blocked, and a note says so', () => {
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
    { kind: 'card', cluster: 1, count: { status: 'safe', value: 30 }, automaticTitle: 'Stel zonder uitkering', title: 'Stel zonder uitkering', narrative: '', facts: [], standsOut: [], chart: [] },
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
    const edits = [{ cluster: 2, title: 'Te klein' }, { cluster: 9, narrative: 'Weg.' }, { cluster: 1, title: 'Stel' }];
    expect(applyPersonaEdits(cards, edits)[1]).toEqual(cards[1]);
    expect(unusedPersonaEdits(cards, edits)).toEqual([
      'De bewerking van persona 2 is niet gebruikt: cluster 2 heeft geen personakaart.',
      'De bewerking van persona 9 is niet gebruikt: cluster 9 heeft geen personakaart.',
    ]);
  });
});
