// Everything a linked study can publish, computed and protected as one: the link report, the comparison of client
// households with all households per feature, and (after clustering) the cluster table, what stands out per cluster
// and the persona cards. Screen and export both read this one publication.
import { draftAmountComparison } from '../analysis/amount-table';
import { draftComparison } from '../analysis/comparison-table';
import type { QuerySession } from '../analysis/cross-table';
import type { Feature } from '../analysis/features';
import { draftLinkReport, linkRecordFamily } from '../analysis/link-report-table';
import { draftClusterProfile, resolveClusterProfile, type ClusterProfile } from '../analysis/profiles/cluster-table';
import { personaCards, type PersonaCard } from '../analysis/profiles/persona';
import { draftStandsOut, resolveStandsOut, type ClusterStandOut } from '../analysis/profiles/what-stands-out';
import type { PublishedCell } from '../disclosure/checked-table';
import type { ProtectionMethod } from '../disclosure/disclosure-shapes';
import type { RuleSet } from '../disclosure/rule-set';
import type { LinkReport, PublishedLinkReport } from '../linking/link-report';
import { analysisFeatures, publicationCatalogue } from './feature-catalogue';
import { PublicationLedger } from './ledger';
import type { LedgerStatistics, RecordFamily } from './ledger-options';
import { ALL_ID, CLIENTS_ID, clusterPopulationId, populationModel, type PublishedClusteringRef } from './population-atoms';
import { loadPublicationData } from './publication-data';
import type { Recodes } from './published-feature';
import type { PublishedTable, TableDraft } from './table-draft';

export interface PublicationRequest {
  rules: RuleSet;
  method: ProtectionMethod;
  recodes: Recodes;
  linkReport: LinkReport;
  /** The chosen clustering (its labels stored in the session), and what its population is called. */
  clustering: { ref: PublishedClusteringRef; populationLabel: string } | null;
}

export interface ClusterPublication {
  clustering: PublishedClusteringRef;
  profile: ClusterProfile;
  table: PublishedTable;
  standsOut: ClusterStandOut[];
  personas: PersonaCard[];
}

/** The cluster sizes as the published profile shows them (its first row), one cell per cluster, without the total column. */
export function publishedClusterSizes(clusters: ClusterPublication): PublishedCell[] {
  const sizeRow = clusters.table.table.rows[0];
  return clusters.profile.columns.flatMap((column, index) => (column.cluster === null || !sizeRow?.cells[index] ? [] : [sizeRow.cells[index]]));
}

export interface StudyPublication {
  ledger: PublicationLedger;
  /** The record-level families (the link report's counts of rows and persons), for the package's definitions. */
  records: RecordFamily[];
  linkReport: PublishedLinkReport;
  linkTable: PublishedTable;
  /** Client households against all households, per feature (categories and amounts), in catalogue order. */
  comparisons: PublishedTable[];
  /** Null before clustering, or when the clustering cannot be published (see `refusals`). */
  clusters: ClusterPublication | null;
  /** Why part of the study is not published, in the analyst's words. */
  refusals: string[];
  statistics: LedgerStatistics;
  /** The catalogue features of the link (besides the fixed ones), as the publication read them. */
  linkedFeatures: readonly Feature[];
}

/** Outputs whose population differ from another's by fewer than the threshold would disclose those few households. */
function populationProblems(
  request: PublicationRequest,
  sizes: ReadonlyMap<string, number>,
  populations: readonly { id: string; label: string; atoms: readonly string[] }[],
): string[] {
  const { rules } = request;
  const problems: string[] = [];
  // A cluster is never named: which of the hidden cluster sizes is the small one would be a figure of its own.
  const clusterIds = new Set(
    request.clustering ? Array.from({ length: request.clustering.ref.k }, (_, index) => clusterPopulationId(request.clustering!.ref, index + 1)) : [],
  );
  const isCluster = (population: { id: string }) => clusterIds.has(population.id);
  let smallCluster = false;
  for (const population of populations) {
    const units = population.atoms.reduce((sum, atom) => sum + (sizes.get(atom) ?? 0), 0);
    const minimum = isCluster(population) ? Math.max(rules.threshold, rules.clusterMinimum) : rules.threshold;
    if (units >= minimum) continue;
    if (isCluster(population)) smallCluster = true;
    else problems.push(`${population.label} telt minder dan ${minimum} huishoudens`);
  }
  if (smallCluster) problems.push(`een of meer clusters tellen minder dan ${Math.max(rules.threshold, rules.clusterMinimum)} huishoudens`);
  let closeClusters = false;
  for (const [index, a] of populations.entries()) {
    for (const b of populations.slice(index + 1)) {
      const difference = [...new Set([...a.atoms, ...b.atoms])]
        .filter((atom) => a.atoms.includes(atom) !== b.atoms.includes(atom))
        .reduce((sum, atom) => sum + (sizes.get(atom) ?? 0), 0);
      if (difference === 0 || difference >= rules.threshold) continue;
      if (isCluster(a) || isCluster(b)) closeClusters = true;
      else problems.push(`${a.label} en ${b.label} verschillen minder dan ${rules.threshold} huishoudens`);
    }
  }
  if (closeClusters) problems.push(`een cluster verschilt minder dan ${rules.threshold} huishoudens van een andere gepubliceerde groep`);
  return problems;
}

export async function buildPublication(session: QuerySession, request: PublicationRequest, signal?: AbortSignal): Promise<StudyPublication> {
  const catalogue = publicationCatalogue(request.recodes, request.linkReport.features);
  const refusals: string[] = [];
  let clustering = request.clustering;
  let data = await loadPublicationData(session, catalogue.features, catalogue.amounts, populationModel(clustering?.ref ?? null), signal);
  const atomSizes = () => {
    const family = data.families[0]!;
    const cover = data.cover.get(family.id)!;
    return new Map(data.populations.atoms.map((atom, index) => [atom.id, cover.reduce((sum, row) => sum + row[index]!, 0)]));
  };
  if (clustering) {
    const problems = populationProblems(
      request,
      atomSizes(),
      data.populations.populations.filter((population) => population.id !== ALL_ID),
    );
    if (problems.length > 0) {
      refusals.push(`De clusters worden niet gepubliceerd: ${problems.join('; ')}. Kies een andere k of andere kenmerken.`);
      clustering = null;
      data = await loadPublicationData(session, catalogue.features, catalogue.amounts, populationModel(null), signal);
    }
  }
  const records = [linkRecordFamily(request.linkReport)];
  const ledger = new PublicationLedger({
    rules: request.rules,
    method: request.method,
    data,
    features: catalogue.features,
    amounts: catalogue.amounts,
    records,
  });
  const link = draftLinkReport(ledger, request.linkReport);
  const clientsProblem = populationProblems(
    request,
    atomSizes(),
    data.populations.populations.filter((population) => population.id === CLIENTS_ID || population.id === ALL_ID),
  );
  const comparisons: TableDraft[] = [];
  if (clientsProblem.length === 0) {
    for (const feature of analysisFeatures(request.linkReport.features)) {
      if (feature.group === 'klant') continue;
      comparisons.push(feature.kind === 'category' ? draftComparison(ledger, feature.id) : draftAmountComparison(ledger, feature));
    }
  } else {
    refusals.push(`De vergelijking wordt niet gepubliceerd: ${clientsProblem.join('; ')}.`);
  }
  const clusterDrafts = clustering
    ? {
        // The catalogue features are compared (clients against all households) but not yet profiled per cluster: with
        // them the cluster tables outgrow what the package audit can check at once (issue 16 takes this up).
        profile: draftClusterProfile(ledger, clustering.ref, clustering.populationLabel),
        standsOut: Array.from({ length: clustering.ref.k }, (_, index) => draftStandsOut(ledger, clustering!.ref, index + 1)),
      }
    : null;
  const statistics = ledger.protect();
  const linkTable = link.draft.build();
  let clusters: ClusterPublication | null = null;
  if (clustering && clusterDrafts) {
    const table = clusterDrafts.profile.draft.build();
    const profile = resolveClusterProfile(clusterDrafts.profile, table);
    const standsOut = clusterDrafts.standsOut.map((draft) => resolveStandsOut(ledger, draft));
    clusters = { clustering: clustering.ref, profile, table, standsOut, personas: personaCards(profile, standsOut, request.rules) };
  }
  return {
    ledger,
    records,
    linkReport: link.published(),
    linkTable,
    comparisons: comparisons.map((draft) => draft.build()),
    clusters,
    refusals,
    statistics,
    linkedFeatures: request.linkReport.features ?? [],
  };
}

/** The population id of cluster `cluster` of the publication's clustering. */
export function publishedClusterPopulation(publication: StudyPublication, cluster: number): string | null {
  return publication.clusters ? clusterPopulationId(publication.clusters.clustering, cluster) : null;
}
