// The clustering a study file asks for (its "clustering" section, defaults otherwise), and the persona cards as text for
// `groepsbeeld run`.
import { UserFacingError } from '../../common/errors';
import type { PublishedCell } from '../../disclosure/checked-table';
import { cellDisplayText } from '../../export/cell-text';
import type { StudyClustering } from '../../linking/study-file';
import type { PersonaCard } from '../profiles/persona';
import { clusteringRequestSchema, type ClusteringRequestSpec } from './cluster-features';

/** Validates the study's clustering section against the analysis catalogue, naming what is wrong. */
export function clusteringRequestOf(section: StudyClustering | undefined): ClusteringRequestSpec {
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

/** A chart cell as it reads on the card: "68,6 %", or "x" when hidden. */
function cellWords(cell: PublishedCell): string {
  return cellDisplayText(cell, 'percent').replaceAll('\u00a0', ' ');
}

/** The persona cards as text: title, N and key facts per card; a note for a cluster too small to show. */
export function formatPersonas(cards: readonly PersonaCard[], notes: readonly string[]): string {
  const lines = ["Persona's", ...notes.map((note) => `  ${note}`)];
  for (const card of cards) {
    if (card.kind !== 'card') {
      lines.push(`\nCluster ${card.cluster}: ${card.note}`);
      continue;
    }
    lines.push(`\nCluster ${card.cluster}: ${card.title} (${cellWords(card.count)} huishoudens)`);
    if (card.narrative.trim() !== '') lines.push(`  ${card.narrative.trim()}`);
    for (const fact of card.facts) lines.push(`  - ${fact.label}: ${fact.text.replaceAll('\u00a0', ' ')}`);
    const bars = card.chart.map((bar) => `${bar.feature}: ${bar.label} ${cellWords(bar.inCluster)} (alle klanten ${cellWords(bar.overall)})`);
    if (bars.length > 0) lines.push(`  Grafiek: ${bars.join('; ')}`);
    if (card.standsOut.length > 0) lines.push('  Valt op:', ...card.standsOut.map((line) => `    ${line.replaceAll('\u00a0', ' ')}`));
  }
  return `${lines.join('\n')}\n`;
}
