// Linking the demo world: the analysis table and link report match the generator's ground truth.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStudy } from '../../../src-main/linking/demo-study';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import { DEFAULT_RULE_SET } from '../../../src-main/disclosure/rule-set';
import { LINK_RECORD_RELATIONS } from '../../../src-main/linking/link-report-structure';
import { linkCountId, publishedLinkReportSchema, type LinkReport } from '../../../src-main/linking/link-report';
import { buildPublication } from '../../../src-main/publication/study-publication';
import { runStudy, type StudySession } from '../../../src-main/linking/run-study';
import { convertExtractsToParquet } from '../../../src-main/synthetic/parquet-export';
import { tempFolder } from '../support/temp-folder';
import { generateWorld } from '../synthetic/support/demo-world';
import { asDutchSpreadsheet, plantedClientHouseholds, writeSavExtracts } from './support/extract-copies';

let folder: string;
let report: LinkReport;
let session: StudySession;
let expected: { persons: number; households: number; clientHouseholds: number; householdsByType: Record<string, number> };

function count(step: string, id: string): number | undefined {
  return report.steps.find((s) => s.id === step)?.counts.find((c) => c.id === id)?.count;
}

beforeAll(async () => {
  ({ folder } = await generateWorld());
  expected = JSON.parse(await readFile(join(folder, 'ground-truth', 'expected.json'), 'utf8'));
  ({ report, session } = await runStudy(demoStudy({ folder })));
}, 60_000);
afterAll(() => session?.close());

describe('the analysis table of the demo world', () => {
  it('has exactly the expected households, persons and household types', async () => {
    const [row] = await session.query(`SELECT count(*) AS households, sum(members_found) AS persons, sum(size) AS sizes FROM ${ANALYSIS_TABLE}`);
    expect(row).toEqual({ households: expected.households, persons: expected.persons, sizes: expected.persons });
    const types = await session.query(`SELECT household_type, count(*) AS n FROM ${ANALYSIS_TABLE} GROUP BY ALL`);
    expect(Object.fromEntries(types.map((t) => [t.household_type, t.n]))).toEqual(expected.householdsByType);
  });

  it('flags exactly the planted client households', async () => {
    const planted = await plantedClientHouseholds(folder);
    const flagged = (await session.query(`SELECT household_key, household_start FROM ${ANALYSIS_TABLE} WHERE client`)).map(
      (r) => `${r.household_key},${r.household_start}`,
    );
    expect(flagged).toHaveLength(191);
    expect(new Set(flagged)).toEqual(new Set(planted));
  });

  it('carries every feature the issue asks for, with plausible values', async () => {
    const [row] = await session.query(`SELECT
      count(*) FILTER (WHERE reference_age BETWEEN 16 AND 110) AS aged,
      count(*) FILTER (WHERE children > 0 AND youngest_child_age BETWEEN 0 AND 25) AS with_youngest,
      count(*) FILTER (WHERE children = 0 AND youngest_child_age IS NULL) AS without_children,
      count(*) FILTER (WHERE education_level IN ('low', 'middle', 'high')) AS educated,
      count(*) FILTER (WHERE disposable_income IS NULL) AS unknown_income,
      count(*) FILTER (WHERE tenure = '3') AS allowance,
      count(*) FILTER (WHERE income_source = '22' AND benefit_type = '3') AS assistance,
      count(*) FILTER (WHERE client AND client_days > 0) AS client_days,
      count(*) FILTER (WHERE youth_help) AS youth_help, count(*) FILTER (WHERE youth_protection) AS youth_protection,
      count(*) FILTER (WHERE wmo) AS wmo, count(*) FILTER (WHERE migration_background) AS migration
      FROM ${ANALYSIS_TABLE}`);
    expect(row!.aged).toBe(expected.households);
    expect(Number(row!.with_youngest) + Number(row!.without_children)).toBe(expected.households);
    expect(Number(row!.educated)).toBeGreaterThan(expected.households * 0.85);
    expect(Number(row!.unknown_income)).toBeGreaterThan(50);
    expect(row!.client_days).toBe(191);
    for (const key of ['allowance', 'assistance', 'youth_help', 'youth_protection', 'wmo', 'migration']) expect(Number(row![key]), key).toBeGreaterThan(20);
  });

  it('reports each step with counts that agree with the ground truth', () => {
    expect(count('residents', 'residents')).toBe(expected.persons);
    expect(count('households', 'households')).toBe(expected.households);
    expect(count('households', 'residentsWithoutHousehold')).toBe(0);
    expect(count('table', 'clientHouseholds')).toBe(191);
    expect(count('clients', 'notInRegister')).toBe(3);
    expect(count('clients', 'badPeriod')).toBe(1);
    expect(count('clients', 'notRegistered')).toBe(3);
    expect(count('clients', 'livingElsewhere')).toBeGreaterThan(10);
    expect(count('clients', 'notValid')).toBeGreaterThan(20);
  });

  it('publishes the report through the ledger: small counts hidden, not recoverable from its sums, the same figures as its table', async () => {
    const publication = await buildPublication(session, { rules: DEFAULT_RULE_SET, method: 'suppression', recodes: {}, linkReport: report, clustering: null });
    const published = publishedLinkReportSchema.parse(publication.linkReport);
    expect(published).toMatchObject({ referenceDate: '20171231', municipality: '0784', ruleSet: { name: DEFAULT_RULE_SET.name } });
    const clients = published.steps.find((s) => s.id === 'clients')!.counts;
    expect(clients.find((c) => c.id === 'notInRegister')).toEqual({ id: 'notInRegister', label: expect.any(String), hidden: true });
    expect(clients.find((c) => c.id === 'badPeriod')).toEqual({ id: 'badPeriod', label: expect.any(String), hidden: true });
    expect(JSON.stringify(published)).not.toMatch(/"count":[1-9]\b/);
    expect(published.steps.find((s) => s.id === 'households')!.counts.find((c) => c.id === 'households')).toMatchObject({ count: expected.households });
    expect(published.steps.find((s) => s.id === 'table')!.counts.find((c) => c.id === 'clientHouseholds')).toMatchObject({ count: 191 });
    // Valid persons = living in the municipality + elsewhere + not registered: with 3 not registered, hiding that one
    // alone would give it away, so a second part goes too.
    const shown = new Map(published.steps.flatMap((step) => step.counts.map((count) => [linkCountId(step, count), 'count' in count] as const)));
    for (const relation of LINK_RECORD_RELATIONS) {
      if (relation.kind !== 'sum') continue;
      const members = [relation.total, ...relation.parts];
      if (!members.every((id) => shown.has(id))) continue;
      expect(members.filter((id) => !shown.get(id)).length, members.join(' + ')).not.toBe(1);
    }
    expect(shown.get('clients.livingElsewhere')).toBe(false);
    // The report as the Populatie page shows it and the koppelrapport table of an export are one set of figures.
    const rows = publication.linkTable.table.rows;
    const counts = published.steps.flatMap((step) => step.counts);
    expect(rows.map((row) => (row.cells[0]!.status === 'suppressed' ? 'x' : 'value' in row.cells[0]! ? row.cells[0].value : null))).toEqual(
      counts.map((count) => ('count' in count ? count.count : 'x')),
    );
    expect(publication.linkTable.table.notes.join(' ')).toMatch(/cellen zijn niet getoond \(x\)/);
  });
});

describe('other inputs, same answer', () => {
  it('links Parquet copies of the extracts to the same table', async () => {
    const copy = await tempFolder('groepsbeeld-parquet-');
    for (const name of await readdir(folder)) {
      if (name.endsWith('.csv')) await copyFile(join(folder, name), join(copy, name));
    }
    await convertExtractsToParquet(copy);
    const run = await runStudy(demoStudy({ folder: copy }, 'parquet'));
    try {
      const digest =
        `SELECT count(*) AS n, sum(hash(household_key, household_type, size, reference_age, education_level, ` +
        `disposable_income, tenure, youth_help, wmo, client)) AS h FROM ${ANALYSIS_TABLE}`;
      expect(await run.session.query(digest)).toEqual(await session.query(digest));
    } finally {
      await run.session.close();
    }
  });

  it('follows role overrides when a file names its columns differently', async () => {
    const copy = await tempFolder('groepsbeeld-roles-');
    const clients = await readFile(join(folder, 'VOEDSELBANK_KLANTEN.csv'), 'utf8');
    await writeFile(join(copy, 'klanten.csv'), clients.replace('STARTDATUM,EINDDATUM', 'van,tot'));
    const study = demoStudy({ folder });
    study.inputs = study.inputs.map((input) =>
      input.kind === 'clients' ? { path: join(copy, 'klanten.csv'), kind: 'clients', roles: { clientBegin: 'van', clientEnd: 'tot' } } : input,
    );
    const run = await runStudy(study);
    try {
      expect(await run.session.query(`SELECT count(*) AS n FROM ${ANALYSIS_TABLE} WHERE client`)).toEqual([{ n: 191 }]);
      // The report says which column each renamed role came from.
      expect(run.report.notes).toEqual([
        'klanten.csv: de rol clientBegin komt uit kolom van (de CBS-naam is STARTDATUM).',
        'klanten.csv: de rol clientEnd komt uit kolom tot (de CBS-naam is EINDDATUM).',
      ]);
    } finally {
      await run.session.close();
    }
    study.inputs = study.inputs.map((input) => (input.kind === 'clients' ? { ...input, roles: {} } : input));
    await expect(runStudy(study)).rejects.toThrow(/klanten\.csv heeft geen kolom STARTDATUM voor de rol clientBegin/);
  });
});

describe('the same inputs as a Dutch spreadsheet saves them', () => {
  it('links ";"-delimited Windows-1252 files with decimal commas headless to the same table and report', async () => {
    const copy = await tempFolder('groepsbeeld-1252-');
    // Latin-1 only (DuckDB reads it directly), with a non-ASCII municipality name.
    await asDutchSpreadsheet(
      join(folder, 'VSLGWB2018TABV1.csv'),
      join(copy, 'VSLGWB2018TABV1.csv'),
      (row) => [row % 2 === 0 ? 'Súdwest-Fryslân' : 'Gilze en Rijen', `${row % 100},5`],
      ['gemeentenaam', 'oppervlakte'],
    );
    // With euro signs (read from a private UTF-8 copy), a non-ASCII name and an amount with a decimal comma.
    await asDutchSpreadsheet(
      join(folder, 'VOEDSELBANK_KLANTEN.csv'),
      join(copy, 'VOEDSELBANK_KLANTEN.csv'),
      (row) => [`Zoë Ærts ${row}`, `€ ${row},50`, `${row},25`],
      ['naam', 'opmerking', 'bijdrage'],
    );
    expect((await readFile(join(copy, 'VOEDSELBANK_KLANTEN.csv'))).includes(0x80)).toBe(true);
    const study = demoStudy({ folder });
    study.inputs = study.inputs.map((input) =>
      input.kind === 'addressRegions' || input.kind === 'clients' ? { ...input, path: join(copy, basename(input.path)) } : input,
    );
    const run = await runStudy(study);
    try {
      expect(run.report).toEqual(report);
      const digest =
        `SELECT count(*) AS n, count(*) FILTER (WHERE client) AS clients, sum(hash(household_key, household_type, size, reference_age, ` +
        `education_level, disposable_income, tenure, youth_help, wmo, client, client_days)) AS h FROM ${ANALYSIS_TABLE}`;
      expect(await run.session.query(digest)).toEqual(await session.query(digest));
    } finally {
      await run.session.close();
    }
  });
});

describe('cancelling', () => {
  it('stops between or inside steps, leaves no table behind and closes the session', async () => {
    const controller = new AbortController();
    const steps: number[] = [];
    const run = runStudy(demoStudy({ folder }), {
      signal: controller.signal,
      onProgress: ({ step }) => {
        steps.push(step);
        if (step === 3) controller.abort(new Error('stop'));
      },
    });
    await expect(run).rejects.toThrow();
    expect(Math.max(...steps)).toBe(3);
  });
});

describe('.sav inputs, as CBS delivers them', () => {
  it('links a .sav person register and client list to the same answer', async () => {
    const copy = await tempFolder('groepsbeeld-sav-');
    await writeSavExtracts(folder, copy);
    const study = demoStudy({ folder });
    const person = { personSource: 'RINPERSS', personKey: 'RINPERS' };
    study.inputs = study.inputs.map((input) =>
      input.kind === 'clients'
        ? { path: join(copy, 'VOEDSELBANK_KLANTEN.sav'), kind: 'clients', roles: { ...person, clientBegin: 'STARTDAT', clientEnd: 'EINDDAT' } }
        : input.kind === 'persons'
          ? {
              path: join(copy, 'GBAPERSOON2018TABV1.sav'),
              kind: 'persons',
              roles: { ...person, birthYear: 'JAAR', birthMonth: 'MAAND', generation: 'GENERATI' },
            }
          : input,
    );
    const run = await runStudy(study);
    try {
      const digest =
        `SELECT count(*) AS n, count(*) FILTER (WHERE client) AS clients, ` +
        `sum(hash(household_key, reference_age, migration_background, client_days)) AS h FROM ${ANALYSIS_TABLE}`;
      expect(await run.session.query(digest)).toEqual(await session.query(digest));
    } finally {
      await run.session.close();
    }
  });
});

describe('another world (seed 99)', () => {
  it('links to exactly its own ground truth: households, persons, types and the planted clients', async () => {
    const other = await generateWorld(99);
    const truth: typeof expected = JSON.parse(await readFile(join(other.folder, 'ground-truth', 'expected.json'), 'utf8'));
    const run = await runStudy(demoStudy({ folder: other.folder }));
    try {
      const [row] = await run.session.query(`SELECT count(*) AS households, sum(members_found) AS persons FROM ${ANALYSIS_TABLE}`);
      expect(row).toEqual({ households: truth.households, persons: truth.persons });
      const types = await run.session.query(`SELECT household_type, count(*) AS n FROM ${ANALYSIS_TABLE} GROUP BY ALL`);
      expect(Object.fromEntries(types.map((t) => [t.household_type, t.n]))).toEqual(truth.householdsByType);
      const planted = await plantedClientHouseholds(other.folder);
      const flagged = (await run.session.query(`SELECT household_key, household_start FROM ${ANALYSIS_TABLE} WHERE client`)).map(
        (r) => `${r.household_key},${r.household_start}`,
      );
      expect(new Set(flagged)).toEqual(new Set(planted));
      expect(flagged).toHaveLength(truth.clientHouseholds);
      // A different world: not the demo's households.
      expect(await run.session.query(`SELECT sum(hash(household_key, household_type, size)) AS h FROM ${ANALYSIS_TABLE}`)).not.toEqual(
        await session.query(`SELECT sum(hash(household_key, household_type, size)) AS h FROM ${ANALYSIS_TABLE}`),
      );
    } finally {
      await run.session.close();
    }
  });
});
