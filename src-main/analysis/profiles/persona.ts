// Persona cards as data: per cluster an automatic title, its N, key facts and a small chart that passed the
// disclosure rules, and the analyst's editable title and narrative. A cluster too small to show gets only a note.
import { z } from 'zod';
import type { PublishedCell } from '../../disclosure/checked-table';
import type { RuleSet } from '../../disclosure/rule-set';
import { SIZE_ROW, type ClusterProfile } from './cluster-table';
import { automaticTitle } from './persona-title';
import type { ClusterStandOut, StandOutTrait } from './what-stands-out';
import { FACT_ROWS, MAX_CHART_BARS, MAX_FACTS, type PersonaCard, type PersonaChartBar, type PersonaFact } from './persona-schema';

export * from './persona-schema';

function factFrom(label: string, cell: PublishedCell): PersonaFact | null {
  if (!('value' in cell) || !cell.text) return null;
  return { label, text: cell.text, cell };
}

/** The facts: the profile's published, non-varying cells for FACT_ROWS, then varying ones, at most MAX_FACTS. */
function facts(profile: ClusterProfile, columnIndex: number): PersonaFact[] {
  // "Geen kinderen" as the youngest child repeats "Zonder kinderen": one fact, not two.
  const rows = FACT_ROWS.map((id) => profile.rows.find((row) => row.id === id))
    .filter((row): row is ClusterProfile['rows'][number] => row !== undefined)
    .filter((row) => !(row.id === 'youngest-child' && row.cells[columnIndex]?.modal?.code === 'geen'));
  const settled = rows.filter((row) => row.cells[columnIndex] && !row.cells[columnIndex].varies);
  const varying = rows.filter((row) => row.cells[columnIndex]?.varies);
  return [...settled, ...varying]
    .map((row) => factFrom(row.label, row.cells[columnIndex]!.cell))
    .filter((fact): fact is PersonaFact => fact !== null)
    .slice(0, MAX_FACTS);
}

/** Features that describe the same thing: a chart shows one bar per group, so "Alleenstaande" and "Eenpersoonshuishouden" do not both appear. */
const FEATURE_GROUPS: Record<string, string> = {
  household_type: 'huishouden',
  household_composition: 'huishouden',
  has_children: 'kinderen',
  youngest_child: 'kinderen',
  benefit_type: 'inkomen',
  income_source: 'inkomen',
};

/**
 * The chart's bars, from what stands out: categories only (shares; amounts are not shares), the most
 * over-represented first, then the most under-represented, one per feature group, at most MAX_CHART_BARS. Every bar
 * is a published share of the ledger (the same figure as in the cluster's "what stands out" table).
 */
export function personaChart(traits: readonly StandOutTrait[]): PersonaChartBar[] {
  const categories = traits.filter((trait) => trait.code !== null);
  const ordered = [...categories.filter((trait) => trait.vTest > 0), ...categories.filter((trait) => trait.vTest < 0).sort((a, b) => a.vTest - b.vTest)];
  const groups = new Set<string>();
  const bars: PersonaChartBar[] = [];
  for (const trait of ordered) {
    const group = FEATURE_GROUPS[trait.featureId] ?? trait.featureId;
    if (groups.has(group) || bars.length >= MAX_CHART_BARS) continue;
    groups.add(group);
    bars.push({ feature: trait.featureLabel, label: trait.label, inCluster: trait.inCluster, overall: trait.overall });
  }
  return bars;
}

/** One card per cluster; titles that would coincide get the cluster number, so every card's title is distinct. */
export function personaCards(profile: ClusterProfile, standOut: readonly ClusterStandOut[], rules: RuleSet): PersonaCard[] {
  const sizes = profile.rows.find((row) => row.id === SIZE_ROW);
  const cards: PersonaCard[] = profile.columns.flatMap((column, columnIndex): PersonaCard[] => {
    if (column.cluster === null) return [];
    const count = sizes?.cells[columnIndex]?.cell ?? { status: 'suppressed' as const };
    // A clustering with a cluster under the minimum is not published at all (study-publication.ts); a size the
    // protection hides gets a note, so a card never states a size the tables do not.
    if (!('value' in count))
      return [{ kind: 'note', cluster: column.cluster, note: `Cluster ${column.cluster} krijgt geen persona: de omvang is niet getoond ter bescherming.` }];
    if (count.value < rules.clusterMinimum) {
      return [
        {
          kind: 'note',
          cluster: column.cluster,
          note: `Cluster ${column.cluster} is te klein voor een persona (minder dan ${rules.clusterMinimum} huishoudens).`,
        },
      ];
    }
    const traits = standOut.find((entry) => entry.cluster === column.cluster)?.traits ?? [];
    const title = automaticTitle(profile, columnIndex, traits);
    return [
      {
        kind: 'card',
        cluster: column.cluster,
        count,
        automaticTitle: title,
        title,
        narrative: '',
        facts: facts(profile, columnIndex),
        // The same category can stand out under two features (household type and composition): say it once.
        standsOut: traits
          .filter((trait, index) => trait.vTest > 0 && traits.findIndex((other) => other.label === trait.label) === index)
          .slice(0, 5)
          .map((trait) => trait.sentence),
        chart: personaChart(traits),
      },
    ];
  });
  const seen = new Map<string, number>();
  for (const card of cards) if (card.kind === 'card') seen.set(card.automaticTitle, (seen.get(card.automaticTitle) ?? 0) + 1);
  return cards.map((card) =>
    card.kind === 'card' && (seen.get(card.automaticTitle) ?? 0) > 1
      ? { ...card, automaticTitle: `${card.automaticTitle} (cluster ${card.cluster})`, title: `${card.automaticTitle} (cluster ${card.cluster})` }
      : card,
  );
}

const editSchema = z.strictObject({ title: z.string().trim().min(1).max(200).optional(), narrative: z.string().max(4000).optional() });
export type PersonaEdit = z.input<typeof editSchema>;

/** The analyst's edit of a card's title or narrative; an empty title goes back to the automatic one. */
export function editPersona(card: PersonaCard, edit: PersonaEdit): PersonaCard {
  if (card.kind !== 'card') throw new Error(`Cluster ${card.cluster} has no persona card to edit.`);
  const title = typeof edit.title === 'string' && edit.title.trim() === '' ? card.automaticTitle : edit.title;
  const parsed = editSchema.parse({ ...(title === undefined ? {} : { title }), ...(edit.narrative === undefined ? {} : { narrative: edit.narrative }) });
  return { ...card, ...parsed };
}
