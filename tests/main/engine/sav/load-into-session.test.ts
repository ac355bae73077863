// Loading a .sav into the locked session: values as written, keys as text, and nothing left when a file is damaged.
import { stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLockedSession, type LockedSession } from '../../../../src-main/engine/locked-session';
import { loadSavIntoSession } from '../../../../src-main/engine/sav/load-into-session';
import { tempFolder } from '../../support/temp-folder';
import { writeSav } from './support/sav-writer';

let folder: string;
let session: LockedSession;
const ROWS = 5_000;

beforeAll(async () => {
  folder = await tempFolder();
  session = await openLockedSession({ readableFiles: [] });
  await writeSav(join(folder, 'persons.sav'), {
    variables: [
      { name: 'RINPERS', width: 9 },
      { name: 'JAAR', width: 0 },
      { name: 'INKOMEN', width: 0 },
    ],
    caseCount: ROWS,
    caseValues: (i) => [String(i).padStart(9, '0'), 1950 + (i % 50), i % 7 === 0 ? null : i * 10.5],
    compression: 1,
  });
});
afterAll(() => session.close());

describe('loadSavIntoSession', () => {
  it('loads every case with text keys, numbers and missing values as NULL', async () => {
    const loaded = await loadSavIntoSession(session, join(folder, 'persons.sav'), 'persons');
    expect(loaded.rows).toBe(ROWS);
    const [row] = await session.query(`SELECT count(*) AS n, min(RINPERS) AS first_key, count(*) FILTER (WHERE INKOMEN IS NULL) AS missing,
      sum(JAAR) AS years, typeof(any_value(RINPERS)) AS key_type FROM persons`);
    expect(row).toEqual({
      n: ROWS,
      first_key: '000000000',
      missing: Math.ceil(ROWS / 7),
      years: Array.from({ length: ROWS }, (_, i) => 1950 + (i % 50)).reduce((a, b) => a + b, 0),
      key_type: 'VARCHAR',
    });
  });

  it('leaves no table behind when the file is cut off, and names the file', async () => {
    const damaged = join(folder, 'damaged.sav');
    await writeSav(damaged, { variables: [{ name: 'RINPERS', width: 9 }], caseCount: ROWS, caseValues: (i) => [String(i)] });
    await truncate(damaged, Math.floor((await stat(damaged)).size * 0.6));
    await expect(loadSavIntoSession(session, damaged, 'damaged')).rejects.toThrow(/damaged\.sav.*afgebroken/);
    expect(await session.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'damaged%'")).toEqual([{ n: 0 }]);
  });
});
