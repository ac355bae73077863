// Raw cross-tables over the analysis table: households per category and group, and statistics of an amount per
// group. These are engine results that stay in the main process until the disclosure check has published them.
import type { LockedSession } from '../engine/locked-session';
import { ANALYSIS_TABLE } from '../linking/link-households';
import { UNKNOWN_LABEL, type AmountFeature, type CategoricalFeature } from './features';
import { populationPredicate, type Population } from './population';

/** What the analysis needs of a session: queries over the analysis table, nothing that loads or writes files. */
export type QuerySession = Pick<LockedSession, 'query'>;

/** A split of a population into groups that together make up all of it (so margins are sums of the groups). */
export interface Grouping {
  /** SQL giving each household's group id; every household of the population must get one. */
  sql: string;
  groups: readonly { id: string; label: string }[];
  /** What the whole population is called in the total column. */
  totalLabel: string;
}

/** Client households against the other households; their sum is all households. */
export const CLIENT_GROUPING: Grouping = {
  sql: "CASE WHEN coalesce(client, false) THEN 'klanten' ELSE 'overig' END",
  groups: [
    { id: 'klanten', label: 'Klanthuishoudens' },
    { id: 'overig', label: 'Overige huishoudens' },
  ],
  totalLabel: 'Alle huishoudens',
};

/** Households per category (rows, "Onbekend" last when present) and group (columns), without margins. */
export interface RawCrossTable {
  categories: { code: string | null; label: string }[];
  groups: { id: string; label: string }[];
  /** counts[category][group] */
  counts: number[][];
}

export async function crossTabulate(session: QuerySession, feature: CategoricalFeature, population: Population, grouping: Grouping): Promise<RawCrossTable> {
  const rows = await session.query(
    `SELECT (${feature.sql})::VARCHAR AS category, (${grouping.sql})::VARCHAR AS grp, count(*)::INTEGER AS units
     FROM ${ANALYSIS_TABLE} WHERE ${populationPredicate(population)} GROUP BY ALL`,
  );
  const categories: RawCrossTable['categories'] = feature.categories.map(({ code, label }) => ({ code, label }));
  const unexpected = new Set<string>();
  let hasUnknown = false;
  for (const row of rows) {
    if (row.category === null) hasUnknown = true;
    else if (!categories.some((category) => category.code === row.category)) unexpected.add(String(row.category));
  }
  // A code the catalogue does not know still gets its own row, under its code, rather than disappearing.
  for (const code of [...unexpected].sort()) categories.push({ code, label: code });
  if (hasUnknown) categories.push({ code: null, label: UNKNOWN_LABEL });
  const counts = categories.map(() => grouping.groups.map(() => 0));
  for (const row of rows) {
    const categoryIndex = categories.findIndex((category) => category.code === row.category);
    const groupIndex = grouping.groups.findIndex((group) => group.id === row.grp);
    if (groupIndex < 0) throw new Error(`The grouping gave a household the unknown group ${String(row.grp)}.`);
    counts[categoryIndex]![groupIndex] = Number(row.units);
  }
  return { categories, groups: grouping.groups.map(({ id, label }) => ({ id, label })), counts };
}

/** What the rules need to check statistics of an amount within one group. */
export interface RawAmountStatistics {
  groupId: string;
  /** Households in the group, and those with a known value. */
  units: number;
  known: number;
  mean: number | null;
  quartile1: number | null;
  median: number | null;
  quartile3: number | null;
  total: number;
  /** The two largest absolute values (for NK dominance and the p% rule). */
  largest: number[];
}

export async function amountStatistics(session: QuerySession, feature: AmountFeature, population: Population, grouping: Grouping): Promise<RawAmountStatistics[]> {
  const rows = await session.query(
    `SELECT (${grouping.sql})::VARCHAR AS grp, count(*)::INTEGER AS units, count(value)::INTEGER AS known,
       avg(value)::DOUBLE AS mean, quantile_cont(value, [0.25, 0.5, 0.75]) AS quartiles,
       coalesce(sum(abs(value)), 0)::DOUBLE AS total, coalesce(max(abs(value)::DOUBLE, 2), []) AS largest
     FROM (SELECT *, (${feature.sql})::DOUBLE AS value FROM ${ANALYSIS_TABLE} WHERE ${populationPredicate(population)})
     GROUP BY ALL`,
  );
  return grouping.groups.map((group) => {
    const row = rows.find((candidate) => candidate.grp === group.id);
    const quartiles = Array.isArray(row?.quartiles) ? row.quartiles.map((value) => (value === null ? null : Number(value))) : [];
    return {
      groupId: group.id,
      units: Number(row?.units ?? 0),
      known: Number(row?.known ?? 0),
      mean: row?.mean === null || row?.mean === undefined ? null : Number(row.mean),
      quartile1: quartiles[0] ?? null,
      median: quartiles[1] ?? null,
      quartile3: quartiles[2] ?? null,
      total: Number(row?.total ?? 0),
      largest: Array.isArray(row?.largest) ? row.largest.map(Number) : [],
    };
  });
}
