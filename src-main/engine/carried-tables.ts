// Carries in-memory tables (loaded .sav files and sheets, tables built from the files) from one locked session into the
// next, so that opening a file (DuckDB's allowed list cannot grow once locked) loses nothing already loaded or built.
import type { DuckDBDataChunk } from '@duckdb/node-api';
import { derivedTableState, type DerivedTable } from './derived-tables';
import type { OpenedFileEntry } from './file-opening';
import { openLockedSession, type LockedSession } from './locked-session';
import { refuseChangedSav } from './sav-table';
import { quoteIdentifier } from './sql';

/** Chunks (of up to 2048 rows) handed to one appender at a time: enough to amortise it, little memory. */
const CHUNKS_PER_APPEND = 64;

/**
 * Copies `table` from `from` into `to` under the same name, in DuckDB's own vectors: no value becomes
 * JavaScript and no file is read again (a locked session cannot attach another database). Returns the rows copied.
 */
export async function carryTable(from: LockedSession, to: LockedSession, table: string): Promise<number> {
  const name = quoteIdentifier(table);
  const streamed = await from.stream(`SELECT * FROM ${name}`);
  // The types are DuckDB's own names for the columns it streams, so they can be written back as they are.
  const columns = streamed.columnNames.map((column, index) => `${quoteIdentifier(column)} ${String(streamed.columnTypes[index])}`);
  await to.query(`CREATE OR REPLACE TEMP TABLE ${name} (${columns.join(', ')})`);
  let batch: DuckDBDataChunk[] = [];
  let rows = 0;
  for await (const chunk of streamed.chunks) {
    batch.push(chunk);
    rows += chunk.rowCount;
    if (batch.length >= CHUNKS_PER_APPEND) {
      await to.appendChunks(table, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await to.appendChunks(table, batch);
  return rows;
}

/** Whether the session has a table of that name (temporary or not). */
export async function hasTable(session: LockedSession, table: string): Promise<boolean> {
  const rows = await session.query('SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $table', { table });
  return Number(rows[0]?.n) > 0;
}

/** What a session swap starts from: the current session, its open files and the tables built from them. */
export interface SessionContents {
  session: LockedSession;
  files: Iterable<OpenedFileEntry>;
  derived: ReadonlyMap<string, DerivedTable<OpenedFileEntry>>;
}

/**
 * A new locked session over the given files, with the in-memory tables of the current one carried
 * over: the .xlsx sheets, the .sav files (only while unchanged on disk) and each derived table whose
 * sources are as they were; a derived table whose sources changed is left behind, marked to be rebuilt.
 * A failure closes the new session and leaves the current one as it was.
 */
export async function carriedSession(current: SessionContents, readableFiles: string[], exportDirectory: string | undefined): Promise<LockedSession> {
  const session = await openLockedSession({ readableFiles, writableDirectories: exportDirectory ? [exportDirectory] : [] });
  const files = [...current.files];
  const leftBehind: DerivedTable<OpenedFileEntry>[] = [];
  try {
    for (const entry of files) {
      if (!entry.tableName) continue;
      if (entry.format === 'sav') await refuseChangedSav(entry);
      await carryTable(current.session, session, entry.tableName);
    }
    for (const [table, record] of current.derived) {
      if ((await derivedTableState(files, record)) === 'current' && (await hasTable(current.session, table))) await carryTable(current.session, session, table);
      else leftBehind.push(record);
    }
  } catch (error) {
    await session.close();
    throw error;
  }
  // Only once the swap cannot fail any more: the tables left behind are gone with the old session.
  for (const record of leftBehind) record.dropped = true;
  return session;
}
