// What a study can export now: every output of the publication, as the analyst laid out and edited it, with the
// populations it describes (for the differencing guard) and its verdict (for the Export page).
import { applyRowLayout } from '../analysis/profiles/profile-layout';
import type { PersonaCard } from '../analysis/profiles/persona';
import type { ProfileLayout } from '../analysis/profiles/published-profiles';
import { statusCounts, tableVerdict } from '../disclosure/checked-table';
import type { RuleSet } from '../disclosure/rule-set';
import { hasChartableColumns } from '../export/chart-svg';
import { PERSONA_OUTPUT_ID, PERSONA_TITLE } from '../export/persona-content';
import { ALL_ID, CLIENTS_ID, clusterPopulationId } from '../publication/population-atoms';
import type { StudyPublication } from '../publication/study-publication';
import type { PublishedTable } from '../publication/table-draft';
import { personaFigures } from './persona-figures';
import type { ExportCandidate } from './study-shapes';

export interface ExportableOutput {
  id: string;
  title: string;
  kind: 'table' | 'personas';
  published: PublishedTable;
  chartable: boolean;
  /** How it was made, for results.json. */
  method: string;
  /** The populations its figures describe. */
  populations: string[];
  /** The persona cards, for kind 'personas'. */
  cards?: PersonaCard[];
}

/** The table with the analyst's row order and hidden rows, its figures moved with its rows. */
export function laidOut(published: PublishedTable, layout: ProfileLayout): PublishedTable {
  const table = applyRowLayout(published.table, layout);
  const figuresById = new Map(published.table.rows.map((row, index) => [row.id, published.figures[index] ?? []]));
  return { ...published, table, figures: table.rows.map((row) => figuresById.get(row.id) ?? []) };
}

export function exportableOutputs(
  publication: StudyPublication,
  layout: ProfileLayout,
  cards: readonly PersonaCard[] | null,
  rules: RuleSet,
): ExportableOutput[] {
  const both = [ALL_ID, CLIENTS_ID];
  const outputs: ExportableOutput[] = [
    {
      id: publication.linkTable.table.id,
      title: publication.linkTable.table.title,
      kind: 'table',
      published: publication.linkTable,
      chartable: false,
      method: 'link report',
      populations: both,
    },
    ...publication.comparisons.map((published): ExportableOutput => ({
      id: published.table.id,
      title: published.table.title,
      kind: 'table',
      published,
      chartable: hasChartableColumns(published.table),
      method: published.table.id.startsWith('bedragen-') ? 'pivot_table' : 'crosstab',
      populations: both,
    })),
  ];
  const clusters = publication.clusters;
  if (!clusters) return outputs;
  const clusterPopulations = Array.from({ length: clusters.clustering.k }, (_, index) => clusterPopulationId(clusters.clustering, index + 1));
  const table = laidOut(clusters.table, layout);
  outputs.push({
    id: table.table.id,
    title: table.table.title,
    kind: 'table',
    published: table,
    chartable: false,
    method: 'cluster profile',
    populations: [...clusterPopulations, ...both],
  });
  for (const entry of clusters.standsOut) {
    outputs.push({
      id: entry.table.table.id,
      title: entry.table.table.title,
      kind: 'table',
      published: entry.table,
      chartable: false,
      method: 'cluster profile',
      populations: [clusterPopulationId(clusters.clustering, entry.cluster), CLIENTS_ID],
    });
  }
  const personaCards = cards ?? clusters.personas;
  if (personaCards.some((card) => card.kind === 'card')) {
    outputs.push({
      id: PERSONA_OUTPUT_ID,
      title: PERSONA_TITLE,
      kind: 'personas',
      published: personaFigures(clusters, personaCards, rules, 'Klanthuishoudens'),
      chartable: true,
      method: 'persona cards',
      populations: clusterPopulations,
      cards: [...personaCards],
    });
  }
  return outputs;
}

export function exportCandidate(output: ExportableOutput): ExportCandidate {
  const counts = statusCounts(output.published.table);
  return {
    id: output.id,
    title: output.title,
    verdict: tableVerdict(output.published.table),
    hidden: counts.suppressed,
    review: counts.review,
    chart: output.chartable,
  };
}
