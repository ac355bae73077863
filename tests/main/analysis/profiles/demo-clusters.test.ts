// Cluster profiles on generated worlds: the seed study's five planted clusters found again, and described as the study
// publishes them (buildPublication through the StudySession, the analyst's view through its ProfileState): the cluster
// table's modal values, what stands out, and the persona titles. The demo's world (seed 2017) and another (seed 99).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusteringRequestSchema } from '../../../../src-main/analysis/clustering-service/cluster-features';
import { validateRun } from '../../../../src-main/analysis/clustering-service/clustering-service';
import { SIZE_ROW } from '../../../../src-main/analysis/profiles/cluster-table';
import { MAX_FACTS, MIN_FACTS, personaCardSchema, type PersonaCard } from '../../../../src-main/analysis/profiles/persona';
import { MINORITY_PREFIX, TITLE_FRAGMENTS } from '../../../../src-main/analysis/profiles/persona-title';
import type { ClusterPublication } from '../../../../src-main/publication/study-publication';
import { publishedProfilesSchema } from '../../../../src-main/analysis/profiles/published-profiles';
import { checkedTableSchema, hasValue } from '../../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET as rules } from '../../../../src-main/disclosure/rule-set';
import { atLeastCount, type Figure } from '../../../../src-main/publication/figures';
import { linkedStudy } from '../../support/study-fixture';
import { columnOf, describeStudy, SEED, seedDepartures, TITLE_WORDS, type Described } from './support/seed-clusters';

/**
 * A title names a category as the cluster's trait only when at least half the cluster holds it (the profile's dominant
 * modal category); an over-represented minority only as "vaker ...". Returns the fragments it checked.
 */
function expectNoMinorityTrait(clusters: ClusterPublication, card: PersonaCard): string[] {
  if (card.kind !== 'card') return [];
  const column = clusters.profile.columns.findIndex((candidate) => candidate.cluster === card.cluster);
  const title = card.title.toLowerCase();
  const checked: string[] = [];
  for (const { featureId, fragments } of TITLE_FRAGMENTS) {
    const texts = Object.entries(fragments).map(([code, text]) => ({ code, text: text.toLowerCase() }));
    for (const { code, text } of texts) {
      // "met jeugdzorg" is part of "met jeugdzorg en wmo": only the longest fragment in the title counts.
      if (!title.includes(text) || texts.some((other) => other.text !== text && other.text.includes(text) && title.includes(other.text))) continue;
      if (title.includes(`${MINORITY_PREFIX} ${text}`)) continue;
      const cell = clusters.profile.rows.find((row) => row.id === featureId.replaceAll('_', '-'))?.cells[column];
      expect(cell?.modal?.dominant === true && cell.modal.code === code, `"${card.title}" states "${text}" as the cluster's trait`).toBe(true);
      checked.push(text);
    }
  }
  return checked;
}

function expectSensibleCards(described: Described, singleParentTitle = /^Jong eenouderhuishouden in de bijstand/): PersonaCard[] {
  const cards = described.clusters.personas.map((card) => personaCardSchema.parse(card));
  expect(cards).toHaveLength(5);
  const titles = cards.map((card) => (card.kind === 'card' ? card.title : ''));
  console.info(
    'titles: ' +
      cards.map((card) => (card.kind === 'card' ? `${card.cluster}: ${card.title} [${card.facts.map((fact) => fact.text).join('; ')}]` : card.note)).join('\n'),
  );
  expect(new Set(titles).size).toBe(5);
  for (const card of cards) {
    if (card.kind !== 'card') throw new Error(`Cluster ${card.cluster} got a note: ${card.note}`);
    expect(card.title).toBe(card.automaticTitle);
    expect(card.narrative).toBe('');
    expect(card.facts.length).toBeGreaterThanOrEqual(MIN_FACTS);
    expect(card.facts.length).toBeLessThanOrEqual(MAX_FACTS);
    for (const fact of card.facts) expect(hasValue(fact.cell) && fact.cell.text, `${card.title}: ${fact.label}`).toBe(fact.text);
    expect(card.title, `cluster ${card.cluster}, planted ${described.planted.get(card.cluster)}`).toMatch(TITLE_WORDS[described.planted.get(card.cluster)!]!);
    expectNoMinorityTrait(described.clusters, card);
  }
  const singleParents = cards.find((card) => card.cluster === described.clusters.profile.columns[columnOf(described, 3)]!.cluster);
  expect(singleParents?.kind === 'card' && singleParents.title).toMatch(singleParentTitle);
  return cards;
}

describe('the demo world (seed 2017)', () => {
  let demo: Described;

  beforeAll(async () => {
    demo = await describeStudy(await linkedStudy());
  }, 180_000);
  afterAll(() => demo?.study.close());

  it('finds one cluster per planted cluster and publishes a valid table, the same the Profielen page shows', async () => {
    expect(new Set(demo.planted.values())).toEqual(new Set([1, 2, 3, 4, 5]));
    const { table, profile } = demo.clusters;
    expect(() => checkedTableSchema.parse(table.table)).not.toThrow();
    expect(table.table.id).toBe('clusterprofiel-k5');
    expect(table.table.columns.map((column) => column.label)).toEqual([
      'Cluster 1',
      'Cluster 2',
      'Cluster 3',
      'Cluster 4',
      'Cluster 5',
      'Alle klanten',
      'Alle huishoudens',
    ]);
    const sizes = table.table.rows.find((row) => row.id === SIZE_ROW)!.cells.map((cell) => (hasValue(cell) ? cell.value : null));
    expect(sizes.slice(0, 5).reduce((sum, size) => sum! + size!, 0)).toBe(191);
    expect(sizes.slice(5)).toEqual([191, 11_346]);
    // The clustering page shows the very sizes of the publication.
    const clustering = await demo.study.session.lastClustering();
    expect(clustering!.clusters.rows.map((row) => (hasValue(row.cells[0]!) ? row.cells[0].value : null))).toEqual(sizes.slice(0, 5));
    const shown = publishedProfilesSchema.parse(await demo.study.session.profiles.published());
    expect(shown.table).toEqual(table.table);
    expect(shown.personas).toEqual(demo.clusters.personas);
    expect(shown.standsOut.map((entry) => entry.table)).toEqual(demo.clusters.standsOut.map((entry) => entry.table.table));
    const lines = profile.rows.map(
      (row) => `${row.label.padEnd(40)} ${row.cells.map((cell) => ('text' in cell.cell && cell.cell.text ? cell.cell.text : cell.cell.status)).join(' | ')}`,
    );
    console.info(`planted: ${[...demo.planted].map(([found, truth]) => `${found}->${truth}`).join(', ')}\n${lines.join('\n')}`);
  });

  it("shows the seed table's modal values for each planted cluster, or hides the cell", () => {
    const { departures, hidden } = seedDepartures(demo);
    console.info(`seed departures: ${departures.join('; ') || 'none'}; hidden by protection: ${hidden.join(', ') || 'none'}`);
    // Known, explained deviation (seed 2017): in the cluster found for planted cluster 2 (35 households) youth care
    // alone is 13, youth care with Wmo 5 and no care 16: youth care in any form is half the cluster, "jeugdzorg"
    // alone is not the mode, so the cell honestly reads "varieert".
    expect(departures).toEqual(['planted 2 care: seed Jeugdzorg, found varieert']);
    // Most of the seed's cells are printed: protection hides a few, never most of them.
    expect(hidden.length).toBeLessThan(Object.values(SEED).reduce((sum, row) => sum + Object.keys(row).length, 0) / 4);
  });

  it("publishes no figure of the profile from fewer than 10 households, and a share's exact value only when the rest is 10 or more", () => {
    const { ledger } = demo.publication;
    const { table } = demo.clusters;
    let checked = 0;
    table.table.rows.forEach((row, r) => {
      row.cells.forEach((cell, c) => {
        const figure: Figure | null = table.figures[r]![c]!;
        if (!hasValue(cell) || figure === null) return;
        checked += 1;
        const where = `${row.id} / ${table.table.columns[c]!.label}`;
        if (figure.kind === 'count') expect(cell.value, where).toBeGreaterThanOrEqual(rules.clusterMinimum);
        else if (figure.kind === 'share' || figure.kind === 'shareAtLeast') {
          const part = ledger.rawCount(figure.numerator);
          const rest = ledger.rawCount(figure.denominator) - part;
          expect(part, where).toBeGreaterThanOrEqual(rules.threshold);
          if (figure.kind === 'share') expect(rest === 0 || rest >= rules.threshold, `${where}: rest ${rest}`).toBe(true);
          else {
            const exact = (100 * part) / (part + rest);
            expect(rest, where).toBeLessThan(rules.threshold);
            expect(exact, where).toBeGreaterThanOrEqual(figure.floor);
            // The highest band the share reaches that leaves room for a hidden count outside it.
            const total = part + rest;
            const higher = figure.floor + 10;
            if (figure.floor < 90)
              expect(exact < higher || total - atLeastCount(higher, total) < Math.max(rules.threshold, rules.protectionLevel), where).toBe(true);
            expect(total - atLeastCount(figure.floor, total) >= Math.max(rules.threshold, rules.protectionLevel) || figure.floor === 50, where).toBe(true);
            expect(cell.text, where).toMatch(new RegExp(`${figure.floor}\\u00a0% of meer$`));
          }
        } else if (figure.kind === 'amount') {
          expect(ledger.amountStatistics(figure.feature, figure.population).known, where).toBeGreaterThanOrEqual(
            Math.max(rules.threshold, rules.statisticThreshold),
          );
        } else throw new Error(`${where}: unexpected figure ${figure.kind}`);
      });
    });
    expect(checked).toBeGreaterThan(60);
    for (const entry of demo.clusters.standsOut) {
      expect(() => checkedTableSchema.parse(entry.table.table)).not.toThrow();
      for (const trait of entry.traits) {
        if (trait.figures.inCluster.kind === 'share')
          expect(ledger.rawCount(trait.figures.inCluster.numerator), trait.label).toBeGreaterThanOrEqual(rules.threshold);
      }
    }
  });

  it('lists significant traits per cluster, sorted by v-test, in plain Dutch, as the table of each cluster prints them', () => {
    const { standsOut, profile } = demo.clusters;
    expect(standsOut.map((entry) => entry.cluster)).toEqual([1, 2, 3, 4, 5]);
    for (const entry of standsOut) {
      expect(entry.traits.length).toBeGreaterThan(0);
      expect(entry.traits.map((trait) => trait.vTest)).toEqual([...entry.traits.map((trait) => trait.vTest)].sort((a, b) => b - a));
      const rows = entry.table.table.rows;
      expect(rows[0]!.id).toBe(SIZE_ROW);
      expect(rows).toHaveLength(entry.traits.length + 1);
      entry.traits.forEach((trait, index) => {
        const row = rows[index + 1]!;
        expect(row.cells[4]).toMatchObject({ value: trait.vTest });
        expect(row.cells[1]).toEqual(trait.inCluster);
        expect(row.cells[3]).toEqual(trait.overall);
        const p = row.cells[5]!;
        expect(hasValue(p) && p.value, `${trait.label} p`).toBeLessThanOrEqual(0.05);
        expect(Math.abs(trait.vTest)).toBeGreaterThanOrEqual(2);
        expect(trait.sentence).toMatch(
          trait.code === null ? /gemiddeld (hoger|lager)/ : trait.vTest > 0 ? /komt in dit cluster vaker voor/ : /komt in dit cluster minder vaak voor/,
        );
      });
    }
    const singleParents = standsOut.find((entry) => entry.cluster === profile.columns[columnOf(demo, 3)]!.cluster)!;
    expect(singleParents.traits.slice(0, 6).map((trait) => trait.label)).toContain('Eenouderhuishouden');
    console.info(
      standsOut
        .map(
          (entry) =>
            `cluster ${entry.cluster}: ${entry.traits
              .slice(0, 4)
              .map((trait) => `${trait.label} (${trait.vTest.toFixed(1)})`)
              .join(', ')}`,
        )
        .join('\n'),
    );
  });

  it('gives every cluster a sensible, distinct title and 5 to 8 published facts', () => {
    expectSensibleCards(demo);
  });
});

describe('another world (seed 99), clustered with the default request', () => {
  let other: Described;

  beforeAll(async () => {
    other = await describeStudy(await linkedStudy({ seed: 99, cluster: clusteringRequestSchema.parse({}) }));
  }, 240_000);
  afterAll(() => other?.study.close());

  it('recommends the planted k = 5 and finds the planted clusters (ARI >= 0.8)', async () => {
    const clustering = await other.study.session.lastClustering();
    expect(clustering).toMatchObject({ recommendedK: 5, chosenK: 5 });
    const validation = await validateRun(other.study.session.clustering.lastRun()!, join(other.study.world, 'ground-truth', 'clusters.csv'), rules);
    if (!validation.ok) throw new Error(validation.message);
    expect(validation.validation.adjustedRandIndex).toBeGreaterThanOrEqual(0.8);
    expect(new Set(other.planted.values())).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it("shows the seed table's modal values there too", () => {
    const { departures, hidden } = seedDepartures(other);
    console.info(`seed 99 departures: ${departures.join('; ') || 'none'}; hidden: ${hidden.join(', ') || 'none'}`);
    expect(departures).toEqual([]);
  });

  it('gives every cluster a sensible, distinct title and 5 to 8 published facts', () => {
    // The default features cluster on the income source, not the benefit type: in this world the single parents'
    // benefit-type cell is hidden by protection, so the title may not say "in de bijstand" (it states only what is published).
    expectSensibleCards(other, /^Jong eenouderhuishouden/);
  });

  it('names no category fewer than half of a cluster hold as its trait, at k = 2, 3 and 4 either', async () => {
    const checked: string[] = [];
    const minorities: string[] = [];
    for (const k of [2, 3, 4]) {
      await other.study.session.chooseClusterCount(k);
      const clusters = (await other.study.session.publication('suppression')).clusters!;
      for (const card of clusters.personas) {
        checked.push(...expectNoMinorityTrait(clusters, card));
        if (card.kind === 'card' && card.title.includes(`${MINORITY_PREFIX} `)) minorities.push(`k=${k}: ${card.title}`);
      }
    }
    console.info(`titles with a minority named as "vaker": ${minorities.join('; ') || 'none'}`);
    expect(checked.length).toBeGreaterThan(3);
    await other.study.session.chooseClusterCount(5);
  });
});
