// SPSS .sav/.zsav files open in the study engine: read by our reader into the session, labels in the profile, kept across session swaps.
import { appendFile, copyFile, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, type RuleSet } from '../../../src-main/disclosure/rule-set';
import { UserFacingError } from '../../../src-main/common/errors';
import { scanRelation } from '../../../src-main/engine/file-scan';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import type { OpenedFile } from '../../../src-main/engine/engine-shapes';
import { tempFolder } from '../support/temp-folder';
import { writeSav } from './sav/support/sav-writer';

const FIXTURES = join(__dirname, '../../fixtures/sav');
let folder: string;
let engine: StudyEngine;

/**
 * The PSPP fixtures hold a handful of rows; with the default threshold of 10 no value would be named at all.
 * A threshold of 1 lets these tests see how labels are decoded; the default rules are tested elsewhere.
 */
const LABEL_RULES: RuleSet = { ...DEFAULT_RULE_SET, name: 'Proef: drempel 1', threshold: 1, statisticThreshold: 1 };

beforeAll(async () => {
  folder = await tempFolder();
  engine = await StudyEngine.create({ rules: LABEL_RULES });
});
afterAll(() => engine.close());

async function openOne(path: string): Promise<OpenedFile> {
  const files = await engine.openFiles([path]);
  const file = files.find((candidate) => path.endsWith(candidate.name));
  if (!file) throw new Error(`${path} is not open`);
  return file;
}

function rowsOf(fileId: string, orderBy: string) {
  return engine.withFiles(async (session, files) => {
    const relation = scanRelation(files.find((file) => file.id === fileId)!);
    return session.query(`SELECT * FROM ${relation.sql} AS sav ORDER BY ${orderBy}`, relation.parameters);
  });
}

const MIXED_TYPES = {
  RINPERSOONS: ['VARCHAR', 'key'],
  RINPERSOON: ['VARCHAR', 'key'],
  GEBOORTEDATUM: ['DATE (YYYYMMDD)', 'date'],
  INKOMEN: ['DOUBLE', 'number'],
  PLAATS: ['VARCHAR', 'code'],
  GESLACHT: ['VARCHAR', 'code'],
  SCORE: ['DOUBLE', 'number'],
  OPMERKING: ['VARCHAR', 'text'],
  AANMELDING: ['VARCHAR', 'text'],
  EINDDATUM: ['DATE (YYYYMMDD)', 'date'],
};

describe('.sav files written by PSPP', () => {
  it.each(['mixed-compressed.sav', 'mixed-uncompressed.sav', 'mixed-zcompressed.zsav'])('%s: schema, rows, and a profile with labels', async (name) => {
    const path = join(FIXTURES, name);
    const file = await openOne(path);
    expect(file).toMatchObject({ format: 'sav', rowCount: 4, warnings: [] });
    expect(Object.fromEntries(file.columns.map((column) => [column.name, [column.type, column.kind]]))).toEqual(MIXED_TYPES);
    expect(file.roles).toMatchObject({ personSource: 'RINPERSOONS', personKey: 'RINPERSOON' });

    const profile = await engine.fileProfile(file.id);
    expect(profile.rowCount).toBe(4);
    const column = (columnName: string) => profile.columns.find((candidate) => candidate.name === columnName)!;
    expect(column('GESLACHT')).toMatchObject({
      label: 'Geslacht',
      // 9 is a user-missing code and '.' system-missing: both are missing, not a category.
      missing: 2,
      topValues: [
        { value: '1', count: 1, label: 'Man' },
        { value: '2', count: 1, label: 'Vrouw' },
      ],
    });
    expect(column('PLAATS').label).toBe('Woonplaats');
    expect(column('PLAATS').topValues).toEqual([
      { value: 'Gilze en Rijen', count: 1 },
      { value: 'Köln', count: 1, label: 'Keulen' },
      { value: 'café', count: 1 },
    ]);
    expect(column('INKOMEN')).toMatchObject({ label: 'Besteedbaar inkomen (€)', topValues: [] });
    expect(column('SCORE')).not.toHaveProperty('label');
    expect(column('GEBOORTEDATUM').dateRange).toEqual({ from: '1980', to: '2017' });

    // Keys stay text with their zeros; dates come out as YYYYMMDD like every other format.
    const rows = await rowsOf(file.id, 'RINPERSOON');
    expect(rows.map((row) => [row.RINPERSOONS, row.RINPERSOON, row.GEBOORTEDATUM, row.GESLACHT, row.INKOMEN])).toEqual([
      ['X', '000000001', '20171231', null, 0],
      ['R', '000012345', '19800214', '1', 23500],
      ['R', '001234567', '20010101', '2', null],
      ['R', '099999999', null, null, null],
    ]);
    // DuckDB never reads the .sav itself: our reader does, so it is not on the allowed list.
    expect((await engine.security()).allowedPaths).not.toContain(path);
  });

  it("windows-1252.sav: labels decoded from the file's code page", async () => {
    const file = await openOne(join(FIXTURES, 'windows-1252.sav'));
    expect(file.rowCount).toBe(2);
    const profile = await engine.fileProfile(file.id);
    expect(profile.columns.find((column) => column.name === 'PLAATS')?.label).toBe('Plaats (Zürich)');
    expect(profile.columns.find((column) => column.name === 'CODE')?.topValues).toEqual([{ value: 'AA', count: 1, label: 'Één' }]);
  });
});

describe('.sav keys and codes stored as numbers', () => {
  it('puts back the zeros of person keys and N-format codes; YYYYMMDD numbers are dates', async () => {
    const path = join(folder, 'GBAHUISHOUDENS2018BUSV1.sav');
    await writeSav(path, {
      variables: [
        { name: 'RINPERSS', longName: 'RINPERSOONS', width: 1 },
        { name: 'RINPERSO', longName: 'RINPERSOON', width: 0, formatWidth: 9, decimals: 0 },
        { name: 'HUISHOUD', longName: 'HUISHOUDNR', width: 0, formatWidth: 12, decimals: 0 },
        { name: 'GEM2017', width: 0, formatType: 16, formatWidth: 4, decimals: 0 },
        { name: 'DATUMAAN', longName: 'DATUMAANVANGHH', width: 0, formatWidth: 8, decimals: 0 },
        { name: 'BEDRAG', width: 0 },
      ],
      caseCount: 20,
      caseValues: (i) => ['R', 12_345 + i, 77 + i, 784, 20_171_231, i + 0.25],
      compression: 1,
    });
    const file = await openOne(path);
    expect(Object.fromEntries(file.columns.map((column) => [column.name, [column.type, column.kind]]))).toEqual({
      RINPERSOONS: ['VARCHAR', 'key'],
      RINPERSOON: ['VARCHAR', 'key'],
      HUISHOUDNR: ['VARCHAR', 'key'],
      GEM2017: ['VARCHAR', 'code'],
      DATUMAANVANGHH: ['DATE (YYYYMMDD)', 'date'],
      BEDRAG: ['DOUBLE', 'number'],
    });
    const [first] = await rowsOf(file.id, 'RINPERSOON');
    expect(first).toEqual({ RINPERSOONS: 'R', RINPERSOON: '000012345', HUISHOUDNR: '77', GEM2017: '0784', DATUMAANVANGHH: '20171231', BEDRAG: 0.25 });
  });
});

describe('damaged .sav files', () => {
  async function expectRefused(name: string, bytes: Uint8Array | string, reason: RegExp): Promise<void> {
    const before = await engine.listFiles();
    const path = join(folder, name);
    await writeFile(path, bytes);
    const error = await engine.openFiles([path]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).toMatch(reason);
    // Opening is atomic: the engine still has exactly the files it had, and they still answer.
    const after = await engine.listFiles();
    expect(after.map((file) => file.id)).toEqual(before.map((file) => file.id));
    for (const file of after.filter((candidate) => candidate.format === 'sav')) expect((await engine.fileProfile(file.id)).rowCount).toEqual(file.rowCount);
  }

  it('a truncated file', async () => {
    const bytes = await readFile(join(FIXTURES, 'mixed-compressed.sav'));
    await expectRefused('GBAPERSOON2018TABV1.sav', bytes.subarray(0, bytes.length - 20), /afgebroken/);
  });

  it('an unknown compression', async () => {
    const bytes = Buffer.from(await readFile(join(FIXTURES, 'mixed-compressed.sav')));
    bytes.writeInt32LE(7, 72);
    await expectRefused('odd-compression.sav', bytes, /onbekende compressiecode 7/);
  });

  it('a binary file named .sav, and one named .zsav', async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    await expectRefused('binary.sav', binary, /geen SPSS-bestand \(\.sav\)/);
    await expectRefused('binary.zsav', binary, /geen SPSS-bestand \(\.sav\)/);
  });
});

describe('session swaps', () => {
  it('carries a .sav table into the new session instead of reading the file again', async () => {
    const savPath = join(folder, 'gedragen.sav');
    await copyFile(join(FIXTURES, 'mixed-compressed.sav'), savPath);
    // A whole second, so that the modification time can be set back exactly below.
    await utimes(savPath, 1_600_000_000, 1_600_000_000);
    const sav = await openOne(savPath);
    const before = await rowsOf(sav.id, 'RINPERSOON');
    // Same size and modification time, other bytes: a swap that read the file again would fail or read garbage.
    const { size } = await stat(savPath);
    await writeFile(savPath, Buffer.alloc(size, 0x41));
    await utimes(savPath, 1_600_000_000, 1_600_000_000);
    const other = join(folder, 'naast-sav.csv');
    await writeFile(other, 'c\n3\n');
    const all = await engine.openFiles([other]);
    expect(all.map((file) => file.name)).toContain('naast-sav.csv');
    expect(await rowsOf(sav.id, 'RINPERSOON')).toEqual(before);
    // The dictionary travels with the file's entry: the profile still has the variable labels.
    expect((await engine.fileProfile(sav.id)).columns.find((column) => column.name === 'GESLACHT')?.label).toBe('Geslacht');
  });

  it('keeps a .sav table usable when more files are opened next to CSVs', async () => {
    const savPath = join(folder, 'personen.sav');
    await copyFile(join(FIXTURES, 'mixed-compressed.sav'), savPath);
    const firstCsv = join(folder, 'first.csv');
    await writeFile(firstCsv, 'a;b\n1;x\n2;y\n');
    const opened = await engine.openFiles([savPath, firstCsv]);
    const sav = opened.find((file) => file.name === 'personen.sav')!;
    const secondCsv = join(folder, 'second.csv');
    await writeFile(secondCsv, 'c\n3\n');
    const all = await engine.openFiles([secondCsv]);
    expect(all.map((file) => file.name)).toEqual(expect.arrayContaining(['personen.sav', 'first.csv', 'second.csv']));
    expect((await engine.fileProfile(sav.id)).columns.find((column) => column.name === 'GESLACHT')?.label).toBe('Geslacht');
    expect((await rowsOf(sav.id, 'RINPERSOON')).map((row) => row.RINPERSOON)).toEqual(['000000001', '000012345', '001234567', '099999999']);
    const security = await engine.security();
    expect(security.allowedPaths.some((path) => path.endsWith('second.csv'))).toBe(true);
    expect(security.allowedPaths.some((path) => path.endsWith('personen.sav'))).toBe(false);

    // A .sav that changed after it was opened cannot be loaded again: the next swap is refused, nothing changes.
    await appendFile(savPath, Buffer.alloc(16));
    const third = join(folder, 'third.csv');
    await writeFile(third, 'd\n4\n');
    await expect(engine.openFiles([third])).rejects.toThrow(/"personen\.sav" is op schijf veranderd nadat het werd geopend/);
    expect((await engine.listFiles()).map((file) => file.name)).not.toContain('third.csv');
    expect((await engine.fileProfile(sav.id)).rowCount).toBe(4);
  });
});
