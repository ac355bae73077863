// Populations, raw cross-tables and the differencing guard on a real DuckDB analysis table.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountStatistics, CLIENT_GROUPING, crossTabulate } from '../../../src-main/analysis/cross-table';
import { featureById, type AmountFeature, type CategoricalFeature } from '../../../src-main/analysis/features';
import { ALL_HOUSEHOLDS, CLIENT_HOUSEHOLDS, populationCountSql, populationDifferenceSql, type Population } from '../../../src-main/analysis/population';
import { appendExportHistory, findDifferencing, historyPath, readExportHistory, type ExportedPopulation } from '../../../src-main/disclosure/differencing-guard';
import { DEFAULT_RULE_SET } from '../../../src-main/disclosure/rule-set';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';
import { ANALYSIS_TABLE } from '../../../src-main/linking/link-households';
import { tempFolder } from '../support/temp-folder';

let session: LockedSession;

// 60 households: 25 clients. Education: clients 12 low, 8 middle, 5 unknown; others 10 low, 15 middle, 10 high.
beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
  await session.query(`CREATE TEMP TABLE ${ANALYSIS_TABLE} AS
    SELECT lpad(i::VARCHAR, 10, '0') AS household_key, i < 25 AS client,
      CASE WHEN i < 12 THEN 'low' WHEN i < 20 THEN 'middle' WHEN i < 25 THEN NULL WHEN i < 35 THEN 'low' WHEN i < 50 THEN 'middle' ELSE 'high' END AS education_level,
      CASE WHEN i < 25 THEN 12000 + i * 100 ELSE 30000 + i * 500 END AS disposable_income,
      CASE WHEN i = 3 THEN '6' ELSE '1' END AS household_type
    FROM range(60) t(i)`);
});
afterAll(() => session?.close());

const units = async (sql: string): Promise<number> => Number((await session.query(sql))[0]?.units);

describe('populations over the analysis table', () => {
  it('count all households, client households and a filtered population', async () => {
    expect(await units(populationCountSql(ALL_HOUSEHOLDS))).toBe(60);
    expect(await units(populationCountSql(CLIENT_HOUSEHOLDS))).toBe(25);
    const lowClients: Population = { id: 'laag', label: 'Laag opgeleide klanten', clientsOnly: true, filters: [{ feature: 'education_level', codes: ['low', null] }] };
    expect(await units(populationCountSql(lowClients))).toBe(17);
  });

  it('count the households in exactly one of two populations', async () => {
    expect(await units(populationDifferenceSql(ALL_HOUSEHOLDS, CLIENT_HOUSEHOLDS))).toBe(35);
    const allButOne: Population = { id: 'zonder-eenouder', label: 'Klanten zonder eenouderhuishoudens', clientsOnly: true, filters: [{ feature: 'household_type', codes: ['1'] }] };
    expect(await units(populationDifferenceSql(CLIENT_HOUSEHOLDS, allButOne))).toBe(1);
  });
});

describe('raw cross-tables', () => {
  it('count households per category and group, unknowns last under their label', async () => {
    const table = await crossTabulate(session, featureById('education_level') as CategoricalFeature, ALL_HOUSEHOLDS, CLIENT_GROUPING);
    expect(table.categories.map((category) => category.label)).toEqual(['Laag', 'Middelbaar', 'Hoog', 'Onbekend']);
    expect(table.counts).toEqual([
      [12, 10],
      [8, 15],
      [0, 10],
      [5, 0],
    ]);
  });

  it('summarise an amount per group with the two largest values for dominance', async () => {
    const [clients, others] = await amountStatistics(session, featureById('disposable_income') as AmountFeature, ALL_HOUSEHOLDS, CLIENT_GROUPING);
    expect(clients).toMatchObject({ groupId: 'klanten', units: 25, known: 25, mean: 13200, median: 13200, largest: [14400, 14300] });
    expect(others?.largest).toEqual([59500, 59000]);
  });
});

describe('the differencing guard', () => {
  const countDifference = async (a: Population, b: Population) => units(populationDifferenceSql(a, b));
  const earlier = (population: Population): ExportedPopulation => ({ outputId: 'eerder', title: 'Eerdere tabel', exportedAt: '2026-11-01T10:00:00Z', folder: '/x', population });

  it('warns when a new population differs from an earlier one by fewer households than the threshold', async () => {
    const clientsWithoutSingleParents: Population = { id: 'k', label: 'k', clientsOnly: true, filters: [{ feature: 'household_type', codes: ['1'] }] };
    const warnings = await findDifferencing([{ outputId: 'nieuw', population: clientsWithoutSingleParents }], [earlier(CLIENT_HOUSEHOLDS)], countDifference, DEFAULT_RULE_SET);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ outputId: 'nieuw', differenceBelow: 10 });
  });

  it('says nothing for the same population or one that differs by the threshold or more', async () => {
    const same = await findDifferencing([{ outputId: 'a', population: CLIENT_HOUSEHOLDS }], [earlier(CLIENT_HOUSEHOLDS), earlier(ALL_HOUSEHOLDS)], countDifference, DEFAULT_RULE_SET);
    expect(same).toEqual([]);
  });

  it('keeps the history of exports across runs, written whole', async () => {
    const folder = await tempFolder();
    const path = historyPath(folder, { name: 'Studie', municipality: '0784', referenceDate: '20171231' });
    expect(await readExportHistory(path)).toEqual([]);
    await appendExportHistory(path, 'Studie', [earlier(CLIENT_HOUSEHOLDS)]);
    await appendExportHistory(path, 'Studie', [earlier(ALL_HOUSEHOLDS)]);
    expect((await readExportHistory(path)).map((entry) => entry.population.id)).toEqual(['klanthuishoudens', 'alle-huishoudens']);
    expect(path.startsWith(join(folder, 'export-history'))).toBe(true);
  });
});
