// The populations the differencing guard fingerprints, as SQL over the session (never as a list of household keys):
// a filter of the analysis layer, a predicate over the analysis table, or the households of a stored clustering's clusters.
import type { Population } from '../analysis/population';
import { populationPredicate } from '../analysis/population';
import { ASSIGNMENTS_TABLE } from '../analysis/clustering-service/assignments';
import { ANALYSIS_TABLE } from '../linking/analysis-table-name';
import { sqlString } from '../engine/sql';

/**
 * Which households a population holds, as SQL over the session (never as a list of keys). Either a FROM fragment
 * with a WHERE condition whose rows have unambiguous `household_key` and `household_start` columns (the analysis
 * table itself, or a join with another temp table using `USING (household_key, household_start)`), or a query
 * returning those two columns. Duplicates are removed; every unit must be a row of the analysis table.
 */
export type UnitPopulation = { from: string; where: string } | { unitsQuery: string };

/** A population given as a boolean expression over `analysis_households` (e.g. populationPredicate). */
export function predicatePopulation(predicate: string): UnitPopulation {
  return { from: ANALYSIS_TABLE, where: predicate };
}

/** A population of the analysis layer (clients or all households, with category filters). */
export function filterPopulation(population: Population): UnitPopulation {
  return predicatePopulation(populationPredicate(population));
}

/** The households of one cluster (1..k) of a stored clustering run, or of all its clusters when `cluster` is omitted. */
export function clusterPopulation(runId: string, k: number, cluster?: number): UnitPopulation {
  if (!Number.isInteger(k) || k < 1 || (cluster !== undefined && (!Number.isInteger(cluster) || cluster < 1 || cluster > k))) {
    throw new Error(`Cluster ${String(cluster)} of k = ${k} is not a cluster.`);
  }
  const conditions = [`run_id = ${sqlString(runId)}`, `k = ${k}`, ...(cluster === undefined ? [] : [`cluster = ${cluster}`])];
  return { from: ASSIGNMENTS_TABLE, where: conditions.join(' AND ') };
}

export function unitsQuery(population: UnitPopulation): string {
  return 'unitsQuery' in population ? population.unitsQuery : `SELECT household_key, household_start FROM ${population.from} WHERE (${population.where})`;
}
