// The clustering feature catalogue and request: which analysis-table features can be clustered on, with what weight, and the SQL that reads them.
import { z } from 'zod';
import type { FeatureSpec } from '../clustering/mixed-table';
import { FEATURES, featureById } from '../features';
import { CLIENT_HOUSEHOLDS, populationPredicate, populationSchema, type Population } from '../population';
import { ANALYSIS_TABLE } from '../../linking/analysis-table-name';

/** A feature the clustering can use: `sql` over `analysis_households` yields a category code (text) or an amount, NULL for unknown. */
export interface ClusterFeature {
  id: string;
  label: string;
  kind: FeatureSpec['kind'];
  sql: string;
}

/**
 * Care as the seed table's single row (none / youth care / WMO / both): the planted clusters differ in
 * the kind of care, and one four-way feature weighs that once instead of three correlated yes/no flags.
 */
export const CARE_FEATURE: ClusterFeature = {
  id: 'care',
  label: 'Zorg (jeugdzorg, Wmo, beide of geen)',
  kind: 'categorical',
  sql: "CASE WHEN (youth_help OR youth_protection) AND wmo THEN 'beide' WHEN youth_help OR youth_protection THEN 'jeugd' WHEN wmo THEN 'wmo' ELSE 'geen' END",
};

/** Every feature of features.ts (categories stay categories, amounts amounts) plus the combined care feature. */
export const CLUSTER_FEATURES: readonly ClusterFeature[] = [
  ...FEATURES.map((feature): ClusterFeature => ({
    id: feature.id,
    label: feature.label,
    kind: feature.kind === 'amount' ? 'numeric' : 'categorical',
    sql: feature.sql,
  })),
  CARE_FEATURE,
];

export const clusterFeatureIdSchema = z.enum(CLUSTER_FEATURES.map((feature) => feature.id) as [string, ...string[]]);

/**
 * Features that are another feature in a coarser or partial form: left out of the default set, which takes the finer
 * form (age in years, not its bands; income source, not the benefit type derived from it; care as the one combined
 * row, not its three flags), so that no trait is counted twice in the distances.
 */
const COARSER_FORMS: Readonly<Record<string, string>> = {
  reference_age: 'reference_age_years',
  benefit_type: 'income_source',
  youth_help: CARE_FEATURE.id,
  youth_protection: CARE_FEATURE.id,
  wmo: CARE_FEATURE.id,
};

/**
 * The candidates for the default set: every feature of the household (its members, income and care), one form per
 * trait; not the client's relation with the partner (duration), which describes the service rather than who the
 * household is and is compared afterwards. Which candidates are used depends on the data (default-features.ts).
 */
export const DEFAULT_CANDIDATE_IDS: readonly string[] = CLUSTER_FEATURES.filter(
  (feature) => !(feature.id in COARSER_FORMS) && (feature.id === CARE_FEATURE.id || featureById(feature.id).group !== 'klant'),
).map((feature) => feature.id);

const weightedFeatureSchema = z.strictObject({
  id: clusterFeatureIdSchema,
  /** Weight 2 counts like two copies of the feature; 0 leaves it out of the distances. */
  weight: z.number().min(0).max(10).default(1),
});

export const clusteringAlgorithmSchema = z.enum(['kmeans', 'kprototypes', 'pam']);

/** What the renderer may ask for; a reference labelling (external validation) is not part of it: the CLI and study give that. */
export const clusteringRequestSchema = z.strictObject({
  population: populationSchema.default(CLIENT_HOUSEHOLDS),
  /** Left out: every default candidate with enough known values in the population (default-features.ts). */
  features: z
    .array(weightedFeatureSchema)
    .min(1)
    .max(CLUSTER_FEATURES.length)
    .refine((features) => new Set(features.map((feature) => feature.id)).size === features.length, 'een kenmerk staat er twee keer in')
    .refine((features) => features.some((feature) => feature.weight > 0), 'ten minste één kenmerk moet een gewicht boven 0 hebben')
    .optional(),
  /**
   * Left out: an algorithm that treats categories as categories (no one-hot encoding that weighs them by their
   * number), chosen by the population's size (default-features.ts).
   */
  algorithm: clusteringAlgorithmSchema.optional(),
  kRange: z
    .tuple([z.number().int().min(2), z.number().int().max(20)])
    .default([2, 8])
    .refine(([low, high]) => low <= high, 'de laagste k mag niet hoger zijn dan de hoogste'),
  /** Bootstrap resamples per k; fewer than 50 say too little about stability. */
  resamples: z.number().int().min(50).max(500).default(50),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(2017),
});
/** A validated request; its features and algorithm may still be left to the default rules. */
export type ClusteringRequestSpec = z.infer<typeof clusteringRequestSchema>;
/** A request with its features settled (resolveClusteringRequest). Internal callers may build one directly, e.g. with fewer resamples in a test. */
export type ClusteringRequest = ClusteringRequestSpec & {
  features: NonNullable<ClusteringRequestSpec['features']>;
  algorithm: NonNullable<ClusteringRequestSpec['algorithm']>;
};
export type ClusteringRequestInput = z.input<typeof clusteringRequestSchema>;

export function clusterFeatureById(id: string): ClusterFeature {
  const feature = CLUSTER_FEATURES.find((candidate) => candidate.id === id);
  if (!feature) throw new Error(`Unknown clustering feature ${id}`);
  return feature;
}

/** The label an analyst sees for a clustering feature. */
export function clusterFeatureLabel(id: string): string {
  return id === CARE_FEATURE.id ? CARE_FEATURE.label : featureById(id).label;
}

/** The clustering's feature specs, in request order. */
export function featureSpecs(request: Pick<ClusteringRequest, 'features'>): FeatureSpec[] {
  return request.features.map(({ id, weight }) => ({ id, kind: clusterFeatureById(id).kind, weight }));
}

/** The column alias of a feature in the rows query: ids are validated, the prefix keeps them clear of the key columns. */
export function featureColumn(id: string): string {
  return `f_${id}`;
}

/**
 * SQL reading the population's households in a fixed order, one row each: the household key and start
 * (as text, so they can be compared with a reference file and joined back) and each feature's value
 * (categories as text, amounts as DOUBLE).
 */
export function clusterRowsSql(population: Population, features: readonly { id: string }[]): string {
  const columns = features.map(({ id }) => {
    const feature = clusterFeatureById(id);
    return `(${feature.sql})::${feature.kind === 'numeric' ? 'DOUBLE' : 'VARCHAR'} AS "${featureColumn(id)}"`;
  });
  return `SELECT household_key::VARCHAR AS household_key, household_start::VARCHAR AS household_start, ${columns.join(', ')}
    FROM ${ANALYSIS_TABLE} WHERE ${populationPredicate(population)} ORDER BY household_key, household_start`;
}
