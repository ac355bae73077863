// Keeps each household's cluster in a session temp table, `cluster_assignments`, so profiles and per-cluster populations
// can use SQL; labels never leave the main process.
import type { QuerySession } from '../cross-table';
import { ANALYSIS_TABLE } from '../../linking/analysis-table-name';
import type { HouseholdKeys } from './cluster-rows';
import { sqlString } from '../../engine/sql';

export const ASSIGNMENTS_TABLE = 'cluster_assignments';

/** Rows per INSERT: keeps each statement a few hundred kB whatever the population's size. */
const BATCH = 2000;

export type StoreOutcome = { ok: true; rows: number } | { ok: false; message: string };

/**
 * Stores the labelling of run `runId` at k: one row per household (household_key, household_start with the
 * analysis table's own types, run_id, k, cluster numbered 1..k). Rows are written to a staging table first
 * and replace any earlier rows of the same run and k only when all of them matched a household, so a
 * failure leaves nothing half-written. `labels[i]` (0-based) belongs to household i of `keys`.
 */
export async function storeAssignments(session: QuerySession, runId: string, k: number, keys: HouseholdKeys, labels: ArrayLike<number>): Promise<StoreOutcome> {
  const n = keys.householdKey.length;
  if (keys.householdStart.length !== n || labels.length !== n) {
    return { ok: false, message: `Clusterindeling: ${n} huishoudens, maar ${keys.householdStart.length} begindatums en ${labels.length} labels.` };
  }
  if (!Number.isInteger(k) || k < 1) return { ok: false, message: `Clusterindeling: k moet een positief geheel getal zijn (opgegeven: ${k}).` };
  const staging = `${ASSIGNMENTS_TABLE}_staging`;
  try {
    await session.query(
      `CREATE TEMP TABLE IF NOT EXISTS ${ASSIGNMENTS_TABLE} AS
       SELECT household_key, household_start, NULL::VARCHAR AS run_id, NULL::INTEGER AS k, NULL::INTEGER AS cluster FROM ${ANALYSIS_TABLE} WHERE false`,
    );
    await session.query(`CREATE OR REPLACE TEMP TABLE ${staging} AS SELECT * FROM ${ASSIGNMENTS_TABLE} WHERE false`);
    for (let from = 0; from < n; from += BATCH) {
      const values: string[] = [];
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const label = labels[i]!;
        if (!Number.isInteger(label) || label < 0 || label >= k)
          return { ok: false, message: `Clusterindeling: huishouden ${i} heeft label ${label}, buiten 0..${k - 1}.` };
        values.push(`(${sqlString(keys.householdKey[i]!)}, ${sqlString(keys.householdStart[i]!)}, ${label + 1})`);
      }
      await session.query(
        `INSERT INTO ${staging}
         SELECT a.household_key, a.household_start, ${sqlString(runId)}, ${k}, v.cluster
         FROM (VALUES ${values.join(', ')}) v(household_key, household_start, cluster)
         JOIN ${ANALYSIS_TABLE} a ON a.household_key::VARCHAR = v.household_key AND a.household_start::VARCHAR = v.household_start`,
      );
    }
    const [count] = await session.query(`SELECT count(*)::INTEGER AS households FROM ${staging}`);
    const stored = Number(count?.households ?? 0);
    if (stored !== n)
      return {
        ok: false,
        message: `Clusterindeling: ${n} huishoudens zijn geclusterd, maar er zijn er ${stored} gevonden in ${ANALYSIS_TABLE}; er is niets bewaard.`,
      };
    await session.query(`DELETE FROM ${ASSIGNMENTS_TABLE} WHERE run_id = ${sqlString(runId)} AND k = ${k}`);
    await session.query(`INSERT INTO ${ASSIGNMENTS_TABLE} SELECT * FROM ${staging}`);
    return { ok: true, rows: n };
  } catch (error) {
    return { ok: false, message: `De clusterindeling kon niet worden bewaard: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await session.query(`DROP TABLE IF EXISTS ${staging}`).catch(() => undefined);
  }
}

/** How many households of run `runId` at k the session holds (0 when the table is gone, e.g. after a session swap). */
export async function storedAssignmentCount(session: QuerySession, runId: string, k: number): Promise<number> {
  const [exists] = await session.query(`SELECT count(*)::INTEGER AS tables FROM duckdb_tables() WHERE table_name = ${sqlString(ASSIGNMENTS_TABLE)}`);
  if (Number(exists?.tables ?? 0) === 0) return 0;
  const [stored] = await session.query(`SELECT count(*)::INTEGER AS households FROM ${ASSIGNMENTS_TABLE} WHERE run_id = ${sqlString(runId)} AND k = ${k}`);
  return Number(stored?.households ?? 0);
}
