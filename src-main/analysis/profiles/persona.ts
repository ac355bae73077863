// Persona cards as data: per cluster an automatic title, its N and key facts that passed the disclosure rules,
// and the analyst's editable title and narrative. A cluster too small to show gets only a note.
import { z } from 'zod';
import { publishedCellSchema, type PublishedCell } from '../../disclosure/checked-table';
import type { RuleSet } from '../../disclosure/rule-set';
import type { ClusterProfile } from './cluster-table';
import { automaticTitle } from './persona-title';
import type { ClusterStandOut } from './what-stands-out';

/** The profile rows a persona's facts are taken from, in this order (the seed table's order, age last). */
export const FACT_ROWS = ['benefit-type', 'disposable-income', 'household-composition', 'has-children', 'youngest-child', 'care', 'education-level', 'tenure', 'reference-age-years', 'migration-background'] as const;
export const MIN_FACTS = 5;
export const MAX_FACTS = 8;

const factSchema = z.strictObject({ label: z.string().min(1), text: z.string().min(1), cell: publishedCellSchema });
export type PersonaFact = z.infer<typeof factSchema>;

export const personaCardSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('card'),
    cluster: z.number().int().positive(),
    /** The published N of the cluster. */
    count: publishedCellSchema,
    automaticTitle: z.string().min(1).max(200),
    /** Editable by the analyst; defaults to the automatic title. */
    title: z.string().min(1).max(200),
    /** Editable by the analyst; empty by default. */
    narrative: z.string().max(4000),
    facts: z.array(factSchema).max(MAX_FACTS),
    /** What stands out, in plain Dutch: the most over-represented traits first. */
    standsOut: z.array(z.string()).max(5),
  }),
  z.strictObject({ kind: z.literal('note'), cluster: z.number().int().positive(), note: z.string().min(1) }),
]);
export type PersonaCard = z.infer<typeof personaCardSchema>;

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

/** One card per cluster; titles that would coincide get the cluster number, so every card's title is distinct. */
export function personaCards(profile: ClusterProfile, standOut: readonly ClusterStandOut[], rules: RuleSet): PersonaCard[] {
  const cards: PersonaCard[] = profile.columns.flatMap((column, columnIndex): PersonaCard[] => {
    if (column.cluster === null) return [];
    if (!column.shown) {
      return [{ kind: 'note', cluster: column.cluster, note: `Cluster ${column.cluster} is te klein voor een persona (minder dan ${rules.clusterMinimum} huishoudens, of het aantal is onderdrukt).` }];
    }
    const traits = standOut.find((entry) => entry.cluster === column.cluster)?.traits ?? [];
    const title = automaticTitle(profile, columnIndex, traits);
    return [
      {
        kind: 'card',
        cluster: column.cluster,
        count: column.count,
        automaticTitle: title,
        title,
        narrative: '',
        facts: facts(profile, columnIndex),
        // The same category can stand out under two features (household type and composition): say it once.
        standsOut: traits
          .filter((trait, index) => trait.vTest > 0 && traits.findIndex((other) => other.label === trait.label) === index)
          .slice(0, 5)
          .map((trait) => trait.sentence),
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
