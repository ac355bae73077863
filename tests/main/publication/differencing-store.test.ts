// The store of the differencing guard: fingerprints of exported populations in a store shared by every export of the
// installation, whatever the study is called; it survives a restart, refuses when damaged, holds no household key and
// reads many exports fast. The fingerprints themselves and the refusal: differencing.test.ts.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';
import { UserFacingError } from '../../../src-main/common/errors';
import { differencingFindings, type FindingCounters } from '../../../src-main/publication/differencing-findings';
import { DifferencingStore, STORE_FOLDER } from '../../../src-main/publication/differencing-store';
import { compareFingerprints } from '../../../src-main/publication/fingerprint-comparison';
import { earlierPopulations } from '../../../src-main/publication/stored-exports';
import { fingerprintPopulation, type FeatureSpec } from '../../../src-main/publication/unit-fingerprints';
import { predicatePopulation } from '../../../src-main/publication/unit-populations';
import { tempFolder } from '../support/temp-folder';
import { allFiles, candidate, CLIENTS, EXPORTED_AT, FEATURES, householdHelpers, KEYS, THRESHOLD } from './differencing-households';

let session: LockedSession;
const { buildTable, exportClients, findingsAgainstStore } = householdHelpers(() => session);

beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
});
afterAll(() => session?.close());

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
