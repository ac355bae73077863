// The differencing guard on units: fingerprints of exported populations (salted hashes of which households, and of
// what was published about each) in a store shared by every export of the installation, compared with a new export.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAssignments } from '../../../src-main/analysis/clustering-service/assignments';
import { CLIENT_HOUSEHOLDS, populationDifferenceSql } from '../../../src-main/analysis/population';
import { DEFAULT_RULE_SET } from '../../../src-main/disclosure/rule-set';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';
import { UserFacingError } from '../../../src-main/common/errors';
import { describeFinding, justificationLogEntry, refusalReasons, validJustification } from '../../../src-main/publication/differencing-messages';
import { differencingFindings, type CandidatePopulation, type FindingCounters } from '../../../src-main/publication/differencing-findings';
import { DifferencingStore, STORE_FOLDER } from '../../../src-main/publication/differencing-store';
import { compareFingerprints } from '../../../src-main/publication/fingerprint-comparison';
import { earlierPopulations } from '../../../src-main/publication/stored-exports';
import { fingerprintPopulation, type FeatureSpec, type PopulationFingerprint } from '../../../src-main/publication/unit-fingerprints';
import { clusterPopulation, filterPopulation, predicatePopulation, type UnitPopulation } from '../../../src-main/publication/unit-populations';
import { tempFolder } from '../support/temp-folder';

const THRESHOLD = DEFAULT_RULE_SET.threshold;
const HOUSEHOLDS = 60;
/** Ten-digit keys as CBS writes them (text with leading digits); start dates vary per household. */
const KEYS = Array.from({ length: HOUSEHOLDS }, (_, i) => `7${String(i).padStart(9, '0')}`);
const STARTS = Array.from({ length: HOUSEHOLDS }, (_, i) => `201501${String((i % 28) + 1).padStart(2, '0')}`);
const FEATURES: FeatureSpec[] = [
  { id: 'disposable_income', label: 'Besteedbaar inkomen', sql: 'disposable_income' },
  { id: 'household_type', label: 'Type huishouden', sql: 'household_type' },
  { id: 'education_level', label: 'Opleidingsniveau', sql: 'education_level' },
];
const CLIENTS: UnitPopulation = predicatePopulation('coalesce(client, false)');
const EXPORTED_AT = new Date('2025-12-03T11:00:00.000Z');

let session: LockedSession;

/** 60 households, the even ones clients (30), with an income (unknown for every 13th), a type and an education level. */
async function buildTable(changes: readonly string[] = []): Promise<void> {
  await session.query(`CREATE OR REPLACE TEMP TABLE analysis_households AS
    SELECT '7' || lpad(i::VARCHAR, 9, '0') AS household_key, '201501' || lpad(((i % 28) + 1)::VARCHAR, 2, '0') AS household_start,
      i % 2 = 0 AS client,
      CASE WHEN i % 13 = 0 THEN NULL ELSE 12000 + i * 311 END::DOUBLE AS disposable_income,
      ((i % 8) + 1)::VARCHAR AS household_type,
      CASE i % 3 WHEN 0 THEN 'low' WHEN 1 THEN 'middle' ELSE 'high' END AS education_level
    FROM range(${HOUSEHOLDS}) t(i)`);
  for (const change of changes) await session.query(change);
}

function candidate(id: string, fingerprint: PopulationFingerprint, outputIds = [`${id}-tabel`]): CandidatePopulation {
  return { id, label: `Populatie ${id}`, outputIds, fingerprint };
}

/** Stores one export of the clients population of the current table, under `studyName`. */
async function exportClients(
  store: DifferencingStore,
  studyName: string,
  population: UnitPopulation = CLIENTS,
  exportedAt = EXPORTED_AT,
): Promise<PopulationFingerprint> {
  const fingerprint = await fingerprintPopulation(session, population, FEATURES, await store.salt());
  await store.addExport({
    title: 'Klanten in Gilze en Rijen',
    studyName,
    exportFolder: '/exports/groepsbeeld-1',
    exportedAt,
    populations: [{ id: 'klanthuishoudens', label: 'Klanthuishoudens', outputIds: ['inkomen-klanten', 'type-klanten'], fingerprint }],
  });
  return fingerprint;
}

async function findingsAgainstStore(store: DifferencingStore, fingerprint: PopulationFingerprint, counters?: FindingCounters) {
  return differencingFindings(candidate('nieuw', fingerprint), earlierPopulations(await store.listExports()), THRESHOLD, counters);
}

async function allFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
});
afterAll(() => session?.close());

describe('unit fingerprints', () => {
  it('finds an export of the same study with one client row removed: one unit, though the filter is the same', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    const before = await exportClients(store, 'Proefstudie');
    await buildTable([`UPDATE analysis_households SET client = false WHERE household_key = '${KEYS[10]}'`]);
    // The filter-based guard compares the same filter on the current table and sees nothing.
    expect((await session.query(populationDifferenceSql(CLIENT_HOUSEHOLDS, CLIENT_HOUSEHOLDS)))[0]?.units).toBe(0);
    const after = await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt());
    expect([before.unitCount, after.unitCount]).toEqual([30, 29]);
    expect(compareFingerprints(before, after)).toEqual({ units: 1, features: [] });
    const findings = await findingsAgainstStore(store, after);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'units', threshold: THRESHOLD, earlier: { id: 'klanthuishoudens', export: { studyName: 'Proefstudie' } } });
  });

  it('finds the same households with one income changed for the income feature only, and NULL as a value of its own', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    const before = await exportClients(store, 'Proefstudie');
    await buildTable([`UPDATE analysis_households SET disposable_income = disposable_income + 1 WHERE household_key = '${KEYS[4]}'`]);
    const changed = await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt());
    expect(compareFingerprints(before, changed)).toEqual({
      units: 0,
      features: [
        { id: 'disposable_income', label: 'Besteedbaar inkomen', units: 1 },
        { id: 'household_type', label: 'Type huishouden', units: 0 },
        { id: 'education_level', label: 'Opleidingsniveau', units: 0 },
      ],
    });
    const findings = await findingsAgainstStore(store, changed);
    expect(findings.map((finding) => [finding.kind, finding.kind === 'feature' ? finding.feature.id : null])).toEqual([['feature', 'disposable_income']]);

    // Household 26 (a client) has an unknown income: an unknown that becomes known is a changed value too.
    await buildTable([`UPDATE analysis_households SET disposable_income = 0 WHERE household_key = '${KEYS[26]}'`]);
    const known = await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt());
    expect(compareFingerprints(before, known).features.find((feature) => feature.id === 'disposable_income')?.units).toBe(1);
    await buildTable();
    expect(await findingsAgainstStore(store, await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt()))).toEqual([]);
  });

  it('allows a population that differs by the threshold or more, and finds one that differs by one less', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    await exportClients(store, 'Proefstudie');
    const salt = await store.salt();
    // The same size (30): 10 clients swapped for 10 others is a symmetric difference of 20; 5 swapped is 10.
    const swapTen = predicatePopulation(`CASE WHEN household_key < '${KEYS[20]}' THEN NOT client ELSE client END`);
    const swapFive = predicatePopulation(`CASE WHEN household_key < '${KEYS[10]}' THEN NOT client ELSE client END`);
    // Clients without the first 10 (20 units: a difference of exactly the threshold), and without the first 9.
    const withoutTen = predicatePopulation(`client AND household_key >= '${KEYS[20]}'`);
    const withoutNine = predicatePopulation(`client AND household_key >= '${KEYS[18]}'`);
    for (const [population, expected] of [
      [swapTen, 20],
      [swapFive, 10],
      [withoutTen, 10],
      [withoutNine, 9],
    ] as const) {
      const fingerprint = await fingerprintPopulation(session, population, FEATURES, salt);
      const [earlier] = earlierPopulations(await store.listExports());
      expect(compareFingerprints(fingerprint, earlier!.fingerprint).units).toBe(expected);
      expect((await findingsAgainstStore(store, fingerprint)).length).toBe(expected < THRESHOLD ? 1 : 0);
    }
  });

  it('takes a population as a join with the cluster assignments or as a query of unit keys', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    const salt = await store.salt();
    const clientKeys = { householdKey: KEYS.filter((_, i) => i % 2 === 0), householdStart: STARTS.filter((_, i) => i % 2 === 0) };
    // Cluster 1 holds the clients with an index below 20 (10 households); two runs, so a join without the run repeats units.
    expect(
      await storeAssignments(
        session,
        'r1',
        2,
        clientKeys,
        clientKeys.householdKey.map((_, j) => (j < 10 ? 0 : 1)),
      ),
    ).toEqual({ ok: true, rows: 30 });
    expect(
      await storeAssignments(
        session,
        'r2',
        2,
        clientKeys,
        clientKeys.householdKey.map(() => 0),
      ),
    ).toEqual({ ok: true, rows: 30 });
    const byPredicate = await fingerprintPopulation(session, predicatePopulation(`client AND household_key < '${KEYS[20]}'`), FEATURES, salt);
    const populations: UnitPopulation[] = [
      clusterPopulation('r1', 2, 1),
      { from: 'analysis_households JOIN cluster_assignments USING (household_key, household_start)', where: "run_id = 'r1' AND k = 2 AND cluster = 1" },
      {
        unitsQuery:
          'SELECT household_key, household_start FROM cluster_assignments WHERE cluster = 1 AND household_key IN ' +
          '(SELECT household_key FROM cluster_assignments WHERE run_id = $$r1$$ AND cluster = 1)',
      },
    ];
    for (const population of populations) {
      const fingerprint = await fingerprintPopulation(session, population, FEATURES, salt);
      expect(fingerprint.unitCount).toBe(10);
      expect(compareFingerprints(fingerprint, byPredicate)).toMatchObject({ units: 0, features: FEATURES.map(({ id }) => ({ id, units: 0 })) });
    }
    // All clients of run r1 are the clients of the analysis layer's filter population.
    const clients = await fingerprintPopulation(session, filterPopulation(CLIENT_HOUSEHOLDS), FEATURES, salt);
    expect(compareFingerprints(await fingerprintPopulation(session, clusterPopulation('r1', 2), FEATURES, salt), clients).units).toBe(0);
    // A unit that is not a row of the analysis table is refused rather than left out.
    await expect(
      fingerprintPopulation(session, { unitsQuery: "SELECT '9999999999' AS household_key, '20150101' AS household_start" }, FEATURES, salt),
    ).rejects.toThrow(/analysetabel/);
  });

  it('skips pairs whose sizes differ by the threshold or more without merging, and only those', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    const salt = await store.salt();
    const firstN = (n: number) => predicatePopulation(`household_key < '7${String(n).padStart(9, '0')}'`);
    const base = await fingerprintPopulation(session, firstN(30), FEATURES, salt);
    const earlier = await Promise.all(
      [30, 30 + THRESHOLD - 1, 30 + THRESHOLD, 30 - THRESHOLD, 30 - THRESHOLD + 1].map(async (n) => ({
        export: { exportId: `e${n}`, title: `Eerste ${n}`, studyName: 'Proefstudie', exportedAt: EXPORTED_AT.toISOString(), exportFolder: '/x' },
        id: `eerste-${n}`,
        label: `Eerste ${n}`,
        outputIds: ['t'],
        fingerprint: await fingerprintPopulation(session, firstN(n), FEATURES, salt),
      })),
    );
    const counters: FindingCounters = { skippedBySize: 0, merged: 0, sameUnits: 0 };
    const findings = differencingFindings(candidate('basis', base), earlier, THRESHOLD, counters);
    expect(counters).toEqual({ skippedBySize: 2, merged: 2, sameUnits: 1 });
    expect(findings.map((finding) => finding.earlier.id).sort()).toEqual([`eerste-${30 - THRESHOLD + 1}`, `eerste-${30 + THRESHOLD - 1}`]);
    // What was skipped would not have been found: its symmetric difference is at least the size difference.
    for (const skipped of earlier.filter((other) => Math.abs(other.fingerprint.unitCount - 30) >= THRESHOLD)) {
      expect(compareFingerprints(base, skipped.fingerprint).units).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });

  it('fingerprints 11,346 households with 16 features well under a second', async () => {
    const salt = randomBytes(32);
    const columns = Array.from({ length: 15 }, (_, f) => `CASE WHEN i % ${17 + f} = 0 THEN NULL ELSE ((i * ${f + 7}) % ${f + 3})::VARCHAR END AS c${f}`);
    await session.query(`CREATE OR REPLACE TEMP TABLE analysis_households AS
      SELECT lpad(i::VARCHAR, 10, '0') AS household_key, '20170101' AS household_start, (i * 37 % 50000)::DOUBLE AS disposable_income, ${columns.join(', ')}
      FROM range(11346) t(i)`);
    const features: FeatureSpec[] = [{ id: 'disposable_income', sql: 'disposable_income' }, ...columns.map((_, f) => ({ id: `c${f}`, sql: `c${f}` }))];
    let best = Number.POSITIVE_INFINITY;
    let fingerprint: PopulationFingerprint | undefined;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      fingerprint = await fingerprintPopulation(session, predicatePopulation('true'), features, salt);
      best = Math.min(best, performance.now() - started);
    }
    console.info(
      `fingerprint of 11,346 households x 16 features: ${best.toFixed(0)} ms, ` +
        `${fingerprint!.units.length + 16 * fingerprint!.features[0]!.hashes.length} bytes`,
    );
    expect(fingerprint!.unitCount).toBe(11346);
    expect(fingerprint!.features).toHaveLength(16);
    expect(best).toBeLessThan(1000);
  });
});

describe('the differencing store', () => {
  it('is not keyed on names: an export of a renamed study is compared with every earlier one', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    await exportClients(store, 'Proefstudie Gilze en Rijen 2017');
    // A later export under another name (all households: far from the clients).
    await exportClients(store, 'Hernoemde studie', predicatePopulation('true'), new Date('2026-01-05T09:00:00.000Z'));
    await buildTable([`DELETE FROM analysis_households WHERE household_key = '${KEYS[0]}'`]);
    const renamed = await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt());
    expect((await store.listExports()).map((entry) => entry.studyName)).toEqual(['Proefstudie Gilze en Rijen 2017', 'Hernoemde studie']);
    const findings = await findingsAgainstStore(store, renamed);
    expect(findings.map((finding) => [finding.kind, finding.earlier.export.studyName])).toEqual([['units', 'Proefstudie Gilze en Rijen 2017']]);
  });

  it('survives a restart: new store objects and a new session read the same folder and salt', async () => {
    const appData = await tempFolder();
    await buildTable();
    const first = await exportClients(new DifferencingStore(appData), 'Proefstudie');
    const salt = await readFile(join(appData, STORE_FOLDER, 'salt'));
    expect(salt).toHaveLength(32);
    if (process.platform !== 'win32') expect((await stat(join(appData, STORE_FOLDER, 'salt'))).mode & 0o777).toBe(0o600);

    await session.close();
    session = await openLockedSession({ readableFiles: [] });
    await buildTable();
    const restarted = new DifferencingStore(appData);
    expect(await restarted.salt()).toEqual(salt);
    const [stored] = await restarted.listExports();
    expect(stored).toMatchObject({
      title: 'Klanten in Gilze en Rijen',
      studyName: 'Proefstudie',
      exportFolder: '/exports/groepsbeeld-1',
      exportedAt: EXPORTED_AT.toISOString(),
      outputIds: ['inkomen-klanten', 'type-klanten'],
    });
    expect(stored!.populations.map(({ id, label, outputIds, fingerprint }) => ({ id, label, outputIds, units: fingerprint.unitCount }))).toEqual([
      { id: 'klanthuishoudens', label: 'Klanthuishoudens', outputIds: ['inkomen-klanten', 'type-klanten'], units: 30 },
    ]);
    const again = await fingerprintPopulation(session, CLIENTS, FEATURES, await restarted.salt());
    expect(Buffer.from(again.units).equals(Buffer.from(first.units))).toBe(true);
    expect(compareFingerprints(again, stored!.populations[0]!.fingerprint)).toMatchObject({ units: 0, features: FEATURES.map(({ id }) => ({ id, units: 0 })) });
    await buildTable([`UPDATE analysis_households SET client = false WHERE household_key = '${KEYS[2]}'`]);
    expect(await findingsAgainstStore(restarted, await fingerprintPopulation(session, CLIENTS, FEATURES, await restarted.salt()))).toHaveLength(1);
  });

  it('refuses on a damaged store file, naming the file, and never switches the guard off', async () => {
    await buildTable();
    const damage: [string, (exportFile: string, saltFile: string) => Promise<void>, RegExp][] = [
      [
        'a flipped byte among the fingerprints',
        async (file) => {
          const bytes = await readFile(file);
          bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
          await writeFile(file, bytes);
        },
        /controlesom/,
      ],
      ['a truncated file', async (file) => truncate(file, (await stat(file)).size - 40), /controlesom/],
      ['an empty file', async (file) => truncate(file, 0), /te kort/],
      ['a salt of the wrong length', async (_, salt) => writeFile(salt, randomBytes(31)), /sleutel is 31/],
      ['another salt', async (_, salt) => writeFile(salt, randomBytes(32)), /andere geheime sleutel/],
      ['a removed salt with exports left', async (_, salt) => (await import('node:fs/promises')).rm(salt), /sleutel van de verschilcontrole .* ontbreekt/],
    ];
    for (const [what, spoil, reason] of damage) {
      const store = new DifferencingStore(await tempFolder());
      await exportClients(store, 'Proefstudie');
      const [exportFile] = (await store.listExports()).map((entry) => entry.file);
      const saltFile = join(store.folder, 'salt');
      await spoil(exportFile!, saltFile);
      const named = /salt/.test(what) && !/another/.test(what) ? saltFile : exportFile!;
      const refusal = await store.listExports().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal, what).toBeInstanceOf(UserFacingError);
      expect((refusal as Error).message, what).toContain(named);
      expect((refusal as Error).message, what).toMatch(reason);
      expect((refusal as Error).message, what).toMatch(/niet geëxporteerd/);
    }
  });

  it('skips an export being written elsewhere, but refuses on one that never finished', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    await exportClients(store, 'Proefstudie');
    const partial = join(store.folder, 'exports', '.20251203T110000000Z-0123456789abcdef.gbvc.4242.0a0b0c0d.partial');
    await writeFile(partial, 'GBVERSCH');
    expect(await store.listExports()).toHaveLength(1);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(partial, anHourAgo, anHourAgo);
    const refusal = await store.listExports().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(UserFacingError);
    expect((refusal as Error).message).toContain(partial);
    expect((refusal as Error).message).toMatch(/nooit helemaal weggeschreven/);
  });

  it('clearStore removes everything, the salt included', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    await exportClients(store, 'Proefstudie');
    const salt = await store.salt();
    await store.clearStore();
    await expect(stat(join(store.folder, 'salt'))).rejects.toThrow(/ENOENT/);
    await expect(stat(store.folder)).rejects.toThrow(/ENOENT/);
    expect(await store.listExports()).toEqual([]);
    expect((await store.salt()).equals(salt)).toBe(false);
  });

  it('holds no household key: no raw key in any store file, and unit hashes depend on the salt', async () => {
    const appData = await tempFolder();
    const store = new DifferencingStore(appData);
    await buildTable();
    const fingerprint = await exportClients(store, 'Proefstudie', predicatePopulation('true'));
    const files = await allFiles(appData);
    expect(files.map((file) => file.slice(appData.length)).sort()).toEqual([
      join('/', STORE_FOLDER, 'exports', (await readdir(join(store.folder, 'exports')))[0]!),
      join('/', STORE_FOLDER, 'salt'),
    ]);
    const contents = await Promise.all(files.map((file) => readFile(file)));
    for (const key of KEYS) {
      // The key, and every 8 characters of it (as many as a unit hash holds), as text or UTF-16.
      const forms = [key, ...Array.from({ length: key.length - 7 }, (_, at) => key.slice(at, at + 8))].flatMap((text) => [
        Buffer.from(text, 'latin1'),
        Buffer.from(text, 'utf16le'),
      ]);
      for (const bytes of contents) for (const form of forms) expect(bytes.includes(form), key).toBe(false);
    }
    // Neither is an unsalted hash of a key in them.
    for (const key of KEYS) {
      const unsalted = createHash('sha256').update(key).digest().subarray(0, 4);
      expect(
        contents.some((bytes) => bytes.includes(unsalted)),
        key,
      ).toBe(false);
    }
    // The same households under another salt share no unit hash.
    const other = await fingerprintPopulation(session, predicatePopulation('true'), FEATURES, randomBytes(32));
    const mine = new Set(Array.from({ length: fingerprint.unitCount }, (_, i) => Buffer.from(fingerprint.units.subarray(i * 8, i * 8 + 8)).toString('hex')));
    expect(
      Array.from({ length: other.unitCount }, (_, i) => Buffer.from(other.units.subarray(i * 8, i * 8 + 8)).toString('hex')).filter((unit) => mine.has(unit)),
    ).toEqual([]);
    expect(() => compareFingerprints(fingerprint, other)).toThrow(/geheime sleutel/);
  });

  it('reads 200 earlier exports fast', async () => {
    const store = new DifferencingStore(await tempFolder());
    const salt = await store.salt();
    const features: FeatureSpec[] = Array.from({ length: 16 }, (_, f) => ({ id: `c${f}`, sql: `(i * ${f + 7}) % ${f + 3}` }));
    await session.query(`CREATE OR REPLACE TEMP TABLE analysis_households AS
      SELECT lpad(i::VARCHAR, 10, '0') AS household_key, '20170101' AS household_start, i, i < 191 AS client FROM range(11346) t(i)`);
    const all = await fingerprintPopulation(session, predicatePopulation('true'), features, salt);
    const clients = await fingerprintPopulation(session, predicatePopulation('client'), features, salt);
    for (let n = 0; n < 200; n++) {
      await store.addExport({
        title: `Export ${n}`,
        studyName: `Studie ${n % 7}`,
        exportFolder: `/exports/${n}`,
        exportedAt: new Date(EXPORTED_AT.getTime() + n * 60_000),
        populations: [
          { id: 'alle-huishoudens', label: 'Alle huishoudens', outputIds: ['vergelijking'], fingerprint: all },
          { id: 'klanthuishoudens', label: 'Klanthuishoudens', outputIds: ['persona-kaarten'], fingerprint: clients },
        ],
      });
    }
    let started = performance.now();
    const exports = await store.listExports();
    const read = performance.now() - started;
    expect(exports).toHaveLength(200);
    expect(exports.map((entry) => entry.title).slice(0, 3)).toEqual(['Export 0', 'Export 1', 'Export 2']);
    const earlier = earlierPopulations(exports);
    // One household fewer in all households: each of the 200 is merged and found.
    const fewer = await fingerprintPopulation(session, predicatePopulation('i > 0'), features, salt);
    started = performance.now();
    const counters: FindingCounters = { skippedBySize: 0, merged: 0, sameUnits: 0 };
    const findings = differencingFindings(candidate('bijna-alle', fewer), earlier, THRESHOLD, counters);
    const compared = performance.now() - started;
    expect(findings).toHaveLength(200);
    expect(counters).toEqual({ skippedBySize: 200, merged: 200, sameUnits: 0 });
    const bytes = (await Promise.all(exports.map((entry) => stat(entry.file)))).reduce((sum, file) => sum + file.size, 0);
    console.info(
      `200 exports (${(bytes / 1e6).toFixed(0)} MB): read and checked in ${read.toFixed(0)} ms, 400 populations compared in ${compared.toFixed(0)} ms`,
    );
    expect(read).toBeLessThan(2000);
  }, 120_000);
});

describe('the refusal and the justification', () => {
  it('says which output, which earlier export and why, but never the small number', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    await exportClients(store, 'Proefstudie');
    // Six clients fewer: the message says "fewer than 10", not 6.
    await buildTable([
      `UPDATE analysis_households SET client = false WHERE household_key IN (${KEYS.slice(0, 12)
        .map((key) => `'${key}'`)
        .join(', ')})`,
    ]);
    const fewer = await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt());
    const [finding] = differencingFindings(
      { id: 'klanten', label: 'Klanthuishoudens', outputIds: ['inkomen-klanten'], fingerprint: fewer },
      earlierPopulations(await store.listExports()),
      THRESHOLD,
    );
    const text = describeFinding(finding!, (id) => (id === 'inkomen-klanten' ? 'Inkomen van klanthuishoudens' : undefined));
    expect(text).toContain('"Klanthuishoudens" (uitvoer "Inkomen van klanthuishoudens")');
    expect(text).toContain('verschilt minder dan 10 huishoudens');
    expect(text).toContain('eerdere export "Klanten in Gilze en Rijen" (studie "Proefstudie", geëxporteerd op 03-12-2025');
    expect(text).not.toMatch(/6/);
    expect(JSON.stringify(finding)).not.toMatch(/\b6\b/);
    const reasons = refusalReasons([finding!]);
    expect(reasons.at(-1)).toMatch(/onderbouwing.*minstens 80 tekens en 12 woorden.*output log/);

    await buildTable([`UPDATE analysis_households SET disposable_income = 1 WHERE household_key = '${KEYS[8]}'`]);
    const [income] = await findingsAgainstStore(store, await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt()));
    expect(describeFinding(income!)).toMatch(/dezelfde huishoudens als .* maar bij minder dan 10 van die huishoudens is "Besteedbaar inkomen" anders/);
  });

  it('accepts only a justification of real length, says what is missing, and logs it', () => {
    expect(validJustification('')).toMatchObject({ ok: false, message: expect.stringMatching(/geen onderbouwing/) });
    expect(validJustification('Akkoord van de outputcontroleur.')).toEqual({
      ok: false,
      message: expect.stringMatching(/ontbreken nog 48 tekens en 8 woorden/),
    });
    expect(validJustification('x '.repeat(60))).toEqual({ ok: false, message: expect.stringMatching(/ontbreken nog 12 woorden/) });
    expect(validJustification('Dit is echt nodig. '.repeat(6))).toEqual({ ok: false, message: expect.stringMatching(/dezelfde woorden \(4 verschillende\)/) });
    expect(validJustification('a'.repeat(4001))).toMatchObject({ ok: false, message: expect.stringMatching(/hoogstens 4000/) });
    const good =
      '  De tweede export gaat alleen naar  de gemeente zelf;\n het verschil van één klant is met de outputcontroleur besproken en akkoord bevonden. ';
    const checked = validJustification(good);
    expect(checked).toEqual({
      ok: true,
      text: 'De tweede export gaat alleen naar de gemeente zelf; het verschil van één klant is met de outputcontroleur besproken en akkoord bevonden.',
    });
    const finding = {
      candidate: { id: 'klanten', label: 'Klanthuishoudens', outputIds: ['inkomen-klanten'] },
      earlier: {
        export: { exportId: 'e', title: 'Eerdere export', studyName: 'Proefstudie', exportedAt: EXPORTED_AT.toISOString(), exportFolder: '/x' },
        id: 'k',
        label: 'Klanthuishoudens',
        outputIds: ['t'],
      },
      threshold: THRESHOLD,
      kind: 'units' as const,
    };
    expect(justificationLogEntry('inkomen-klanten', [finding], good)).toBe(
      'Verschilcontrole: populatie "Klanthuishoudens" verschilt minder dan 10 huishoudens van "Klanthuishoudens" ' +
        'in de export "Eerdere export" (studie "Proefstudie", ' +
        `${describeFinding(finding).match(/geëxporteerd op (.*?)\)/)![1]}). Onderbouwing van de analist: ${checked.ok ? checked.text : ''}`,
    );
    expect(justificationLogEntry('andere-tabel', [finding], good)).toBeUndefined();
    expect(() => justificationLogEntry('inkomen-klanten', [finding], 'ok')).toThrow(/te kort/);
  });
});
