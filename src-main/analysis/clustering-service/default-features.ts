// The clustering defaults that depend on the data: the features (every candidate of cluster-features.ts with enough
// known values in the population that takes more than one value there) and the algorithm (by the population's size).
// The shares and the size stay in the main process; only the choice is shown.
import { ANALYSIS_TABLE } from '../../linking/analysis-table-name';
import { UserFacingError } from '../../common/errors';
import type { ChooseKAlgorithm } from '../clustering/choose-k';
import { MAX_GOWER_ROWS } from '../clustering/gower-distance';
import type { QuerySession } from '../cross-table';
import { populationPredicate, type Population } from '../population';
import { clusterFeatureById, DEFAULT_CANDIDATE_IDS, type ClusteringRequest, type ClusteringRequestSpec } from './cluster-features';

/** A candidate joins the default set when at least this share of the population's households has a known value. */
export const MIN_KNOWN_SHARE = 0.8;

export interface FeatureCoverage {
  id: string;
  /** Share of the population's households with a known value (0..1; 0 for an empty population). */
  known: number;
  /** Distinct known values. */
  distinct: number;
}

/** One pass over the population: its households, and per candidate its known share and number of distinct values. */
export async function featureCoverage(
  session: QuerySession,
  population: Population,
  ids: readonly string[] = DEFAULT_CANDIDATE_IDS,
): Promise<{ households: number; features: FeatureCoverage[] }> {
  const columns = ids.flatMap((id, at) => {
    const sql = `(${clusterFeatureById(id).sql})`;
    return [`count(${sql}) AS known_${at}`, `count(DISTINCT ${sql}) AS distinct_${at}`];
  });
  const [row] = await session.query(`SELECT count(*) AS n, ${columns.join(', ')} FROM ${ANALYSIS_TABLE} WHERE ${populationPredicate(population)}`);
  const n = Number(row?.n ?? 0);
  return {
    households: n,
    features: ids.map((id, at) => ({ id, known: n > 0 ? Number(row?.[`known_${at}`] ?? 0) / n : 0, distinct: Number(row?.[`distinct_${at}`] ?? 0) })),
  };
}

/** The candidates the default takes, in catalogue order, each with weight 1. */
export function defaultFeatureChoice(coverage: readonly FeatureCoverage[]): { id: string; weight: number }[] {
  return coverage.filter((feature) => feature.known >= MIN_KNOWN_SHARE && feature.distinct >= 2).map(({ id }) => ({ id, weight: 1 }));
}

/**
 * The default algorithm: PAM on Gower distances while the population fits its distance matrix (MAX_GOWER_ROWS), as it
 * found the planted groups most reliably on the generated worlds (README, "Clusteren"); k-prototypes beyond, which
 * needs no matrix. Both treat a category as a category.
 */
export function defaultAlgorithm(households: number): ChooseKAlgorithm {
  return households <= MAX_GOWER_ROWS ? 'pam' : 'kprototypes';
}

/** The request with its features and algorithm settled: the analyst's, or the default rules' on this population. */
export async function resolveClusteringRequest(session: QuerySession, spec: ClusteringRequestSpec): Promise<ClusteringRequest> {
  if (spec.features && spec.algorithm) return { ...spec, features: spec.features, algorithm: spec.algorithm };
  const coverage = await featureCoverage(session, spec.population);
  const features = spec.features ?? defaultFeatureChoice(coverage.features);
  if (features.length === 0) {
    throw new UserFacingError(
      `${spec.population.label}: geen enkel kenmerk is bij ten minste ${Math.round(MIN_KNOWN_SHARE * 100)} % van de huishoudens bekend ` +
        'en varieert; kies de kenmerken zelf.',
    );
  }
  return { ...spec, features, algorithm: spec.algorithm ?? defaultAlgorithm(coverage.households) };
}
