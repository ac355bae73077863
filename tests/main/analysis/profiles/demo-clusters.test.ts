// Cluster profiles on the demo world: the seed study's five-cluster table, what stands out, and the persona titles.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusteringRequestSchema } from '../../../../src-main/analysis/clustering-service/cluster-features';
import { runClustering } from '../../../../src-main/analysis/clustering-service/clustering-service';
import { CLIENT_HOUSEHOLDS } from '../../../../src-main/analysis/population';
import { readClusterProfileData, type ClusterProfileData } from '../../../../src-main/analysis/profiles/cluster-data';
import { clusterProfile, clusterTable, VARIES_TEXT, type ClusterProfile } from '../../../../src-main/analysis/profiles/cluster-table';
import { describeClusters, type ClusterDescription } from '../../../../src-main/analysis/profiles/describe-clusters';
import { personaCardSchema } from '../../../../src-main/analysis/profiles/persona';
import { checkedTableSchema, hasValue } from '../../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET as rules } from '../../../../src-main/disclosure/rule-set';
import { demoStudy } from '../../../../src-main/linking/demo-study';
import { runStudy, type StudySession } from '../../../../src-main/linking/run-study';
import { generateWorld } from '../../synthetic/support/demo-world';

/** The seed table (seed-study.md) in the app's labels; null: the seed says "varies". */
const SEED: Record<number, Record<string, string | null>> = {
  1: { 'benefit-type': 'Geen uitkering', 'education-level': 'Middelbaar', tenure: 'Koopwoning', 'household-composition': 'Paar', 'has-children': 'Zonder kinderen', care: 'Geen jeugdzorg of Wmo' },
  2: { 'benefit-type': 'Werkloosheidsuitkering (WW)', 'education-level': 'Hoog', tenure: null, 'household-composition': 'Paar', 'has-children': 'Met kinderen', care: 'Jeugdzorg' },
  3: {
    'benefit-type': 'Bijstand',
    'education-level': 'Laag',
    tenure: 'Huur met huurtoeslag',
    'household-composition': 'Eenouderhuishouden',
    'has-children': 'Met kinderen',
    'youngest-child': 'Jonger dan 10 jaar',
    care: 'Jeugdzorg',
  },
  // The seed's "rented": with or without allowance.
  4: { 'benefit-type': 'Arbeidsongeschiktheidsuitkering', 'education-level': 'Laag', tenure: 'Huur', 'household-composition': 'Paar', 'has-children': 'Met kinderen', care: 'Wmo-ondersteuning' },
  5: { 'benefit-type': 'Bijstand', 'education-level': 'Laag', tenure: 'Huur met huurtoeslag', 'household-composition': 'Alleenstaande', 'has-children': 'Zonder kinderen', care: 'Geen jeugdzorg of Wmo' },
};
/** The seed's disposable income per cluster; cluster 4's varies. */
const SEED_INCOME: Record<number, number | null> = { 1: 22_000, 2: 18_000, 3: 14_000, 4: null, 5: 14_000 };

let session: StudySession;
let data: ClusterProfileData;
let profile: ClusterProfile;
let description: ClusterDescription;
/** Found cluster -> the planted cluster it overlaps most. */
const planted = new Map<number, number>();
const timings: string[] = [];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  timings.push(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

beforeAll(async () => {
  const { folder } = await timed('world', () => generateWorld());
  ({ session } = await timed('link', () => runStudy(demoStudy({ folder }))));
  const outcome = await timed('cluster', () => runClustering(session, clusteringRequestSchema.parse({}), { rules, runId: 'profiel' }));
  if (outcome.status !== 'done') throw new Error(`Clustering failed: ${JSON.stringify(outcome)}`);
  const run = { runId: 'profiel', k: outcome.published.chosenK, population: CLIENT_HOUSEHOLDS };
  data = await timed('read profile', () => readClusterProfileData(session, run));
  profile = clusterProfile(data, rules);
  description = await timed('describe', () => describeClusters(session, run, rules));
  const truth = (await readFile(join(folder, 'ground-truth', 'clusters.csv'), 'utf8')).trim().split('\n').slice(1);
  const truthOf = new Map(truth.map((line) => line.split(',')).map(([key, start, cluster]) => [`${key}|${start}`, Number(cluster)]));
  const rows = await session.query(`SELECT household_key::VARCHAR AS key, household_start::VARCHAR AS start, cluster FROM cluster_assignments WHERE run_id = 'profiel'`);
  const overlap = new Map<string, number>();
  for (const row of rows) {
    const pair = `${Number(row.cluster)}>${truthOf.get(`${String(row.key)}|${String(row.start)}`) ?? 0}`;
    overlap.set(pair, (overlap.get(pair) ?? 0) + 1);
  }
  for (const [pair, units] of overlap) {
    const [found, truthCluster] = pair.split('>').map(Number) as [number, number];
    const best = planted.get(found);
    if (best === undefined || (overlap.get(`${found}>${best}`) ?? 0) < units) planted.set(found, truthCluster);
  }
}, 180_000);
afterAll(() => session?.close());

function columnOf(plantedCluster: number): number {
  const found = [...planted].find(([, truth]) => truth === plantedCluster)?.[0];
  const index = profile.columns.findIndex((column) => column.cluster === found);
  if (index < 0) throw new Error(`No found cluster matches planted cluster ${plantedCluster}.`);
  return index;
}

describe('the cluster table on the demo world', () => {
  it('finds one cluster per planted cluster and publishes a valid table', () => {
    console.info(`timings: ${timings.join(', ')}`);
    expect(new Set(planted.values())).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(() => checkedTableSchema.parse(description.table)).not.toThrow();
    expect(description.table).toEqual(clusterTable(data, rules));
    expect(description.table.columns.map((column) => column.label)).toEqual([
      ...data.clusters.map(({ cluster, units }) => `Cluster ${cluster} (N = ${units})`),
      'Alle klanten (N = 191)',
      expect.stringMatching(/^Alle huishoudens \(N = \d{1,2}\.\d{3}\)$/),
    ]);
    const lines = description.table.rows.map((row) => `${row.label.padEnd(40)} ${row.cells.map((cell) => ('text' in cell && cell.text ? cell.text : cell.status)).join(' | ')}`);
    console.info(`sizes: ${data.clusters.map((c) => c.units).join(', ')}`);
    console.info(`planted: ${[...planted].map(([found, truth]) => `${found}->${truth}`).join(', ')}\n${lines.join('\n')}`);
  });

  it("shows the seed table's modal values for each planted cluster", () => {
    const mismatches: string[] = [];
    for (const [plantedCluster, expected] of Object.entries(SEED)) {
      const column = columnOf(Number(plantedCluster));
      for (const [rowId, label] of Object.entries(expected)) {
        const cell = profile.rows.find((row) => row.id === rowId)!.cells[column]!;
        const text = 'text' in cell.cell ? cell.cell.text : undefined;
        const ok = label === null ? text === VARIES_TEXT || cell.modal !== undefined : text !== undefined && text.startsWith(`${label}`) && text !== VARIES_TEXT;
        if (!ok) mismatches.push(`planted ${plantedCluster} ${rowId}: seed ${label ?? 'varieert'}, found ${text ?? cell.cell.status} (mode ${cell.modal?.label ?? '-'} ${cell.modal?.share.toFixed(0) ?? ''} %)`);
      }
      const income = profile.rows.find((row) => row.id === 'disposable-income')!.cells[column]!;
      const seedIncome = SEED_INCOME[Number(plantedCluster)];
      if (seedIncome !== null && seedIncome !== undefined && !(income.median !== undefined && !income.varies && Math.abs(income.median - seedIncome) <= 1500)) {
        mismatches.push(`planted ${plantedCluster} income: seed EUR ${seedIncome}, found ${'text' in income.cell ? income.cell.text : income.cell.status}`);
      }
    }
    console.info(`seed mismatches: ${mismatches.length === 0 ? 'none' : mismatches.join('; ')}`);
    // Known, explained deviation (seed 2017): in the cluster found for planted cluster 2 (35 households) youth care
    // alone is 13, youth care with Wmo 5 and no care 16: youth care in any form is half the cluster, "jeugdzorg"
    // alone is not the mode, so the cell honestly reads "varieert".
    expect(mismatches.filter((mismatch) => !/^planted 2 care: seed Jeugdzorg, found varieert/.test(mismatch))).toEqual([]);
  });

  it('publishes no figure from fewer than 10 households', () => {
    data.rows.forEach((row, r) => {
      profile.columns.forEach((column, c) => {
        const cell = profile.rows[r]!.cells[c]!;
        if (!hasValue(cell.cell)) return;
        expect(column.units).toBeGreaterThanOrEqual(rules.threshold);
        if (row.kind === 'category') expect(cell.modal!.units).toBeGreaterThanOrEqual(rules.threshold);
        else {
          const statistics = column.cluster !== null ? row.clusterStatistics[c]! : column.id === 'alle-klanten' ? row.clientStatistics : row.allStatistics;
          expect(statistics.known).toBeGreaterThanOrEqual(rules.threshold);
        }
      });
    });
    for (const entry of description.standsOut) {
      const units = data.clusters.find((cluster) => cluster.cluster === entry.cluster)!.units;
      for (const trait of entry.traits) if (trait.code !== null) expect((trait.inCluster / 100) * units).toBeGreaterThanOrEqual(rules.threshold - 0.5);
      expect(() => checkedTableSchema.parse(entry.table)).not.toThrow();
    }
  });
});

describe('what stands out and the personas on the demo world', () => {
  it('lists significant traits per cluster, sorted by v-test, in plain Dutch', () => {
    expect(description.standsOut).toHaveLength(5);
    for (const entry of description.standsOut) {
      expect(entry.traits.length).toBeGreaterThan(0);
      expect(entry.traits.map((trait) => trait.vTest)).toEqual([...entry.traits.map((trait) => trait.vTest)].sort((a, b) => b - a));
      for (const trait of entry.traits) {
        expect(trait.pValue).toBeLessThan(0.05);
        expect(Math.abs(trait.vTest)).toBeGreaterThan(1.95);
        expect(trait.sentence).toMatch(trait.code === null ? /gemiddeld (hoger|lager)/ : trait.vTest > 0 ? /komt in dit cluster vaker voor/ : /komt in dit cluster minder vaak voor/);
      }
    }
    const singleParents = description.standsOut.find((entry) => entry.cluster === profile.columns[columnOf(3)]!.cluster)!;
    expect(singleParents.traits.slice(0, 6).map((trait) => trait.label)).toContain('Eenouderhuishouden');
    console.info(description.standsOut.map((entry) => `cluster ${entry.cluster}: ${entry.traits.slice(0, 4).map((trait) => `${trait.label} (${trait.vTest.toFixed(1)})`).join(', ')}`).join('\n'));
  });

  it('gives every cluster a sensible, distinct title and 5 to 8 published facts', () => {
    const cards = description.personas.map((card) => personaCardSchema.parse(card));
    expect(cards).toHaveLength(5);
    const titles = cards.map((card) => (card.kind === 'card' ? card.title : ''));
    console.info(`titles: ${cards.map((card) => (card.kind === 'card' ? `${card.cluster}: ${card.title} [${card.facts.map((fact) => fact.text).join('; ')}]` : card.note)).join('\n')}`);
    expect(new Set(titles).size).toBe(5);
    const expectedWords: Record<number, RegExp> = {
      1: /stel|zonder uitkering/i,
      2: /gezin|WW/i,
      3: /eenouderhuishouden|bijstand/i,
      4: /gezin|arbeidsongeschiktheid/i,
      5: /alleenstaande|bijstand/i,
    };
    for (const card of cards) {
      if (card.kind !== 'card') throw new Error(`Cluster ${card.cluster} got a note: ${card.note}`);
      expect(card.title).toBe(card.automaticTitle);
      expect(card.narrative).toBe('');
      expect(card.facts.length).toBeGreaterThanOrEqual(5);
      expect(card.facts.length).toBeLessThanOrEqual(8);
      const truth = planted.get(card.cluster)!;
      expect(card.title).toMatch(expectedWords[truth]!);
    }
    const singleParentCard = cards.find((card) => card.cluster === profile.columns[columnOf(3)]!.cluster);
    expect(singleParentCard?.kind === 'card' && singleParentCard.title).toMatch(/^Jong eenouderhuishouden in de bijstand/);
  });
});
