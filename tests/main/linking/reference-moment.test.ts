// Measuring client households at the start of their client period (study file or Populatie page: referenceMoment
// "clientStart"), on a generated world (seed 23) whose Wmo and Halt files are rewritten so that only the moment decides:
// half the clients get a Wmo spell that ends on the day their client period starts, and a Halt referral three years
// before it. An oracle written here over the raw files says which households must have each; the app's analysis
// table (read through the engine, as the publication reads it) must match it exactly, and at the reference date the
// same files must give what that date implies.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import { parseStudy } from '../../../src-main/linking/study-file';
import { tempFolder } from '../support/temp-folder';
import { testApp, type TestApp } from '../support/test-app';
import { generateWorld } from '../synthetic/support/demo-world';

const REFERENCE = '20171231';
const OPEN = `(EINDDATUM IS NULL OR trim(EINDDATUM) IN ('', '0', '99999999', '20501231'))`;

let folder: string;
let app: TestApp;
let raw: LockedSession;

/** The date three years before a YYYYMMDD date (29 February becomes 28 February). */
function threeYearsBefore(date: string): string {
  const year = Number(date.slice(0, 4)) - 3;
  const day = date.slice(4) === '0229' ? '0228' : date.slice(4);
  return `${year}${day}`;
}

beforeAll(async () => {
  ({ folder } = await generateWorld(23));
  raw = await openLockedSession({ readableFiles: (await readdir(folder)).map((name) => join(folder, name)) });
  const csv = (name: string) => `read_csv('${join(folder, name)}', header = true, all_varchar = true)`;
  await raw.query(`CREATE TABLE clients AS SELECT * FROM ${csv('VOEDSELBANK_KLANTEN.csv')}`);
  await raw.query(`CREATE TABLE spells AS SELECT * FROM ${csv('GBAHUISHOUDENS2018BUSV1.csv')}`);
  // The planted clients: every other person (by key) with a client period running on the reference date that began before it.
  await raw.query(
    `CREATE TABLE planted AS SELECT RINPERSOON AS person, min(STARTDATUM) AS start FROM clients
     WHERE STARTDATUM < '${REFERENCE}' AND (${OPEN} OR EINDDATUM >= '${REFERENCE}') AND right(RINPERSOON, 1) IN ('0', '2', '4', '6', '8') GROUP BY ALL`,
  );
  const planted = (await raw.query('SELECT person, start FROM planted ORDER BY person')).map((row) => ({
    person: String(row.person),
    start: String(row.start),
  }));
  expect(planted.length).toBeGreaterThan(30);
  await writeFile(
    join(folder, 'WMOGEBRUIK2018BUSV1.csv'),
    ['RINPERSOONS,RINPERSOON,WMODATUMAANVANG,WMODATUMEINDE,WMOSOORTVOORZIENING', ...planted.map((p) => `R,${p.person},19900101,${p.start},1`)].join('\n') +
      '\n',
  );
  await writeFile(
    join(folder, 'HALT2018TABV1.csv'),
    ['RINPERSOONS,RINPERSOON,HALTDATUM,HALTDELICT', ...planted.map((p) => `R,${p.person},${threeYearsBefore(p.start)},1`)].join('\n') + '\n',
  );
  const paths = (await readdir(folder)).filter((name) => name.endsWith('.csv')).map((name) => join(folder, name));
  app = await testApp(await tempFolder(), { pickFiles: async () => paths });
  await app.call('openFiles');
}, 180_000);
afterAll(async () => {
  await app?.engine.close();
  await raw?.close();
});

/** The oracle: per household on the reference date, its moment and whether a planted member makes it Wmo or Halt. */
async function expected(moment: 'referenceDate' | 'clientStart') {
  const rows = await raw.query(
    `WITH members AS (
       SELECT HUISHOUDNR AS household, RINPERSOON AS person FROM spells WHERE DATUMAANVANGHH <= '${REFERENCE}' AND DATUMEINDEHH >= '${REFERENCE}'
     ), starts AS (
       SELECT RINPERSOON AS person, min(STARTDATUM) AS start FROM clients
       WHERE STARTDATUM <= '${REFERENCE}' AND (${OPEN} OR EINDDATUM >= '${REFERENCE}') GROUP BY ALL
     ), moments AS (
       SELECT m.household, ${moment === 'clientStart' ? `coalesce(min(s.start), '${REFERENCE}')` : `'${REFERENCE}'`} AS moment
       FROM members m LEFT JOIN starts s USING (person) GROUP BY ALL
     )
     SELECT h.household,
       bool_or(p.person IS NOT NULL AND p.start >= h.moment) AS wmo,
       bool_or(p.person IS NOT NULL AND strptime(h.moment, '%Y%m%d') - INTERVAL 4 YEAR < strptime(p.halt, '%Y%m%d')
         AND p.halt <= h.moment) AS halt
     FROM moments h JOIN members m USING (household)
     LEFT JOIN (SELECT person, start, strftime(strptime(start, '%Y%m%d') - INTERVAL 3 YEAR, '%Y%m%d') AS halt FROM planted) p USING (person)
     GROUP BY ALL`,
  );
  return new Map(rows.map((row) => [String(row.household), { wmo: row.wmo === true, halt: row.halt === true }]));
}

/** The client households of the app's analysis table with their Wmo and Halt values. */
async function linked(referenceMoment: 'referenceDate' | 'clientStart') {
  await app.call('linkHouseholds', { referenceDate: REFERENCE, municipality: '0784', referenceMoment });
  const rows = await app.engine.withSession((session) =>
    session.query(`SELECT household_key AS household, wmo, k_halt_4y AS halt FROM ${ANALYSIS_TABLE} WHERE client ORDER BY 1`),
  );
  return rows.map((row) => ({ household: String(row.household), wmo: row.wmo === true, halt: row.halt === true }));
}

describe('the reference moment per household', () => {
  it('measures care and the catalogue at the start of the client period, as the oracle says', async () => {
    const oracle = await expected('clientStart');
    const clients = await linked('clientStart');
    expect(clients.length).toBeGreaterThan(50);
    expect(clients).toEqual(clients.map(({ household }) => ({ household, ...oracle.get(household) })));
    const wmo = clients.filter((row) => row.wmo).length;
    const halt = clients.filter((row) => row.halt).length;
    // The planting reaches about half the client households; the Halt referral falls out of the window where
    // another member's period began more than a year before the planted client's.
    expect(wmo).toBeGreaterThan(20);
    expect(halt).toBeGreaterThan(10);
    expect(halt).toBeLessThanOrEqual(wmo);
  }, 120_000);

  it('at the reference date the same files give no Wmo at all, and Halt only for periods that began in the last year', async () => {
    const oracle = await expected('referenceDate');
    const clients = await linked('referenceDate');
    expect(clients).toEqual(clients.map(({ household }) => ({ household, ...oracle.get(household) })));
    expect(clients.filter((row) => row.wmo)).toEqual([]);
    expect(clients.filter((row) => row.halt).length).toBeLessThan((await linked('clientStart')).filter((row) => row.halt).length);
  }, 120_000);

  it('counts the households measured at their start in the link report, and says what was measured there', async () => {
    await app.call('linkHouseholds', { referenceDate: REFERENCE, municipality: '0784', referenceMoment: 'clientStart' });
    const report = await app.call<{ steps: { id: string; counts: { id: string; count?: number }[] }[]; notes: string[] }>('lastLinkReport');
    const counts = report.steps.find((step) => step.id === 'households')?.counts ?? [];
    const clientHouseholds = report.steps.find((step) => step.id === 'table')?.counts.find((count) => count.id === 'clientHouseholds')?.count;
    expect(counts.find((count) => count.id === 'measuredAtClientStart')?.count).toBe(clientHouseholds);
    expect(report.notes.join(' ')).toMatch(/start van de klantperiode/);
  }, 120_000);

  it('reads the moment from the study file, the reference date when it says nothing, and refuses an unknown one by name', () => {
    const study = {
      version: 1,
      name: 'x',
      referenceDate: REFERENCE,
      municipality: { code: '0784' },
      inputs: ['persons', 'households', 'addresses', 'addressRegions'].map((kind) => ({ path: `/${kind}.csv`, kind })),
    };
    expect(parseStudy(study, 'studie.json').referenceMoment).toBe('referenceDate');
    expect(parseStudy({ ...study, referenceMoment: 'clientStart' }, 'studie.json').referenceMoment).toBe('clientStart');
    expect(() => parseStudy({ ...study, referenceMoment: 'start' }, 'studie.json')).toThrow(/studie.json .*referenceMoment/);
  });
});
