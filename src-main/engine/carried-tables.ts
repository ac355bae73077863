// Carries in-memory tables (loaded .sav files and sheets, tables built from the files) from one locked session into the next.
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { LockedSession } from './locked-session';
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
