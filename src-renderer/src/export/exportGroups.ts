// The Export page's sections: the outputs grouped by the step of the study they come from, in the workflow's order.
import type { ExportPreview } from '../api/types';
import type { MessageKey } from '../i18n/nl';
import type { Formatters } from '../i18n/format';
import type { Translate } from '../i18n/context';

type Candidate = ExportPreview['candidates'][number];

export const EXPORT_GROUPS = ['linking', 'comparison', 'clusters'] as const;
export type ExportGroup = (typeof EXPORT_GROUPS)[number];

export const GROUP_TITLES: Record<ExportGroup, MessageKey> = {
  linking: 'export.group.linking',
  comparison: 'export.group.comparison',
  clusters: 'export.group.clusters',
};

/** The section of an output, by its id: the link report, a comparison of clients with all households, or the clusters. */
export function exportGroupOf(id: string): ExportGroup {
  if (id === 'koppelrapport') return 'linking';
  if (id.startsWith('cluster') || id.startsWith('persona')) return 'clusters';
  return 'comparison';
}

export function groupCandidates(candidates: readonly Candidate[]): { group: ExportGroup; candidates: Candidate[] }[] {
  return EXPORT_GROUPS.map((group) => ({ group, candidates: candidates.filter((candidate) => exportGroupOf(candidate.id) === group) })).filter(
    (entry) => entry.candidates.length > 0,
  );
}

/** "8 niet getoond (x), 2 ter controle.", leaving out a zero; "Alle cellen zijn veilig." when there is nothing to say. */
export function cellCountsText(counts: { hidden: number; review: number }, t: Translate, format: Formatters): string {
  const parts = [
    ...(counts.hidden > 0 ? [t('export.hiddenCount', { count: format.number(counts.hidden) })] : []),
    ...(counts.review > 0 ? [t('export.reviewCount', { count: format.number(counts.review) })] : []),
  ];
  return parts.length === 0 ? t('export.allSafe') : `${parts.join(', ')}.`;
}
