// Engine reads for cluster profiles: per cluster of a stored run, households per category and statistics of each
// amount, with the same for all clients and all households. Raw results: they never leave the main process.
import { ASSIGNMENTS_TABLE } from '../clustering-service/assignments';
import { crossTabulate, type Grouping, type QuerySession, type RawAmountStatistics } from '../cross-table';
import type { AmountFeature, CategoricalFeature, Feature } from '../features';
import { ALL_HOUSEHOLDS, populationPredicate, type Population } from '../population';
import { ANALYSIS_TABLE } from '../../linking/analysis-table-name';
import { PROFILE_FEATURES } from './profile-features';

/** Which stored labelling to describe: the run's population (the clients it clustered), its run id and k. */
export interface ClusterRunRef {
  runId: string;
  k: number;
  population: Population;
}

export interface CategoryRowData {
  kind: 'category';
  feature: CategoricalFeature;
  /** Known categories only (unknowns are left out of modes and tests), in the catalogue's order. */
  categories: { code: string; label: string }[];
  /** counts[cluster index][category index] */
  clusterCounts: number[][];
  /** Households per category among all households of the municipality. */
  allCounts: number[];
}

/** Statistics of an amount, plus the variance over the known values (divided by their number). */
export interface AmountStatistics extends RawAmountStatistics {
  variance: number | null;
}

export interface AmountRowData {
  kind: 'amount';
  feature: AmountFeature;
  clusterStatistics: AmountStatistics[];
  clientStatistics: AmountStatistics;
  allStatistics: AmountStatistics;
}

export type ProfileRowData = CategoryRowData | AmountRowData;

export interface ClusterProfileData {
  run: ClusterRunRef;
  /** Clusters 1..k with their numbers of households. */
  clusters: { cluster: number; units: number }[];
  allUnits: number;
  rows: ProfileRowData[];
}

const SINGLE: Grouping = { sql: "'alle'", groups: [{ id: 'alle', label: 'Alle' }], totalLabel: 'Alle' };

/** A SQL string literal: run ids are the app's own, but are escaped all the same (sessions may not take parameters). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function assignmentsJoin(run: ClusterRunRef): string {
  if (!Number.isInteger(run.k) || run.k < 1) throw new Error(`k must be a positive whole number, got ${run.k}.`);
  return `${ANALYSIS_TABLE} JOIN ${ASSIGNMENTS_TABLE} c USING (household_key, household_start)
    WHERE c.run_id = ${literal(run.runId)} AND c.k = ${run.k} AND (${populationPredicate(run.population)})`;
}

async function categoryRow(session: QuerySession, run: ClusterRunRef, feature: CategoricalFeature, clusters: readonly number[]): Promise<CategoryRowData> {
  const rows = await session.query(
    `SELECT (${feature.sql})::VARCHAR AS category, c.cluster::INTEGER AS cluster, count(*)::INTEGER AS units FROM ${assignmentsJoin(run)} GROUP BY ALL`,
  );
  const all = await crossTabulate(session, feature, ALL_HOUSEHOLDS, SINGLE);
  // Codes outside the catalogue keep their own row (under their code), as in the comparison tables.
  const categories = all.categories.filter((category): category is { code: string; label: string } => category.code !== null);
  for (const row of rows) {
    if (row.category !== null && !categories.some((category) => category.code === row.category)) categories.push({ code: String(row.category), label: String(row.category) });
  }
  const clusterCounts = clusters.map(() => categories.map(() => 0));
  for (const row of rows) {
    const c = clusters.indexOf(Number(row.cluster));
    const j = categories.findIndex((category) => category.code === row.category);
    if (c >= 0 && j >= 0) clusterCounts[c]![j] = Number(row.units);
  }
  const allCounts = categories.map((category) => {
    const index = all.categories.findIndex((candidate) => candidate.code === category.code);
    return index < 0 ? 0 : (all.counts[index]?.[0] ?? 0);
  });
  return { kind: 'category', feature, categories, clusterCounts, allCounts };
}

const AMOUNT_COLUMNS = `count(*)::INTEGER AS units, count(value)::INTEGER AS known, avg(value)::DOUBLE AS mean, var_pop(value)::DOUBLE AS variance,
  quantile_cont(value, [0.25, 0.5, 0.75]) AS quartiles, coalesce(sum(abs(value)), 0)::DOUBLE AS total, coalesce(max(abs(value)::DOUBLE, 2), []) AS largest`;

function amountStatisticsOf(row: Record<string, unknown> | undefined, groupId: string): AmountStatistics {
  const number = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
  const quartiles = Array.isArray(row?.quartiles) ? row.quartiles.map(number) : [];
  return {
    groupId,
    units: Number(row?.units ?? 0),
    known: Number(row?.known ?? 0),
    mean: number(row?.mean),
    variance: number(row?.variance),
    quartile1: quartiles[0] ?? null,
    median: quartiles[1] ?? null,
    quartile3: quartiles[2] ?? null,
    total: Number(row?.total ?? 0),
    largest: Array.isArray(row?.largest) ? row.largest.map(Number) : [],
  };
}

async function amountRow(session: QuerySession, run: ClusterRunRef, feature: AmountFeature, clusters: readonly number[]): Promise<AmountRowData> {
  const perCluster = await session.query(
    `SELECT cluster, ${AMOUNT_COLUMNS} FROM (SELECT c.cluster::INTEGER AS cluster, (${feature.sql})::DOUBLE AS value FROM ${assignmentsJoin(run)}) GROUP BY cluster`,
  );
  const [clients] = await session.query(`SELECT ${AMOUNT_COLUMNS} FROM (SELECT (${feature.sql})::DOUBLE AS value FROM ${assignmentsJoin(run)})`);
  const [all] = await session.query(`SELECT ${AMOUNT_COLUMNS} FROM (SELECT (${feature.sql})::DOUBLE AS value FROM ${ANALYSIS_TABLE})`);
  return {
    kind: 'amount',
    feature,
    clusterStatistics: clusters.map((cluster) => amountStatisticsOf(perCluster.find((row) => Number(row.cluster) === cluster), `cluster-${cluster}`)),
    clientStatistics: amountStatisticsOf(clients, 'klanten'),
    allStatistics: amountStatisticsOf(all, 'alle'),
  };
}

/** Reads everything a cluster profile needs for run `run` (which must be stored in `cluster_assignments`). */
export async function readClusterProfileData(session: QuerySession, run: ClusterRunRef, features: readonly Feature[] = PROFILE_FEATURES): Promise<ClusterProfileData> {
  const sizes = await session.query(`SELECT c.cluster::INTEGER AS cluster, count(*)::INTEGER AS units FROM ${assignmentsJoin(run)} GROUP BY ALL ORDER BY cluster`);
  if (sizes.length === 0) throw new Error(`No stored cluster assignments for run ${run.runId} at k = ${run.k}.`);
  const clusters = Array.from({ length: run.k }, (_, index) => ({
    cluster: index + 1,
    units: Number(sizes.find((row) => Number(row.cluster) === index + 1)?.units ?? 0),
  }));
  const numbers = clusters.map(({ cluster }) => cluster);
  const [all] = await session.query(`SELECT count(*)::INTEGER AS units FROM ${ANALYSIS_TABLE}`);
  const rows: ProfileRowData[] = [];
  for (const feature of features) {
    rows.push(feature.kind === 'category' ? await categoryRow(session, run, feature, numbers) : await amountRow(session, run, feature, numbers));
  }
  return { run, clusters, allUnits: Number(all?.units ?? 0), rows };
}
