// The clustering a study file asks for (its "clustering" section, defaults otherwise), run headless for `groepsbeeld run`,
// described as the cluster table laid out and the persona cards edited as its "profiles" section says.
import { UserFacingError } from '../../errors';
import type { PublishedCell } from '../../disclosure/checked-table';
import type { RuleSet } from '../../disclosure/rule-set';
import type { StudyClustering, StudyProfiles } from '../../linking/study-file';
import type { QuerySession } from '../cross-table';
import { clusteringRequestSchema } from './cluster-features';
import type { PublishedClustering } from './clustering-result';
import { chooseClusteringK, runClustering, validateRun } from './clustering-service';
import type { ExternalValidation } from './external-validation';
import { formatClustering } from './format-clustering';
import { describeClusters, type ClusterDescription } from '../profiles/describe-clusters';
import { applyPersonaEdits, applyRowLayout, unusedPersonaEdits } from '../profiles/profile-layout';
import { formatTableText } from '../../export/table-text';
import type { ClusteringProgress } from './worker-protocol';

export interface StudyClusteringResult {
  published: PublishedClustering;
  /** The cluster comparison table (laid out), what stands out per cluster, and the persona cards (edited), aggregates only. */
  description: ClusterDescription;
  /** Edits in the study file that found no persona card. */
  notes: string[];
  validation?: ExternalValidation;
  /** The Dutch summary for the terminal. */
  text: string;
}

/** Validates the study's clustering section against the analysis catalogue, naming what is wrong. */
function requestOf(section: StudyClustering | undefined) {
  const { reference, k, ...request } = section ?? {};
  void reference;
  void k;
  const parsed = clusteringRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `clustering.${issue.path.join('.')}: ${issue.message}`);
    throw new UserFacingError(`Het onderdeel clustering van het studiebestand is niet geldig: ${issues.join('; ')}.`);
  }
  return parsed.data;
}

export async function clusterStudy(
  session: QuerySession,
  section: StudyClustering | undefined,
  rules: RuleSet,
  options: { signal?: AbortSignal; onProgress?: (progress: ClusteringProgress) => void } = {},
  profiles?: StudyProfiles,
): Promise<StudyClusteringResult> {
  const first = await runClustering(session, requestOf(section), { rules, ...options });
  if (first.status === 'cancelled') throw new UserFacingError('Het clusteren is gestopt.');
  if (first.status === 'failed') throw new UserFacingError(first.message);
  // The analyst's k (clustering.k) replaces the recommended one, stored and published as the app's "choose k" does.
  const outcome = section?.k !== undefined && section.k !== first.published.chosenK ? await chooseClusteringK(session, first.run, section.k, rules) : first;
  if (outcome.status !== 'done') throw new UserFacingError(`clustering.k: ${outcome.status === 'failed' ? outcome.message : 'het clusteren is gestopt.'}`);
  const k = outcome.published.chosenK;
  let validation: ExternalValidation | undefined;
  if (section?.reference) {
    const checked = await validateRun(outcome.run, section.reference, rules, k);
    if (!checked.ok) throw new UserFacingError(checked.message);
    validation = checked.validation;
  }
  const described = await describeClusters(session, { runId: outcome.run.runId, k, population: outcome.run.request.population }, rules);
  const description: ClusterDescription = {
    ...described,
    table: applyRowLayout(described.table, profiles ?? {}),
    personas: applyPersonaEdits(described.personas, profiles?.personas),
  };
  const notes = unusedPersonaEdits(described.personas, profiles?.personas);
  return {
    published: outcome.published,
    description,
    notes,
    ...(validation ? { validation } : {}),
    text: [
      formatClustering(outcome.published, { rules, ...(validation ? { validation } : {}) }),
      formatTableText(description.table, rules),
      formatPersonas(description, notes),
    ].join('\n'),
  };
}

/** A chart cell in words: its text, or why it has none. */
function cellWords(cell: PublishedCell): string {
  if ('value' in cell) return cell.text ?? String(cell.value);
  return cell.status === 'blocked' ? 'geblokkeerd' : cell.status === 'secondary' ? 'onderdrukt' : '–';
}

/** The persona cards as text: title, N and key facts per card; a note for a cluster too small to show. */
function formatPersonas(description: ClusterDescription, notes: readonly string[]): string {
  const lines = ["Persona's", ...notes.map((note) => `  ${note}`)];
  for (const card of description.personas) {
    if (card.kind !== 'card') {
      lines.push(`\nCluster ${card.cluster}: ${card.note}`);
      continue;
    }
    const count = 'value' in card.count ? String(card.count.value) : '< 10';
    lines.push(`\nCluster ${card.cluster}: ${card.title} (${count} huishoudens)`);
    if (card.narrative.trim() !== '') lines.push(`  ${card.narrative.trim()}`);
    for (const fact of card.facts) lines.push(`  - ${fact.label}: ${fact.text}`);
    const bars = card.chart.map((bar) => `${bar.feature}: ${bar.label} ${cellWords(bar.inCluster)} (alle klanten ${cellWords(bar.overall)})`);
    if (bars.length > 0) lines.push(`  Grafiek: ${bars.join('; ')}`);
    if (card.standsOut.length > 0) lines.push('  Valt op:', ...card.standsOut.map((line) => `    ${line}`));
  }
  return `${lines.join('\n')}\n`;
}
