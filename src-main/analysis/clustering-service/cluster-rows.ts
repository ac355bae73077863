// Reads the population's households and their clustering features from the analysis table: keys stay here, values are packed for the worker.
import type { MixedRow, MixedValue } from '../clustering/mixed-table';
import type { QuerySession } from '../cross-table';
import { clusterRowsSql, featureColumn, featureSpecs, type ClusteringRequest } from './cluster-features';
import { packRows, type PackedRows } from './packed-rows';

/** Which household each row is: never leaves the main process. */
export interface HouseholdKeys {
  householdKey: string[];
  householdStart: string[];
}

export interface ClusterRows {
  keys: HouseholdKeys;
  packed: PackedRows;
}

function cellValue(value: unknown, kind: 'numeric' | 'categorical'): MixedValue {
  if (value === null || value === undefined) return null;
  if (kind === 'numeric') return typeof value === 'number' ? value : Number(value);
  return String(value);
}

/** One query over the analysis table; the household keys are read as text, in the query's fixed order. */
export async function readClusterRows(session: QuerySession, request: Pick<ClusteringRequest, 'population' | 'features'>): Promise<ClusterRows> {
  const specs = featureSpecs(request);
  const result = await session.query(clusterRowsSql(request.population, request.features));
  const keys: HouseholdKeys = { householdKey: [], householdStart: [] };
  const rows: MixedRow[] = result.map((row) => {
    keys.householdKey.push(String(row.household_key));
    keys.householdStart.push(String(row.household_start));
    return specs.map((spec) => cellValue(row[featureColumn(spec.id)], spec.kind));
  });
  return { keys, packed: packRows(rows, specs) };
}
