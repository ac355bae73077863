// What a publication is computed from, read once from the engine's session: per variable family the households per
// atom and population atom (the cover table), and per amount its statistics per population and per population atom.
// Raw engine results: they never leave the main process.
import type { QuerySession } from '../analysis/cross-table';
import type { AmountFeature } from '../analysis/features';
import type { PopulationModel } from './population-atoms';
import type { PublishedFeature } from './published-feature';
import { buildFamilies, type VariableFamily } from './variable-families';
import { sqlString } from '../engine/sql';

export interface AmountStatistics {
  /** Households in the group, and those with a known value. */
  units: number;
  known: number;
  mean: number | null;
  /** Population variance over the known values (divided by their number). */
  variance: number | null;
  quartile1: number | null;
  median: number | null;
  quartile3: number | null;
  /** Sum of the absolute values and the two largest absolute values (NK dominance, p% rule). */
  total: number;
  largest: number[];
}

export interface AmountData {
  perPopulation: ReadonlyMap<string, AmountStatistics>;
  perAtom: ReadonlyMap<string, AmountStatistics>;
}

export interface PublicationData {
  populations: PopulationModel;
  families: readonly VariableFamily[];
  /** Per family id: households per [atom][population atom] (population atoms in `populations.atoms` order). */
  cover: ReadonlyMap<string, readonly (readonly number[])[]>;
  amounts: ReadonlyMap<string, AmountData>;
  /** Per feature id: codes in the data outside the feature's label list (published as part of its rest category). */
  unexpectedCodes: ReadonlyMap<string, readonly string[]>;
}

async function coverTable(session: QuerySession, family: VariableFamily, populations: PopulationModel): Promise<number[][]> {
  const codes = family.features.map((feature, index) => `${feature.sql}::VARCHAR AS c${index}`);
  const rows = await session.query(
    `SELECT ${codes.join(', ')}, (${populations.atomSql}) AS atom, count(*)::INTEGER AS units FROM ${populations.from} GROUP BY ALL`,
  );
  const atomIndex = new Map(family.atoms.map((atom, index) => [atom.join('\u0000'), index]));
  const populationIndex = new Map(populations.atoms.map((atom, index) => [atom.id, index]));
  const counts = family.atoms.map(() => populations.atoms.map(() => 0));
  for (const row of rows) {
    const key = family.features.map((_, index) => String(row[`c${index}`])).join('\u0000');
    const atom = atomIndex.get(key);
    const population = populationIndex.get(String(row.atom));
    // Both are programming errors: the grid misses a value a feature can yield, or a household fell outside every atom.
    if (atom === undefined)
      throw new Error(`Family ${family.id}: the data hold the combination ${key.replaceAll('\u0000', ' / ')}, which its definitions do not allow.`);
    if (population === undefined) throw new Error(`A household falls in no population atom (${String(row.atom)}).`);
    counts[atom]![population] = Number(row.units);
  }
  return counts;
}

const AMOUNT_COLUMNS = `count(*)::INTEGER AS units, count(value)::INTEGER AS known, avg(value)::DOUBLE AS mean, var_pop(value)::DOUBLE AS variance,
  quantile_cont(value, [0.25, 0.5, 0.75]) AS quartiles, coalesce(sum(abs(value)), 0)::DOUBLE AS total, coalesce(max(abs(value)::DOUBLE, 2), []) AS largest`;

function statisticsOf(row: Record<string, unknown> | undefined): AmountStatistics {
  const number = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
  const quartiles = Array.isArray(row?.quartiles) ? row.quartiles.map(number) : [];
  return {
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

async function amountData(session: QuerySession, feature: AmountFeature, populations: PopulationModel): Promise<AmountData> {
  const source = `(SELECT (${populations.atomSql}) AS atom, (${feature.sql})::DOUBLE AS value FROM ${populations.from})`;
  const perAtomRows = await session.query(`SELECT atom, ${AMOUNT_COLUMNS} FROM ${source} GROUP BY atom`);
  const perAtom = new Map(populations.atoms.map((atom) => [atom.id, statisticsOf(perAtomRows.find((row) => row.atom === atom.id))]));
  const perPopulation = new Map<string, AmountStatistics>();
  for (const population of populations.populations) {
    const [row] = await session.query(`SELECT ${AMOUNT_COLUMNS} FROM ${source} WHERE atom IN (${population.atoms.map(sqlString).join(', ')})`);
    perPopulation.set(population.id, statisticsOf(row));
  }
  return { perPopulation, perAtom };
}

async function unexpectedCodes(session: QuerySession, feature: PublishedFeature, from: string): Promise<string[]> {
  const known = feature.source.categories.map((category) => sqlString(category.code));
  const rows = await session.query(
    `SELECT DISTINCT (${feature.source.sql})::VARCHAR AS code FROM ${from} WHERE (${feature.source.sql}) IS NOT NULL ` +
      `${known.length > 0 ? `AND (${feature.source.sql})::VARCHAR NOT IN (${known.join(', ')})` : ''} ORDER BY code LIMIT 20`,
  );
  return rows.map((row) => String(row.code));
}

export async function loadPublicationData(
  session: QuerySession,
  features: readonly PublishedFeature[],
  amounts: readonly AmountFeature[],
  populations: PopulationModel,
  signal?: AbortSignal,
): Promise<PublicationData> {
  const families = await buildFamilies(session, features);
  const cover = new Map<string, number[][]>();
  for (const family of families) {
    signal?.throwIfAborted();
    cover.set(family.id, await coverTable(session, family, populations));
  }
  const amountMap = new Map<string, AmountData>();
  for (const feature of amounts) {
    signal?.throwIfAborted();
    amountMap.set(feature.id, await amountData(session, feature, populations));
  }
  const unexpected = new Map<string, string[]>();
  for (const feature of features) unexpected.set(feature.id, await unexpectedCodes(session, feature, populations.from));
  return { populations, families, cover, amounts: amountMap, unexpectedCodes: unexpected };
}
