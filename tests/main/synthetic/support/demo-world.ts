// Generates a world into a temp folder once per test file and loads its CSVs, as text, into a locked DuckDB.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openLockedSession, type LockedSession } from '../../../../src-main/engine/locked-session';
import { quoteIdentifier } from '../../../../src-main/engine/sql';
import { EXTRACT_TABLES } from '../../../../src-main/synthetic/extract-tables';
import { writeWorldCsv } from '../../../../src-main/synthetic/generate-world';
import type { WorldSummary } from '../../../../src-main/synthetic/world-writer';
import { tempFolder } from '../../support/temp-folder';

export interface LoadedWorld {
  folder: string;
  summary: WorldSummary;
  session: LockedSession;
  /** Runs a query and returns the first row's first value. */
  scalar(sql: string): Promise<unknown>;
}

export async function generateWorld(seed = 2017, scale = 1, traits = true): Promise<{ folder: string; summary: WorldSummary }> {
  const folder = await tempFolder('groepsbeeld-world-');
  const summary = await writeWorldCsv(folder, { seed, scale, traits });
  return { folder, summary };
}

/**
 * Each extract becomes a table named after its id (persons, households, addresses, ...), all columns text; the
 * ground-truth clusters become `planted`, the planted traits (ground-truth/traits.csv) `plantedTraits`.
 */
export async function loadWorld(seed = 2017, scale = 1): Promise<LoadedWorld> {
  const { folder, summary } = await generateWorld(seed, scale);
  const planted = join(folder, 'ground-truth', 'clusters.csv');
  const traits = join(folder, 'ground-truth', 'traits.csv');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.csv')).map((name) => join(folder, name));
  const session = await openLockedSession({ readableFiles: [...files, planted, traits] });
  await session.query('CREATE TABLE planted AS SELECT * FROM read_csv($path, header = true, all_varchar = true)', { path: planted });
  if (existsSync(traits))
    await session.query('CREATE TABLE plantedTraits AS SELECT * FROM read_csv($path, header = true, all_varchar = true)', { path: traits });
  for (const table of EXTRACT_TABLES) {
    await session.query(`CREATE TABLE ${quoteIdentifier(table.id)} AS SELECT * FROM read_csv($path, header = true, all_varchar = true)`, {
      path: join(folder, `${table.fileName}.csv`),
    });
  }
  return {
    folder,
    summary,
    session,
    async scalar(sql) {
      const rows = await session.query(sql);
      return Object.values(rows[0] ?? {})[0];
    },
  };
}
