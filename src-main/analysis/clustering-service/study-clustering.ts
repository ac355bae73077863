// The clustering a study file asks for (its "clustering" section, defaults otherwise), run headless for `groepsbeeld run`.
import { UserFacingError } from '../../errors';
import type { RuleSet } from '../../disclosure/rule-set';
import type { StudyClustering } from '../../linking/study-file';
import type { QuerySession } from '../cross-table';
import { clusteringRequestSchema } from './cluster-features';
import type { PublishedClustering } from './clustering-result';
import { runClustering, validateRun } from './clustering-service';
import type { ExternalValidation } from './external-validation';
import { formatClustering } from './format-clustering';
import { describeClusters, type ClusterDescription } from '../profiles/describe-clusters';
import { formatTableText } from '../../export/table-text';
import type { ClusteringProgress } from './worker-protocol';

export interface StudyClusteringResult {
  published: PublishedClustering;
  /** The cluster comparison table, what stands out per cluster, and the persona cards (issue 7), aggregates only. */
  description: ClusterDescription;
  validation?: ExternalValidation;
  /** The Dutch summary for the terminal. */
  text: string;
}

/** Validates the study's clustering section against the analysis catalogue, naming what is wrong. */
function requestOf(section: StudyClustering | undefined) {
  const { reference, ...request } = section ?? {};
  void reference;
  const parsed = clusteringRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `clustering.${issue.path.join('.')}: ${issue.message}`);
    throw new UserFacingError(`The study's clustering section is not valid: ${issues.join('; ')}.`);
  }
  return parsed.data;
}

export async function clusterStudy(
  session: QuerySession,
  section: StudyClustering | undefined,
  rules: RuleSet,
  options: { signal?: AbortSignal; onProgress?: (progress: ClusteringProgress) => void } = {},
): Promise<StudyClusteringResult> {
  const outcome = await runClustering(session, requestOf(section), { rules, ...options });
  if (outcome.status === 'cancelled') throw new UserFacingError('Het clusteren is gestopt.');
  if (outcome.status === 'failed') throw new UserFacingError(outcome.message);
  let validation: ExternalValidation | undefined;
  if (section?.reference) {
    const checked = await validateRun(outcome.run, section.reference, rules);
    if (!checked.ok) throw new UserFacingError(checked.message);
    validation = checked.validation;
  }
  const description = await describeClusters(session, { runId: outcome.run.runId, k: outcome.published.chosenK, population: outcome.run.request.population }, rules);
  return {
    published: outcome.published,
    description,
    ...(validation ? { validation } : {}),
    text: [formatClustering(outcome.published, { rules, ...(validation ? { validation } : {}) }), formatTableText(description.table, rules), formatPersonas(description)].join('\n'),
  };
}

/** The persona cards as text: title, N and key facts per card; a note for a cluster too small to show. */
function formatPersonas(description: ClusterDescription): string {
  const lines = ["Persona's"];
  for (const card of description.personas) {
    if (card.kind !== 'card') {
      lines.push(`\nCluster ${card.cluster}: ${card.note}`);
      continue;
    }
    const count = 'value' in card.count ? String(card.count.value) : '< 10';
    lines.push(`\nCluster ${card.cluster}: ${card.title} (${count} huishoudens)`);
    for (const fact of card.facts) lines.push(`  - ${fact.label}: ${fact.text}`);
    if (card.standsOut.length > 0) lines.push('  Valt op:', ...card.standsOut.map((line) => `    ${line}`));
  }
  return `${lines.join('\n')}\n`;
}
