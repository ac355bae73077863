// The encrypted workspace: round trip through real DuckDB sessions and real files, and refusal of every kind of damage.
import { access, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../../src-main/common/errors';
import { openLockedSession, type LockedSession } from '../../../../src-main/engine/locked-session';
import { deleteWorkspace, loadWorkspace, readWorkspaceManifest, writeWorkspace, type WriteWorkspaceOptions } from '../../../../src-main/engine/workspace';
import { tempFolder } from '../../support/temp-folder';
import { createPersonsTable, DISTINCTIVE, loadError, PASSPHRASE, recordRanges, ROWS, tableNames, TEST_KDF } from './support/workspace-fixtures';

let folder: string;
let source: LockedSession;
let counter = 0;

function workspacePath(): string {
  counter += 1;
  return join(folder, `study-${counter}.gbws`);
}

async function write(path: string, overrides: Partial<WriteWorkspaceOptions> = {}) {
  return writeWorkspace({
    session: source,
    tables: [
      { name: 'persons', table: 'persons', role: 'persons', sourceFile: 'GBAPERSOON2017TABV1.csv' },
      { name: 'clients', sql: 'SELECT * FROM persons WHERE client ORDER BY id', role: 'clients', sourceFile: 'klanten.xlsx' },
    ],
    path,
    passphrase: PASSPHRASE,
    kdf: TEST_KDF,
    batchRows: 1000,
    ...overrides,
  });
}

async function freshSession(): Promise<LockedSession> {
  const session = await openLockedSession({ readableFiles: [] });
  afterAll(() => session.close());
  return session;
}

beforeAll(async () => {
  folder = await tempFolder('groepsbeeld-workspace-');
  source = await openLockedSession({ readableFiles: [] });
  await createPersonsTable(source);
});
afterAll(() => source.close());

describe('a workspace round trip', () => {
  it('gives back every value and type, including nulls, non-ASCII text, leading zeros and dates', async () => {
    const path = workspacePath();
    const written = await write(path);
    expect(written.tables).toEqual([
      { name: 'persons', rows: ROWS },
      { name: 'clients', rows: Number((await source.query('SELECT count(*) AS n FROM persons WHERE client'))[0]?.['n']) },
    ]);
    const target = await freshSession();
    const loaded = await loadWorkspace(path, PASSPHRASE, target);
    expect(loaded.tables.map((table) => table.name)).toEqual(['persons', 'clients']);
    expect(await tableNames(target)).toEqual(['clients', 'persons']);
    const columns = 'SELECT column_name, column_type FROM (DESCRIBE persons)';
    expect(await target.query(columns)).toEqual(await source.query(columns));
    expect(await target.query('SELECT column_name, column_type FROM (DESCRIBE clients)')).toEqual(await source.query(columns));
    expect(await target.query('SELECT * FROM persons ORDER BY id')).toEqual(await source.query('SELECT * FROM persons ORDER BY id'));
    expect(await target.query('SELECT * FROM clients')).toEqual(await source.query('SELECT * FROM persons WHERE client ORDER BY id'));
    const [sample] = await target.query('SELECT "RINPERSOON", naam, geboortedatum::VARCHAR AS d FROM persons WHERE id = 3');
    expect(sample).toEqual({ RINPERSOON: '000000003', naam: 'Zoë Çelik 😀', d: '1950-04-22' });
  });

  it('reads the manifest without loading: tables, columns, types, roles, source files, row counts', async () => {
    const path = workspacePath();
    await write(path);
    const manifest = await readWorkspaceManifest(path, PASSPHRASE);
    expect(manifest.generator).toMatch(/^Groepsbeeld \d/);
    expect(Date.parse(manifest.createdAt)).not.toBeNaN();
    expect(manifest.tables[0]).toMatchObject({ name: 'persons', role: 'persons', sourceFile: 'GBAPERSOON2017TABV1.csv', rows: ROWS });
    expect(manifest.tables[0]?.columns.map((column) => `${column.name} ${column.type}`)).toEqual([
      'id INTEGER',
      'RINPERSOON VARCHAR',
      'naam VARCHAR',
      'geboortedatum DATE',
      'inkomen DOUBLE',
      'grootgetal BIGINT',
      'client BOOLEAN',
      'gemeld TIMESTAMP',
      'gemeente VARCHAR',
    ]);
  });

  it.each(['none', 'deflate', 'brotli'] as const)('holds no plaintext of the data or its names (compression %s)', async (compression) => {
    const path = workspacePath();
    await write(path, { compression });
    const bytes = await readFile(path);
    for (const text of [DISTINCTIVE, 'Zwaluwstaart', 'RINPERSOON', 'geboortedatum', 'GBAPERSOON2017TABV1', '000000003', 'persons']) {
      expect(bytes.includes(Buffer.from(text, 'utf8')), text).toBe(false);
      expect(bytes.includes(Buffer.from(text, 'utf16le')), `${text} (UTF-16)`).toBe(false);
    }
    const target = await freshSession();
    await loadWorkspace(path, PASSPHRASE, target);
    expect(await target.query('SELECT count(*) AS n FROM persons WHERE naam = $n', { n: DISTINCTIVE })).toEqual([{ n: 857 }]);
  });

  it('keeps edge values exact: empty tables, a lone empty string, extreme numbers and dates, every separator candidate', async () => {
    const every = [
      ...Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)),
      ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0xfdd0 + i)),
    ].join('');
    await source.query(`CREATE OR REPLACE TEMP TABLE edge_empty AS SELECT * FROM persons LIMIT 0`);
    await source.query(`CREATE OR REPLACE TEMP TABLE edge_one AS SELECT '' AS naam, NULL::INTEGER AS n`);
    await source.query(`CREATE OR REPLACE TEMP TABLE edge_every AS SELECT * FROM (VALUES ($every, 1), (NULL, 2), ('', 3), ('a,b', 4)) t(tekst, volgorde)`, {
      every,
    });
    await source.query(`
      CREATE OR REPLACE TEMP TABLE edge_numbers AS SELECT * FROM (VALUES
        (-0.0::DOUBLE, 'NaN'::DOUBLE, 2147483647::INTEGER, 9223372036854775807::BIGINT, DATE '0001-01-01', TIMESTAMP '1900-01-01 00:00:00.000001', true),
        ('Infinity'::DOUBLE, 0.1::DOUBLE, (-2147483648)::INTEGER, (-9223372036854775808)::BIGINT, DATE '9999-12-31', TIMESTAMP '2262-04-11 23:47:16', false),
        ('-Infinity'::DOUBLE, 1e-300::DOUBLE, 0::INTEGER, 0::BIGINT, DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59.999999', NULL),
        (5e-324::DOUBLE, 1.7976931348623157e308::DOUBLE, NULL, NULL, NULL, NULL, NULL),
        (1::DOUBLE, 2::DOUBLE, 1, 1, DATE 'infinity', TIMESTAMP 'infinity', true),
        (1::DOUBLE, 2::DOUBLE, 1, 1, DATE '-infinity', TIMESTAMP '-infinity', true)
      ) t(a, b, i, g, d, ts, flag)`);
    const tables = ['edge_empty', 'edge_one', 'edge_every', 'edge_numbers'];
    const path = workspacePath();
    await write(path, { tables: tables.map((name) => ({ name, table: name })) });
    const target = await freshSession();
    await loadWorkspace(path, PASSPHRASE, target);
    for (const table of tables.slice(0, 3)) expect(await target.query(`SELECT * FROM ${table}`), table).toEqual(await source.query(`SELECT * FROM ${table}`));
    // Compared as text, so -0, NaN, the infinities and the last digits of doubles are checked exactly.
    const numbers = 'SELECT a::VARCHAR AS a, b::VARCHAR AS b, i, g, d::VARCHAR AS d, ts::VARCHAR AS ts, flag FROM edge_numbers';
    expect(await target.query(numbers)).toEqual(await source.query(numbers));
    expect((await target.query(numbers))[0]).toMatchObject({ a: '-0.0', b: 'nan' });
    expect(await target.query('SELECT count(*) AS n FROM edge_empty')).toEqual([{ n: 0 }]);
    expect(await target.query('SELECT naam, n FROM edge_one')).toEqual([{ naam: '', n: null }]);
    expect(await target.query('SELECT tekst = $every AS same FROM edge_every WHERE volgorde = 1', { every })).toEqual([{ same: true }]);
  });

  it('replaces a table of the same name already in the session', async () => {
    const path = workspacePath();
    await write(path);
    const target = await freshSession();
    await target.query('CREATE TEMP TABLE persons AS SELECT 1 AS stale');
    await loadWorkspace(path, PASSPHRASE, target);
    expect(await target.query('SELECT count(*) AS n FROM persons')).toEqual([{ n: ROWS }]);
  });
});

describe('writing a workspace', () => {
  it('refuses an existing file unless asked to replace it', async () => {
    const path = workspacePath();
    await write(path);
    await expect(write(path)).rejects.toThrow(/bestaat al/);
    await expect(write(path, { overwrite: true })).resolves.toMatchObject({ path });
  });

  it('refuses a short passphrase and a type it cannot store, before writing anything', async () => {
    const path = workspacePath();
    await expect(write(path, { passphrase: 'short' })).rejects.toThrow(UserFacingError);
    const error = await write(path, { tables: [{ name: 'odd', sql: 'SELECT 1.5::DECIMAL(4,1) AS bedrag', sourceFile: 'odd.csv' }] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(/odd \(uit odd\.csv\): kolom bedrag heeft het type DECIMAL\(4,1\)/);
    await expect(access(path)).rejects.toThrow();
    await expect(access(`${path}.partial`)).rejects.toThrow();
  });

  it('leaves no file behind when aborted halfway', async () => {
    const path = workspacePath();
    const controller = new AbortController();
    const writing = write(path, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(writing).rejects.toThrow(/abort/i);
    await expect(access(path)).rejects.toThrow();
    await expect(access(`${path}.partial`)).rejects.toThrow();
  });
});

describe('loading a workspace that cannot be trusted', () => {
  let path: string;
  let bytes: Buffer;
  let target: LockedSession;

  beforeAll(async () => {
    path = workspacePath();
    await write(path);
    bytes = await readFile(path);
    target = await freshSession();
  });

  async function expectNothingLoaded(): Promise<void> {
    expect(await tableNames(target)).toEqual([]);
  }

  it('says the passphrase is wrong, and loads nothing', async () => {
    const error = await loadError(path, target, 'Correct horse battery staple');
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toMatch(/Met deze wachtzin gaat de werkruimte study-\d+\.gbws niet open/);
    await expect(readWorkspaceManifest(path, 'wrong passphrase')).rejects.toThrow(/Met deze wachtzin gaat de werkruimte .* niet open/);
    await expectNothingLoaded();
  });

  it.each([
    ['cut inside a data record', (length: number) => Math.floor(length / 2)],
    ['missing its last bytes', (length: number) => length - 3],
    ['cut after the header', () => 100],
  ])('refuses a file %s, naming it', async (_label, cut) => {
    const damaged = join(folder, `truncated-${counter++}.gbws`);
    await writeFile(damaged, bytes);
    await truncate(damaged, cut(bytes.length));
    const error = await loadError(damaged, target);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toMatch(/De werkruimte truncated-\d+\.gbws is (onvolledig|beschadigd)/);
    await expectNothingLoaded();
  });

  it('refuses a file cut at a record boundary (a whole batch missing)', async () => {
    const ranges = recordRanges(bytes);
    const withoutOneBatch = Buffer.concat([bytes.subarray(0, ranges[2]![0]), bytes.subarray(ranges[3]![0])]);
    const damaged = join(folder, 'dropped.gbws');
    await writeFile(damaged, withoutOneBatch);
    expect((await loadError(damaged, target)).message).toMatch(/dropped\.gbws is beschadigd/);
    await expectNothingLoaded();
  });

  it('refuses a file with one flipped byte in the middle', async () => {
    const flipped = Buffer.from(bytes);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = flipped[middle]! ^ 0x01;
    const damaged = join(folder, 'flipped.gbws');
    await writeFile(damaged, flipped);
    const error = await loadError(damaged, target);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toMatch(/De werkruimte flipped\.gbws is beschadigd of veranderd nadat het is geschreven/);
    await expectNothingLoaded();
  });

  it('refuses a file whose records were reordered', async () => {
    const ranges = recordRanges(bytes);
    expect(ranges.length).toBeGreaterThan(4);
    const [a, b] = [ranges[1]!, ranges[2]!];
    const reordered = Buffer.concat([bytes.subarray(0, a[0]), bytes.subarray(b[0], b[1]), bytes.subarray(a[0], a[1]), bytes.subarray(b[1])]);
    expect(reordered.length).toBe(bytes.length);
    const damaged = join(folder, 'reordered.gbws');
    await writeFile(damaged, reordered);
    expect((await loadError(damaged, target)).message).toMatch(/reordered\.gbws is beschadigd/);
    await expectNothingLoaded();
  });

  it('refuses a file that is not a workspace', async () => {
    const other = join(folder, 'persons.csv');
    await writeFile(other, 'RINPERSOON\n000000001\n');
    expect((await loadError(other, target)).message).toMatch(/persons\.csv is geen werkruimte van Groepsbeeld/);
    await expect(deleteWorkspace(other)).rejects.toThrow(/geen werkruimte van Groepsbeeld en is daarom niet verwijderd/);
    await expect(access(other)).resolves.toBeUndefined();
  });

  it('leaves no table behind when the load is aborted halfway', async () => {
    const controller = new AbortController();
    const loading = loadWorkspace(path, PASSPHRASE, target, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(loading).rejects.toThrow(/abort/i);
    await expectNothingLoaded();
  });
});

describe('deleting a workspace', () => {
  it('removes the file, and says when there was none', async () => {
    const path = workspacePath();
    await write(path);
    expect(await deleteWorkspace(path)).toBe(true);
    await expect(access(path)).rejects.toThrow();
    expect(await deleteWorkspace(path)).toBe(false);
  });
});
