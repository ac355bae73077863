// A finished clustering run as aggregates only, through the disclosure engine: per-k quality, cluster sizes under the count
// and cluster-minimum rules, the advice.
import { DEFAULT_REFERENCES, type ChooseKResult, type KEvaluation } from '../clustering/choose-k';
import { SILHOUETTE_NOISE_SDS } from '../clustering/k-advice';
import { checkCell } from '../../disclosure/cell-check';
import type { CheckedTable, PublishedCell } from '../../disclosure/checked-table';
import { protectFrequencyTable } from '../../disclosure/frequency-protection';
import { publishCount } from '../../disclosure/published-count';
import { ruleSetDigest, type RuleSet } from '../../disclosure/rule-set';
import { publishModel } from '../../publication/precision';
import { clusterFeatureLabel, type ClusteringRequest } from './cluster-features';

/** What publishing needs of a run: no household keys. */
export interface FinishedRun {
  runId: string;
  request: ClusteringRequest;
  /** Households clustered. */
  n: number;
  result: ChooseKResult;
}

/** What may leave the main process (IPC, export, terminal): model statistics and checked counts only. */
import { publishedClusteringSchema, type PublishedClustering } from './published-clustering';

export { publishedClusteringSchema, type PublishedClustering };

const ALGORITHM_LABELS: Record<ChooseKResult['algorithm'], string> = {
  kmeans: 'k-means (one-hot, gestandaardiseerd)',
  kprototypes: 'k-prototypes',
  pam: 'PAM op Gower-afstanden',
};

export function algorithmLabel(algorithm: ChooseKResult['algorithm']): string {
  return ALGORITHM_LABELS[algorithm];
}

/** A model statistic (not a function of cell counts), rounded where it is made, as every published figure is. */
function rounded(value: number | undefined, digits: number): PublishedCell {
  if (value === undefined || !Number.isFinite(value)) return { status: 'empty' };
  return { status: 'safe', value: publishModel(value, digits), decimals: digits };
}

/** Households per cluster (labels 0..k-1). */
export function clusterSizes(labels: ArrayLike<number>, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]!]! += 1;
  return sizes;
}

function finite(values: ArrayLike<number>): number[] {
  return Array.from(values).filter(Number.isFinite);
}

function tableBase(run: FinishedRun, rules: RuleSet): Pick<CheckedTable, 'unit' | 'population' | 'ruleSet'> {
  const { population } = run.request;
  return {
    unit: 'huishoudens',
    population: { id: population.id, label: population.label, units: publishCount(run.n, rules) },
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
  };
}

/**
 * One row per k: within-cluster error, mean silhouette and its bootstrap spread, Calinski-Harabasz, the gap statistic,
 * least and mean Jaccard: model statistics, published as they are. The smallest cluster's size is a count: the count rule applies.
 */
export function qualityTable(run: FinishedRun, rules: RuleSet): CheckedTable {
  const rows = run.result.evaluations.map((evaluation: KEvaluation) => {
    const jaccard = finite(evaluation.jaccard);
    const smallest = Math.min(...clusterSizes(evaluation.labels, evaluation.k));
    return {
      id: `k-${evaluation.k}`,
      label: `k = ${evaluation.k}${evaluation.k === run.result.recommendedK ? ' (advies)' : ''}`,
      total: false,
      cells: [
        rounded(evaluation.withinError, 2),
        rounded(evaluation.silhouette, 3),
        rounded(evaluation.silhouetteSd, 3),
        rounded(evaluation.calinskiHarabasz, 1),
        rounded(evaluation.gap, 3),
        rounded(jaccard.length > 0 ? Math.min(...jaccard) : undefined, 3),
        rounded(jaccard.length > 0 ? jaccard.reduce((sum, value) => sum + value, 0) / jaccard.length : undefined, 3),
        checkCell({ kind: 'count', units: smallest }, rules),
      ],
    };
  });
  return {
    id: 'clustering-kwaliteit',
    title: `Aantal clusters kiezen: kwaliteit per k (${algorithmLabel(run.result.algorithm)})`,
    rowHeader: 'Aantal clusters',
    columns: [
      { id: 'within-error', label: 'Fout binnen clusters', format: 'number' },
      { id: 'silhouette', label: 'Gemiddeld silhouet', format: 'number' },
      { id: 'silhouette-sd', label: 'Spreiding silhouet (bootstrap)', format: 'number' },
      { id: 'calinski-harabasz', label: 'Calinski-Harabasz', format: 'number' },
      { id: 'gap', label: 'Gap-statistiek', format: 'number' },
      { id: 'min-jaccard', label: 'Laagste Jaccard', format: 'number' },
      { id: 'mean-jaccard', label: 'Gemiddelde Jaccard', format: 'number' },
      { id: 'smallest', label: 'Kleinste cluster', format: 'count' },
    ],
    rows,
    protection: 'suppression',
    notes: [
      'Fout, silhouet, Calinski-Harabasz, gap en Jaccard zijn modelstatistieken, geen aantallen; ' + 'de kleinste clustergrootte valt onder de drempelregel.',
      `Jaccard: gemiddelde over ${run.request.resamples} bootstrap-steekproeven; ` +
        'onder 0,6 is een cluster niet te vertrouwen, 0,6 tot 0,75 twijfelachtig, vanaf 0,75 stabiel.',
      'Spreiding silhouet: standaardafwijking van het silhouet over dezelfde steekproeven; ' +
        `binnen ${SILHOUETTE_NOISE_SDS} keer die spreiding van het beste silhouet gelden k als even goed.`,
      `Gap-statistiek: hoeveel lager de fout is dan op ${DEFAULT_REFERENCES} referentiebestanden zonder clusters (elke kolom apart geschud).`,
      ...(run.result.algorithm === 'kmeans' ? [] : ['Calinski-Harabasz: dezelfde F-verhouding, op de eigen fout van het algoritme.']),
    ],
    ...tableBase(run, rules),
  };
}

/**
 * The chosen k's clusters: households per cluster and mean Jaccard. A cluster below the threshold or the
 * cluster minimum (whichever is higher) is blocked, and the disclosure engine suppresses as many other
 * sizes as needed so that it cannot be recomputed from the population total.
 */
export function clustersTable(run: FinishedRun, chosenK: number, rules: RuleSet, published?: readonly PublishedCell[]): CheckedTable {
  const evaluation = run.result.evaluations.find((candidate) => candidate.k === chosenK);
  if (!evaluation) throw new Error(`The run has no clustering with k = ${chosenK}.`);
  const sizes = clusterSizes(evaluation.labels, chosenK);
  const minimum = Math.max(rules.threshold, rules.clusterMinimum);
  // The study's ledger publishes the sizes when the clusters are published; otherwise they are protected here on their own.
  const sizeCells = published ? [...published] : protectFrequencyTable([sizes], { ...rules, threshold: minimum }, 'suppression').inner[0]!;
  // One note whatever hid a size: saying which cluster is the small one would tell the size it hides.
  const notes = sizes.some((size) => size < minimum)
    ? [
        `Ten minste één cluster telt minder dan ${minimum} huishoudens: deze indeling wordt niet gepubliceerd ` +
          "(geen clustertabel of persona's). Kies een andere k of andere kenmerken.",
      ]
    : [];
  return {
    id: 'clustering-clusters',
    title: `Clusters bij k = ${chosenK}`,
    rowHeader: 'Cluster',
    columns: [
      { id: 'households', label: 'Huishoudens', format: 'count' },
      { id: 'jaccard', label: 'Gemiddelde Jaccard', format: 'number' },
    ],
    rows: sizes.map((_, c) => ({
      id: `cluster-${c + 1}`,
      label: `Cluster ${c + 1}`,
      total: false,
      cells: [sizeCells[c]!, rounded(evaluation.jaccard[c], 3)],
    })),
    protection: 'suppression',
    notes,
    ...tableBase(run, rules),
  };
}

/** The whole run as it may be published; `chosenK` defaults to the recommended k. */
export function publishClustering(
  run: FinishedRun,
  rules: RuleSet,
  chosenK: number = run.result.recommendedK,
  sizes?: readonly PublishedCell[],
): PublishedClustering {
  return {
    runId: run.runId,
    algorithm: run.result.algorithm,
    features: run.request.features.map(({ id, weight }) => ({ id, label: clusterFeatureLabel(id), weight })),
    population: tableBase(run, rules).population,
    kRange: [run.request.kRange[0], run.request.kRange[1]],
    resamples: run.request.resamples,
    seed: run.request.seed,
    recommendedK: run.result.recommendedK,
    defensible: [...run.result.defensible],
    reason: run.result.reason,
    chosenK,
    quality: qualityTable(run, rules),
    clusters: clustersTable(run, chosenK, rules, sizes),
  };
}
