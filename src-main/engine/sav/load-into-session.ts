// Loads a .sav file into a table of a locked DuckDB session, batch by batch (DuckDB cannot scan .sav itself).
import { basename } from 'node:path';
import type { LockedSession } from '../locked-session';
import { quoteIdentifier } from '../sql';
import { openSav } from './open-sav';
import type { SavVariable } from './types';

export interface LoadedSav {
  table: string;
  rows: number;
  variables: SavVariable[];
}

/**
 * Text stays text (keys keep their leading zeros), numbers become DOUBLE, SPSS dates become DATE; user-
 * and system-missing values become NULL. The table is built under a temporary name and renamed only
 * when every case has been read, so a damaged file leaves no half-loaded table behind.
 */
export async function loadSavIntoSession(session: LockedSession, path: string, table: string, signal?: AbortSignal): Promise<LoadedSav> {
  const file = await openSav(path);
  const staging = `${table}__loading`;
  const q = quoteIdentifier;
  try {
    const columns = file.variables.map((variable) => `${q(variable.name)} ${variable.kind === 'number' ? 'DOUBLE' : 'VARCHAR'}`);
    await session.query(`CREATE OR REPLACE TEMP TABLE ${q(staging)} (${columns.join(', ')})`);
    let rows = 0;
    for await (const batch of file.batches()) {
      signal?.throwIfAborted();
      await session.appendColumns(
        staging,
        batch.columns.map((column) => column.values),
        batch.rowCount,
      );
      rows += batch.rowCount;
    }
    const dates = file.variables.filter((variable) => variable.kind === 'date');
    const replace = dates.length > 0 ? ` REPLACE (${dates.map((d) => `CAST(${q(d.name)} AS DATE) AS ${q(d.name)}`).join(', ')})` : '';
    await session.query(`CREATE OR REPLACE TEMP TABLE ${q(table)} AS SELECT *${replace} FROM ${q(staging)}`);
    return { table, rows, variables: file.variables };
  } catch (error) {
    if (error instanceof Error && !error.message.includes(basename(path)) && error.name !== 'AbortError') {
      error.message = `${basename(path)}: ${error.message}`;
    }
    throw error;
  } finally {
    await session.query(`DROP TABLE IF EXISTS ${q(staging)}`).catch(() => undefined);
    await file.close();
  }
}
