// Populations of households an aggregate is computed over, defined by filters on the analysis table (never by
// lists of households), so that two exports' populations can be compared for differencing.
import { z } from 'zod';
import { ANALYSIS_TABLE } from '../linking/analysis-table-name';
import { featureById, featureIdSchema, type CategoricalFeature } from './features';
import { sqlString } from '../engine/sql';

/** Households whose category on a feature is one of `codes` (null selects the unknowns). */
const categoryFilterSchema = z.strictObject({
  feature: featureIdSchema,
  codes: z.array(z.string().max(16).nullable()).min(1).max(50),
});

export const populationSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(64),
  label: z.string().min(1).max(200),
  /** Client households only, or all households of the municipality. */
  clientsOnly: z.boolean(),
  /** All must hold. */
  filters: z.array(categoryFilterSchema).max(10),
});
export type Population = z.infer<typeof populationSchema>;

export const ALL_HOUSEHOLDS: Population = { id: 'alle-huishoudens', label: 'Alle huishoudens', clientsOnly: false, filters: [] };
export const CLIENT_HOUSEHOLDS: Population = { id: 'klanthuishoudens', label: 'Klanthuishoudens', clientsOnly: true, filters: [] };

/**
 * The population as a boolean SQL expression over `analysis_households` that is never NULL, so that
 * membership can be compared between two populations row by row.
 */
export function populationPredicate(population: Population): string {
  const parts = population.clientsOnly ? ['coalesce(client, false)'] : [];
  for (const filter of population.filters) {
    const feature = featureById(filter.feature);
    if (feature.kind !== 'category') throw new Error(`Population filters need a feature with categories, not ${feature.id}.`);
    parts.push(categoryCondition(feature, filter.codes));
  }
  return parts.length === 0 ? 'true' : parts.map((part) => `(${part})`).join(' AND ');
}

function categoryCondition(feature: CategoricalFeature, codes: readonly (string | null)[]): string {
  const known = codes.filter((code): code is string => code !== null);
  const conditions = [];
  if (known.length > 0) conditions.push(`coalesce((${feature.sql}) IN (${known.map(sqlString).join(', ')}), false)`);
  if (known.length < codes.length) conditions.push(`(${feature.sql}) IS NULL`);
  return conditions.join(' OR ');
}

/** SQL counting the households in a population. */
export function populationCountSql(population: Population): string {
  return `SELECT count(*) AS units FROM ${ANALYSIS_TABLE} WHERE ${populationPredicate(population)}`;
}

/** SQL counting the households in exactly one of two populations: what a reader learns by differencing them. */
export function populationDifferenceSql(a: Population, b: Population): string {
  return `SELECT count(*) FILTER (WHERE (${populationPredicate(a)}) <> (${populationPredicate(b)})) AS units FROM ${ANALYSIS_TABLE}`;
}
