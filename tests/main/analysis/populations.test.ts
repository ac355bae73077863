// Populations on a real DuckDB analysis table: the filter SQL, and what a publication is computed from (households per
// category and population atom, amounts' statistics per population), with and without a clustering's atoms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAssignments } from '../../../src-main/analysis/clustering-service/assignments';
import { featureById, type AmountFeature, type CategoricalFeature } from '../../../src-main/analysis/features';
import { ALL_HOUSEHOLDS, CLIENT_HOUSEHOLDS, populationCountSql, populationDifferenceSql, type Population } from '../../../src-main/analysis/population';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import { ALL_ID, CLIENTS_ID, clusterPopulationId, populationModel, type PublishedClusteringRef } from '../../../src-main/publication/population-atoms';
import { loadPublicationData, type PublicationData } from '../../../src-main/publication/publication-data';
import { publishedFeature } from '../../../src-main/publication/published-feature';

let session: LockedSession;

// 60 households: 25 clients. Education: clients 12 low, 8 middle, 5 unknown; others 10 low, 15 middle, 10 high.
const TABLE =
  `CREATE OR REPLACE TEMP TABLE ${ANALYSIS_TABLE} AS
    SELECT lpad(i::VARCHAR, 10, '0') AS household_key, '20170101' AS household_start, i < 25 AS client,
      CASE WHEN i < 12 THEN 'low' WHEN i < 20 THEN 'middle' WHEN i < 25 THEN NULL ` +
  `WHEN i < 35 THEN 'low' WHEN i < 50 THEN 'middle' ELSE 'high' END AS education_level,
      CASE WHEN i < 25 THEN 12000 + i * 100 ELSE 30000 + i * 500 END::DOUBLE AS disposable_income,
      CASE WHEN i = 3 THEN '6' ELSE '1' END AS household_type
    FROM range(60) t(i)`;

beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
  await session.query(TABLE);
});
afterAll(() => session?.close());

const units = async (sql: string): Promise<number> => Number((await session.query(sql))[0]?.units);

describe('populations over the analysis table', () => {
  it('count all households, client households and a filtered population', async () => {
    expect(await units(populationCountSql(ALL_HOUSEHOLDS))).toBe(60);
    expect(await units(populationCountSql(CLIENT_HOUSEHOLDS))).toBe(25);
    const lowClients: Population = {
      id: 'laag',
      label: 'Laag opgeleide klanten',
      clientsOnly: true,
      filters: [{ feature: 'education_level', codes: ['low', null] }],
    };
    expect(await units(populationCountSql(lowClients))).toBe(17);
  });

  it('count the households in exactly one of two populations', async () => {
    expect(await units(populationDifferenceSql(ALL_HOUSEHOLDS, CLIENT_HOUSEHOLDS))).toBe(35);
    const allButOne: Population = {
      id: 'zonder-eenouder',
      label: 'Klanten zonder eenouderhuishoudens',
      clientsOnly: true,
      filters: [{ feature: 'household_type', codes: ['1'] }],
    };
    expect(await units(populationDifferenceSql(CLIENT_HOUSEHOLDS, allButOne))).toBe(1);
  });
});

const education = publishedFeature(featureById('education_level') as CategoricalFeature, undefined);
const householdType = publishedFeature(featureById('household_type') as CategoricalFeature, undefined);
const income = featureById('disposable_income') as AmountFeature;

/** Households of `data` with `code` on the education family, per population atom id. */
function educationCounts(data: PublicationData, code: string): Record<string, number> {
  const family = data.families.find((candidate) => candidate.features.some((feature) => feature.id === education.id))!;
  const column = family.features.findIndex((feature) => feature.id === education.id);
  const cover = data.cover.get(family.id)!;
  const result: Record<string, number> = {};
  data.populations.atoms.forEach((atom, index) => {
    result[atom.id] = family.atoms.reduce((sum, codes, row) => (codes[column] === code ? sum + cover[row]![index]! : sum), 0);
  });
  return result;
}

describe('the publication data', () => {
  it('counts households per published category and population atom, the unknowns in their own category', async () => {
    const data = await loadPublicationData(session, [education, householdType], [income], populationModel(null));
    expect(data.populations.atoms.map((atom) => atom.id)).toEqual(['niet-klant', 'klant']);
    expect(data.populations.populations.map((population) => [population.id, population.atoms])).toEqual([
      [ALL_ID, ['niet-klant', 'klant']],
      [CLIENTS_ID, ['klant']],
    ]);
    // Education and household type come from different registers: two families.
    expect(data.families.map((family) => family.features.map((feature) => feature.id))).toEqual([['education_level'], ['household_type']]);
    expect(education.categories.map((category) => category.label)).toEqual(['Laag', 'Middelbaar', 'Hoog', 'Onbekend']);
    expect(['low', 'middle', 'high', 'onbekend'].map((code) => educationCounts(data, code))).toEqual([
      { 'niet-klant': 10, klant: 12 },
      { 'niet-klant': 15, klant: 8 },
      { 'niet-klant': 10, klant: 0 },
      { 'niet-klant': 0, klant: 5 },
    ]);
    expect(data.unexpectedCodes.get('education_level')).toEqual([]);
  });

  it('summarises an amount per population and per atom, with the two largest values for dominance', async () => {
    const data = await loadPublicationData(session, [education], [income], populationModel(null));
    const amounts = data.amounts.get('disposable_income')!;
    // Clients: 12.000 + 100 i for i = 0..24.
    expect(amounts.perPopulation.get(CLIENTS_ID)).toEqual({
      units: 25,
      known: 25,
      mean: 13_200,
      variance: expect.closeTo(520_000, 3),
      quartile1: 12_600,
      median: 13_200,
      quartile3: 13_800,
      total: 330_000,
      largest: [14_400, 14_300],
    });
    expect(amounts.perPopulation.get(ALL_ID)).toMatchObject({ units: 60, known: 60, largest: [59_500, 59_000] });
    expect(amounts.perAtom.get('niet-klant')).toMatchObject({ units: 35, known: 35, mean: 30_000 + 500 * 42 });
  });

  it('counts a code outside the label list with the unknowns, and names it', async () => {
    await session.query(`UPDATE ${ANALYSIS_TABLE} SET education_level = 'phd' WHERE household_key = '0000000055'`);
    try {
      const data = await loadPublicationData(session, [education], [], populationModel(null));
      expect(data.unexpectedCodes.get('education_level')).toEqual(['phd']);
      expect(educationCounts(data, 'high')).toEqual({ 'niet-klant': 9, klant: 0 });
      expect(educationCounts(data, 'onbekend')).toEqual({ 'niet-klant': 1, klant: 5 });
    } finally {
      await session.query(TABLE);
    }
  });

  it('splits the clients into one atom per cluster of the chosen labelling, and publishes each cluster as a population', async () => {
    // Clients 0..9 in cluster 1, 10..24 in cluster 2.
    const keys = Array.from({ length: 25 }, (_, i) => String(i).padStart(10, '0'));
    expect(
      await storeAssignments(
        session,
        'run-a',
        2,
        { householdKey: keys, householdStart: keys.map(() => '20170101') },
        keys.map((_, i) => (i < 10 ? 0 : 1)),
      ),
    ).toEqual({ ok: true, rows: 25 });
    const ref: PublishedClusteringRef = { runId: 'run-a', k: 2, population: CLIENT_HOUSEHOLDS, fingerprint: 'abcd1234' };
    const model = populationModel(ref);
    expect(model.atoms.map((atom) => atom.id)).toEqual(['niet-klant', 'klant-abcd1234-c1', 'klant-abcd1234-c2']);
    expect(model.populations.map((population) => population.id)).toEqual([ALL_ID, CLIENTS_ID, clusterPopulationId(ref, 1), clusterPopulationId(ref, 2)]);
    const data = await loadPublicationData(session, [education], [income], model);
    expect(educationCounts(data, 'low')).toEqual({ 'niet-klant': 10, 'klant-abcd1234-c1': 10, 'klant-abcd1234-c2': 2 });
    expect(educationCounts(data, 'onbekend')).toEqual({ 'niet-klant': 0, 'klant-abcd1234-c1': 0, 'klant-abcd1234-c2': 5 });
    const amounts = data.amounts.get('disposable_income')!;
    expect(amounts.perPopulation.get(clusterPopulationId(ref, 1))).toMatchObject({ units: 10, known: 10, mean: 12_450, largest: [12_900, 12_800] });
    expect(amounts.perPopulation.get(CLIENTS_ID)).toMatchObject({ units: 25, mean: 13_200 });
  });

  it('keeps the clients outside a clustering of part of them as an atom of their own, with the clustered population', async () => {
    // Only the low-educated clients (0..11) were clustered, in two clusters of six.
    const keys = Array.from({ length: 12 }, (_, i) => String(i).padStart(10, '0'));
    await storeAssignments(
      session,
      'run-b',
      2,
      { householdKey: keys, householdStart: keys.map(() => '20170101') },
      keys.map((_, i) => (i < 6 ? 0 : 1)),
    );
    const lowClients: Population = {
      id: 'laag',
      label: 'Laag opgeleide klanten',
      clientsOnly: true,
      filters: [{ feature: 'education_level', codes: ['low'] }],
    };
    const ref: PublishedClusteringRef = { runId: 'run-b', k: 2, population: lowClients, fingerprint: 'ffff0000' };
    const model = populationModel(ref);
    expect(model.atoms.map((atom) => atom.id)).toEqual(['niet-klant', 'klant', 'klant-ffff0000-c1', 'klant-ffff0000-c2']);
    expect(model.populations.find((population) => population.id === 'laag-ffff0000')).toMatchObject({
      label: 'Laag opgeleide klanten',
      atoms: ['klant-ffff0000-c1', 'klant-ffff0000-c2'],
    });
    expect(model.populations.find((population) => population.id === CLIENTS_ID)?.atoms).toEqual(['klant', 'klant-ffff0000-c1', 'klant-ffff0000-c2']);
    const data = await loadPublicationData(session, [education], [], model);
    expect(educationCounts(data, 'low')).toEqual({ 'niet-klant': 10, klant: 0, 'klant-ffff0000-c1': 6, 'klant-ffff0000-c2': 6 });
    expect(educationCounts(data, 'middle')).toEqual({ 'niet-klant': 15, klant: 8, 'klant-ffff0000-c1': 0, 'klant-ffff0000-c2': 0 });
  });
});
