// Every figure on the persona cards as one published table (persona-kaarten.csv and its definitions): each card's N,
// its facts (figures of the cluster table) and the two bars of each chart trait (figures of what stands out).
import type { PersonaCard } from '../analysis/profiles/persona';
import { CLIENTS_ID, clusterPopulationId } from '../publication/population-atoms';
import { ruleSetDigest, type RuleSet } from '../disclosure/rule-set';
import type { CheckedTable, PublishedCell } from '../disclosure/checked-table';
import { barTitle } from '../export/persona-chart';
import { isEdited, PERSONA_OUTPUT_ID, PERSONA_TITLE } from '../export/persona-content';
import type { Figure } from '../publication/figures';
import type { ClusterPublication } from '../publication/study-publication';
import type { PublishedTable } from '../publication/table-draft';

type Card = Extract<PersonaCard, { kind: 'card' }>;

export function personaFigures(clusters: ClusterPublication, cards: readonly PersonaCard[], rules: RuleSet, populationLabel: string): PublishedTable {
  const rows: CheckedTable['rows'] = [];
  const figures: (Figure | null)[][] = [];
  const profileRows = clusters.profile.rows;
  const add = (id: string, label: string, cell: PublishedCell, figure: Figure | null, format?: CheckedTable['rows'][number]['format']) => {
    rows.push({ id, label, total: false, ...(format ? { format } : {}), cells: [cell] });
    figures.push([figure]);
  };
  const shown = cards.filter((card): card is Card => card.kind === 'card');
  for (const card of shown) {
    const prefix = `Cluster ${card.cluster}`;
    const column = clusters.profile.columns.findIndex((candidate) => candidate.cluster === card.cluster);
    add(
      `cluster-${card.cluster}-aantal`,
      `${prefix}: aantal huishoudens`,
      card.count,
      { kind: 'count', cell: { feature: 'household_type', codes: null, population: clusterPopulationId(clusters.clustering, card.cluster) } },
      'count',
    );
    card.facts.forEach((fact, index) => {
      const row = profileRows.findIndex((candidate) => candidate.label === fact.label);
      add(
        `cluster-${card.cluster}-feit-${index + 1}`,
        `${prefix}: ${fact.label}`,
        fact.cell,
        row >= 0 && column >= 0 ? (clusters.table.figures[row]?.[column] ?? null) : null,
      );
    });
    const traits = clusters.standsOut.find((entry) => entry.cluster === card.cluster)?.traits ?? [];
    card.chart.forEach((bar, index) => {
      const trait = traits.find((candidate) => candidate.featureLabel === bar.feature && candidate.label === bar.label);
      add(
        `cluster-${card.cluster}-staaf-${index + 1}-cluster`,
        `${prefix}: ${barTitle(bar)}, in dit cluster`,
        bar.inCluster,
        trait?.figures.inCluster ?? null,
        'percent',
      );
      add(
        `cluster-${card.cluster}-staaf-${index + 1}-alle-klanten`,
        `${prefix}: ${barTitle(bar)}, alle klanten`,
        bar.overall,
        trait?.figures.overall ?? null,
        'percent',
      );
    });
  }
  const edited = shown.filter(isEdited).map((card) => card.cluster);
  const total = rows.length > 0 ? shown.reduce((sum, card) => sum + ('value' in card.count ? card.count.value : 0), 0) : 0;
  const table: CheckedTable = {
    id: PERSONA_OUTPUT_ID,
    title: PERSONA_TITLE,
    unit: 'huishoudens',
    population: { id: CLIENTS_ID, label: populationLabel, units: total },
    rowHeader: 'Cijfer op de kaart',
    columns: [{ id: 'waarde', label: 'Waarde', format: 'number' }],
    rows,
    protection: 'suppression',
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: [
      `${shown.length} ${shown.length === 1 ? 'personakaart' : 'personakaarten'}; ` +
        'elk cijfer op een kaart staat hierboven en is een cijfer uit de clustertabel of uit wat opvalt per cluster.',
      ...cards.flatMap((card) => (card.kind === 'note' ? [card.note] : [])),
      'De zinnen onder "Wat opvalt" herhalen cijfers uit wat opvalt per cluster (clusterprofiel-opvallend-…).',
      ...(edited.length > 0 ? [`Titel of verhaal door de analist geschreven bij cluster ${edited.join(', ')}: lees die tekst na.`] : []),
    ],
  };
  return { table, figures, noteFigures: [] };
}
