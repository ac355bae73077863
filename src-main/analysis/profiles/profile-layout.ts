// The analyst's layout of the cluster profile and edits of the persona cards, as the study file records them
// (its "profiles" section): pure functions the app and `groepsbeeld run` both call.
import type { CheckedTable } from '../../disclosure/checked-table';
import { editPersona, type PersonaCard, type PersonaEdit } from './persona';

/** Which rows of a table to show and in what order, by row id (the cluster table's ids are feature ids such as "benefit-type"). */
export interface RowLayout {
  rowOrder?: readonly string[] | undefined;
  hiddenRows?: readonly string[] | undefined;
}

/** An edit of one card, by cluster number (the study file's `profiles.personas` entries). */
export interface PersonaEditEntry extends PersonaEdit {
  cluster: number;
}

/**
 * The table with its rows reordered and hidden: rows named in `rowOrder` first, in that order, then the others in
 * their own order; rows named in `hiddenRows` left out, with a note saying how many. Unknown ids are ignored, as is
 * a second mention of the same id. Only whole rows are moved or removed and no cell is touched, so a layout can
 * never show more than the checked table did.
 */
export function applyRowLayout(table: CheckedTable, layout: RowLayout): CheckedTable {
  const order = new Map<string, number>();
  for (const id of layout.rowOrder ?? []) if (!order.has(id)) order.set(id, order.size);
  const hidden = new Set(layout.hiddenRows ?? []);
  const ranked = table.rows.map((row, index) => ({ row, rank: order.get(row.id) ?? order.size + index }));
  ranked.sort((a, b) => a.rank - b.rank);
  const rows = ranked.map(({ row }) => row).filter((row) => !hidden.has(row.id));
  const removed = table.rows.length - rows.length;
  const notes = removed > 0 ? [...table.notes, `${removed} ${removed === 1 ? 'rij' : 'rijen'} niet getoond op verzoek van de analist.`] : table.notes;
  return { ...table, rows, notes };
}

/**
 * The cards with the analyst's titles and narratives applied (editPersona: an empty title goes back to the automatic
 * one; a title longer than 200 characters is refused there). Edits are applied in order, so a later edit of the same
 * cluster wins. An edit for a cluster without a card (too small, or no such cluster at this k) is ignored here:
 * `unusedPersonaEdits` names those for the analyst.
 */
export function applyPersonaEdits(cards: readonly PersonaCard[], edits: readonly PersonaEditEntry[] | undefined): PersonaCard[] {
  return cards.map((card) => {
    if (card.kind !== 'card') return card;
    return (edits ?? [])
      .filter((edit) => edit.cluster === card.cluster)
      .reduce<PersonaCard>((edited, { cluster, ...edit }) => {
        void cluster;
        return editPersona(edited, edit);
      }, card);
  });
}

/** Notes (Dutch) for edits that found no card, so a stale edit in a study file does not go unnoticed. */
export function unusedPersonaEdits(cards: readonly PersonaCard[], edits: readonly PersonaEditEntry[] | undefined): string[] {
  const withCard = new Set(cards.flatMap((card) => (card.kind === 'card' ? [card.cluster] : [])));
  const clusters = [...new Set((edits ?? []).map((edit) => edit.cluster))].filter((cluster) => !withCard.has(cluster));
  return clusters.map((cluster) => `De bewerking van persona ${cluster} is niet gebruikt: cluster ${cluster} heeft geen personakaart.`);
}
