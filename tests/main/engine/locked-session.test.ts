// The locked DuckDB session refuses the network, extensions, unlisted files and configuration changes.
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSecurityRefusal } from '../../../src-main/engine/lockdown-probes';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';
import { readEngineSecurity } from '../../../src-main/engine/security-settings';
import { tempFolder } from '../support/temp-folder';

let folder: string;
let listed: string;
let unlisted: string;
let exportFolder: string;
let session: LockedSession;

async function refusal(sql: string, parameters?: Record<string, string>): Promise<string> {
  const error = await session.query(sql, parameters).then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  expect(error, `expected "${sql}" to be refused`).toBeInstanceOf(Error);
  return error!.message;
}

beforeAll(async () => {
  folder = await tempFolder();
  listed = join(folder, 'listed.csv');
  unlisted = join(folder, 'unlisted.csv');
  exportFolder = join(folder, 'export');
  await writeFile(listed, 'RINPERSOON,GBAGESLACHT\n000000001,1\n000000002,2\n');
  await writeFile(unlisted, 'secret\n42\n');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(exportFolder);
  session = await openLockedSession({ readableFiles: [listed], writableDirectories: [exportFolder] });
});
afterAll(() => session.close());

describe('a locked session', () => {
  it('reads a listed file, by bound path', async () => {
    expect(await session.query('SELECT count(*) AS n FROM read_csv($path)', { path: listed })).toEqual([{ n: 2 }]);
  });

  it('refuses a file that was not opened', async () => {
    expect(isSecurityRefusal(await refusal('SELECT * FROM read_csv($path)', { path: unlisted }))).toBe(true);
    expect(isSecurityRefusal(await refusal('SELECT * FROM glob($pattern)', { pattern: `${folder}/*` }))).toBe(true);
  });

  it.each(['http://example.com/data.csv', 'https://example.com/data.csv', 's3://bucket/data.parquet'])('refuses to read %s', async (url) => {
    expect(isSecurityRefusal(await refusal('SELECT * FROM read_csv($url)', { url }))).toBe(true);
  });

  it('refuses INSTALL and LOAD of extensions', async () => {
    expect(isSecurityRefusal(await refusal('INSTALL httpfs'))).toBe(true);
    expect(isSecurityRefusal(await refusal('LOAD httpfs'))).toBe(true);
    expect(isSecurityRefusal(await refusal("FORCE INSTALL spatial FROM 'http://example.com'"))).toBe(true);
  });

  it('refuses to change a locked setting, including the lock itself', async () => {
    for (const sql of [
      'SET enable_external_access = true',
      'SET lock_configuration = false',
      "SET allowed_paths = ['/etc/passwd']",
      'SET autoload_known_extensions = true',
      "SET allowed_directories = ['/']",
    ]) {
      expect(await refusal(sql), sql).toMatch(/configuration has been locked/);
    }
  });

  it('writes only into the export folder, and attaches nothing', async () => {
    const outside = join(folder, 'leak.csv');
    expect(isSecurityRefusal(await refusal('COPY (SELECT 1 AS x) TO $path', { path: outside }))).toBe(true);
    await expect(access(outside)).rejects.toThrow();
    const inside = join(exportFolder, 'aggregate.csv');
    await session.query('COPY (SELECT 1 AS x) TO $path', { path: inside });
    await expect(access(inside)).resolves.toBeUndefined();
    // ATTACH takes no bound parameters; the test's own temp path has no quotes in it.
    expect(isSecurityRefusal(await refusal(`ATTACH '${join(folder, 'other.duckdb')}' AS other`))).toBe(true);
  });

  it('reports its effective settings from DuckDB', async () => {
    const security = await readEngineSecurity(session);
    expect(security).toMatchObject({
      autoinstallKnownExtensions: false,
      autoloadKnownExtensions: false,
      enableExternalAccess: false,
      lockConfiguration: true,
      allowedPaths: [listed],
    });
    expect(security.allowedDirectories).toContain(`${exportFolder}/`);
  });

  it('takes a memory limit at creation, which the lock then keeps', async () => {
    const bounded = await openLockedSession({ readableFiles: [], memoryLimit: '256MB' });
    try {
      expect(await bounded.query("SELECT current_setting('memory_limit') AS limit")).toEqual([{ limit: '244.1 MiB' }]);
      await expect(bounded.query("SET memory_limit = '8GB'")).rejects.toThrow(/configuration has been locked/);
    } finally {
      await bounded.close();
    }
  });

  it('refuses queries once closed', async () => {
    const other = await openLockedSession({ readableFiles: [] });
    await other.close();
    await expect(other.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});
