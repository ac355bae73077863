// The demo world on real files: the municipality cut, the naive-join trap, histories, keys and marginals.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, type LoadedWorld } from './support/demo-world';

let world: LoadedWorld;
let expected: {
  persons: number;
  households: number;
  clientHouseholds: number;
  clientHouseholdsByCluster: Record<string, number>;
  householdsByType: Record<string, number>;
  clientPeriod: { underSixMonths: number; overOneYear: number };
};

const REF = "'20171231'";
/** Persons living in Gilze en Rijen on the reference date: address spell valid on the date, object in 0784. */
const RESIDENTS = `
  SELECT a.RINPERSOON FROM addresses a JOIN addressRegions r USING (SOORTOBJECTNUMMER, RINOBJECTNUMMER)
  WHERE r.gem2017 = '0784' AND a.GBADATUMAANVANGADRESHOUDING <= ${REF} AND a.GBADATUMEINDEADRESHOUDING >= ${REF}`;

beforeAll(async () => {
  world = await loadWorld();
  expected = JSON.parse(await readFile(join(world.folder, 'ground-truth', 'expected.json'), 'utf8'));
  const s = world.session;
  await s.query(`CREATE TABLE residents AS ${RESIDENTS}`);
  await s.query(`CREATE TABLE resident_spells AS SELECT h.* FROM households h JOIN residents USING (RINPERSOON)
                 WHERE h.DATUMAANVANGHH <= ${REF} AND h.DATUMEINDEHH >= ${REF}`);
  await s.query(`CREATE TABLE hh AS SELECT DISTINCT HUISHOUDNR, DATUMAANVANGHH, TYPHH, AANTALPERSHH::INTEGER AS size FROM resident_spells`);
  await s.query(`CREATE TABLE client_hh AS SELECT DISTINCT r.HUISHOUDNR, r.DATUMAANVANGHH FROM resident_spells r JOIN clients c USING (RINPERSOON)
                 WHERE c.STARTDATUM <= ${REF} AND c.EINDDATUM >= ${REF}`);
  await s.query(
    `CREATE TABLE breadwinner AS SELECT DISTINCT r.HUISHOUDNR, r.DATUMAANVANGHH, k.RINPERSOONHKW FROM resident_spells r JOIN incomeLink k USING (RINPERSOON)`,
  );
  await s.query(`CREATE TABLE facts AS
    SELECT hh.*, c.HUISHOUDNR IS NOT NULL AS client, i.INHEHALGR AS tenure, i.INHBBIHJ AS source, i.INHBESTINKH::BIGINT AS income,
      EXISTS (SELECT 1 FROM resident_spells m JOIN youthHelp y USING (RINPERSOON)
              WHERE m.HUISHOUDNR = hh.HUISHOUDNR AND y.JGDHGELDIGHEIDBEGINDATUM <= ${REF} AND y.JGDHGELDIGHEIDEINDDATUM >= ${REF}) AS youth_help,
      EXISTS (SELECT 1 FROM resident_spells m JOIN persons p USING (RINPERSOON) WHERE m.HUISHOUDNR = hh.HUISHOUDNR AND p.GBAGENERATIE <> '0') AS migration,
      (SELECT max(left(e.OPLNIVSOI2021AGG4HBMETNIRWO, 1)) FROM resident_spells m JOIN education e USING (RINPERSOON)
        WHERE m.HUISHOUDNR = hh.HUISHOUDNR AND m.PLHH <> '1' AND e.OPLNIVSOI2021AGG4HBMETNIRWO <> '----') AS education
    FROM hh LEFT JOIN client_hh c USING (HUISHOUDNR, DATUMAANVANGHH)
    LEFT JOIN breadwinner b USING (HUISHOUDNR, DATUMAANVANGHH) LEFT JOIN householdIncome i ON i.RINPERSOONHKW = b.RINPERSOONHKW`);
});
afterAll(() => world?.session.close());

async function share(condition: string, population: string): Promise<number> {
  return Number(await world.scalar(`SELECT avg((${condition})::INTEGER) FROM facts WHERE ${population}`));
}

describe('the municipality cut at the reference date', () => {
  it('finds the planned Gilze en Rijen: 11,346 households and about 26,431 residents', async () => {
    expect(expected.households).toBe(11_346);
    expect(expected.persons).toBeGreaterThan(26_431 * 0.98);
    expect(expected.persons).toBeLessThan(26_431 * 1.02);
    expect(await world.scalar('SELECT count(*) FROM residents')).toBe(expected.persons);
    expect(await world.scalar('SELECT count(DISTINCT RINPERSOON) FROM residents')).toBe(expected.persons);
    expect(await world.scalar('SELECT count(*) FROM hh')).toBe(expected.households);
    expect(await world.scalar('SELECT sum(size) FROM hh')).toBe(expected.persons);
  });

  it('gives every resident exactly one household on the reference date', async () => {
    expect(await world.scalar('SELECT count(*) FROM resident_spells')).toBe(expected.persons);
  });

  it('finds exactly the 191 planted client households through the dated client periods', async () => {
    expect(await world.scalar('SELECT count(*) FROM client_hh')).toBe(191);
    const truth = (await readFile(join(world.folder, 'ground-truth', 'clusters.csv'), 'utf8')).trim().split('\n').slice(1);
    const found = (await world.session.query('SELECT HUISHOUDNR, DATUMAANVANGHH FROM client_hh')).map((row) => `${row.HUISHOUDNR},${row.DATUMAANVANGHH}`);
    expect(new Set(found)).toEqual(new Set(truth.map((line) => line.split(',').slice(0, 2).join(','))));
    expect(expected.clientHouseholdsByCluster).toEqual({ 1: 35, 2: 38, 3: 26, 4: 30, 5: 62 });
  });
});

describe('the naive-join trap', () => {
  it('counts far too many residents when address dates are ignored', async () => {
    const naive = Number(
      await world.scalar(
        `SELECT count(DISTINCT a.RINPERSOON) FROM addresses a JOIN addressRegions r USING (SOORTOBJECTNUMMER, RINOBJECTNUMMER) WHERE r.gem2017 = '0784'`,
      ),
    );
    expect(naive).toBeGreaterThan(expected.persons * 1.1);
  });

  it('puts residents into several households when household dates are ignored', async () => {
    const rows = Number(await world.scalar('SELECT count(*) FROM households JOIN residents USING (RINPERSOON)'));
    expect(rows).toBeGreaterThan(expected.persons * 1.5);
  });

  it('counts former and future clients when client periods are ignored', async () => {
    const naive = Number(await world.scalar('SELECT count(DISTINCT r.HUISHOUDNR) FROM resident_spells r JOIN clients c USING (RINPERSOON)'));
    expect(naive).toBeGreaterThan(191 + 20);
  });
});

describe('histories', () => {
  it.each([
    ['households', 'DATUMAANVANGHH', 'DATUMEINDEHH'],
    ['addresses', 'GBADATUMAANVANGADRESHOUDING', 'GBADATUMEINDEADRESHOUDING'],
    ['socioEconomic', 'AANVSECM', 'EINDSECM'],
  ])('never lets two %s spells of one person overlap, and every spell ends after it begins', async (table, begin, end) => {
    const overlaps = await world.scalar(`
      SELECT count(*) FROM (
        SELECT ${begin} AS b, lag(${end}) OVER (PARTITION BY RINPERSOON ORDER BY ${begin}) AS previous_end FROM ${table}
      ) WHERE previous_end >= b`);
    expect(overlaps).toBe(0);
    expect(await world.scalar(`SELECT count(*) FROM ${table} WHERE ${end} < ${begin}`)).toBe(0);
    expect(Number(await world.scalar(`SELECT count(*) FROM ${table}`))).toBeGreaterThan(1000);
  });

  it('has people who moved, households that changed, benefits that stopped', async () => {
    expect(Number(await world.scalar('SELECT avg(n) FROM (SELECT count(*) AS n FROM addresses GROUP BY RINPERSOON)'))).toBeGreaterThan(3);
    expect(Number(await world.scalar(`SELECT count(*) FROM households WHERE DATUMAANVANGHH > ${REF}`))).toBeGreaterThan(500);
    expect(Number(await world.scalar(`SELECT count(*) FROM socioEconomic WHERE EINDSECM < ${REF}`))).toBeGreaterThan(1000);
    expect(Number(await world.scalar(`SELECT count(*) FROM youthHelp WHERE JGDHGELDIGHEIDEINDDATUM < ${REF}`))).toBeGreaterThan(50);
  });
});

describe('keys and formats', () => {
  it('keeps keys as fixed-width text with leading zeros', async () => {
    expect(await world.scalar("SELECT count(*) FROM persons WHERE NOT regexp_full_match(RINPERSOON, '[0-9]{9}')")).toBe(0);
    expect(Number(await world.scalar("SELECT avg((RINPERSOON LIKE '0%')::INTEGER) FROM persons"))).toBeGreaterThan(0.05);
    expect(await world.scalar('SELECT count(*) - count(DISTINCT RINPERSOON) FROM persons')).toBe(0);
    expect(await world.scalar("SELECT count(*) FROM addressRegions WHERE NOT regexp_full_match(RINOBJECTNUMMER, '0[0-9]{11}')")).toBe(0);
    expect(await world.scalar("SELECT count(*) FROM households WHERE NOT regexp_full_match(HUISHOUDNR, '[0-9]{10}')")).toBe(0);
  });

  it('writes dates as YYYYMMDD text with 20501231 for an open end', async () => {
    expect(
      await world.scalar(
        'SELECT count(*) FROM addresses WHERE NOT regexp_full_match(GBADATUMAANVANGADRESHOUDING ' +
          "|| GBADATUMEINDEADRESHOUDING, '(19|20)[0-9]{6}(19|20)[0-9]{6}')",
      ),
    ).toBe(0);
    expect(Number(await world.scalar("SELECT count(*) FROM addresses WHERE GBADATUMEINDEADRESHOUDING = '20501231'"))).toBeGreaterThan(expected.persons);
  });

  it('marks unknown income as 9999999999', async () => {
    const unknown = await share('income = 9999999999', 'NOT client');
    expect(unknown).toBeGreaterThan(0.005);
    expect(unknown).toBeLessThan(0.05);
  });
});

describe('marginals of all households in Gilze en Rijen', () => {
  it.each([
    ['one-person households', "TYPHH = '1'", 0.25, 0.35],
    ['couples with children', "TYPHH IN ('4', '5')", 0.28, 0.4],
    ['single parents', "TYPHH = '6'", 0.05, 0.1],
    ['owner-occupied homes', "tenure = '1'", 0.52, 0.68],
    ['rent with housing allowance', "tenure = '3'", 0.05, 0.15],
    ['pension as main income', "source = '25'", 0.12, 0.22],
    ['social assistance', "source = '22'", 0.02, 0.06],
    ['a migration background', 'migration', 0.12, 0.3],
    ['youth help on the reference date', 'youth_help', 0.03, 0.09],
    ['low education (of those known)', "education = '1'", 0.15, 0.3],
  ])('has a realistic share of %s', async (_label, condition, low, high) => {
    const value = await share(condition, 'NOT client');
    expect(value).toBeGreaterThan(low);
    expect(value).toBeLessThan(high);
  });

  it('has a realistic household size and income', async () => {
    const size = Number(await world.scalar('SELECT avg(size) FROM facts'));
    expect(size).toBeGreaterThan(2.25);
    expect(size).toBeLessThan(2.4);
    const median = Number(await world.scalar('SELECT median(income) FROM facts WHERE income < 9999999999 AND NOT client'));
    expect(median).toBeGreaterThan(30_000);
    expect(median).toBeLessThan(45_000);
  });
});

describe('client households compared with all households (the seed contrasts)', () => {
  it('rent with housing allowance about two times in three', async () => {
    const allowance = await share("tenure = '3'", 'client');
    expect(allowance).toBeGreaterThan(0.6);
    expect(allowance).toBeLessThan(0.75);
  });

  it('have low education about half the time', async () => {
    const low = Number(await world.scalar("SELECT avg((education = '1')::INTEGER) FROM facts WHERE client AND education IS NOT NULL"));
    expect(low).toBeGreaterThan(0.42);
    expect(low).toBeLessThan(0.56);
  });

  it('are more often single-person or single-parent, with more youth care, lower income, more migration', async () => {
    expect(await share("TYPHH IN ('1', '6')", 'client')).toBeGreaterThan((await share("TYPHH IN ('1', '6')", 'NOT client')) + 0.1);
    expect(await share('youth_help', 'client')).toBeGreaterThan(2 * (await share('youth_help', 'NOT client')));
    expect(await share('migration', 'client')).toBeGreaterThan(await share('migration', 'NOT client'));
    const medians = await world.session.query('SELECT client, median(income) AS m FROM facts WHERE income < 9999999999 GROUP BY client');
    const byClient = Object.fromEntries(medians.map((row) => [String(row.client), Number(row.m)]));
    expect(byClient.true).toBeLessThan(0.5 * byClient.false!);
  });

  it('have the seed client periods: 13 % under six months, 55 % over a year', () => {
    expect(expected.clientPeriod.underSixMonths).toBeCloseTo(0.13, 2);
    expect(expected.clientPeriod.overOneYear).toBeCloseTo(0.55, 2);
  });
});

describe('the planted clusters', () => {
  /** The modal value of a column per planted cluster. */
  async function modal(column: string): Promise<Record<string, string>> {
    const rows = await world.session.query(`
      SELECT CLUSTER, mode(${column}) AS modal FROM facts JOIN planted USING (HUISHOUDNR, DATUMAANVANGHH) GROUP BY CLUSTER`);
    return Object.fromEntries(rows.map((row) => [String(row.CLUSTER), String(row.modal)]));
  }

  it('carry the seed table modal benefit, household type and tenure', async () => {
    expect(await modal('source')).toEqual({ 1: '11', 2: '21', 3: '22', 4: '24', 5: '22' });
    const types = await modal('TYPHH');
    expect(types['3']).toBe('6');
    expect(types['5']).toBe('1');
    expect(['2', '3']).toContain(types['1']);
    expect(['4', '5']).toContain(types['2']);
    const tenure = await modal('tenure');
    expect(tenure['1']).toBe('1');
    expect(tenure['3']).toBe('3');
    expect(tenure['5']).toBe('3');
  });

  it('are not pure: not every household in a cluster has the modal trait', async () => {
    const rows = await world.session.query(`
      SELECT CLUSTER, avg((source = mode_source)::INTEGER) AS purity FROM (
        SELECT f.source, p.CLUSTER, mode(f.source) OVER (PARTITION BY p.CLUSTER) AS mode_source
        FROM facts f JOIN planted p USING (HUISHOUDNR, DATUMAANVANGHH)) GROUP BY CLUSTER`);
    for (const row of rows) {
      expect(Number(row.purity), `cluster ${row.CLUSTER}`).toBeLessThan(0.98);
      expect(Number(row.purity), `cluster ${row.CLUSTER}`).toBeGreaterThan(0.6);
    }
  });
});
