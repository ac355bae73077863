// The analyst's profile edits: the cluster table's row order and hidden rows, and the edited persona titles and
// narratives, kept for the chosen clustering (and the study file), applied to the publication's cluster outputs.
import { UserFacingError } from '../../common/errors';
import type { StudyProfiles } from '../../linking/study-file';
import type { ClusterPublication } from '../../publication/study-publication';
import { editPersona, type PersonaCard } from './persona';
import { applyPersonaEdits, applyRowLayout } from './profile-layout';
import type { PersonaEditRequest, ProfileLayout, PublishedProfiles } from './published-profiles';

type PersonaEdits = Map<number, { title?: string; narrative?: string }>;

/** The clusters as published, with the clustering's identity for the edits. */
export interface ChosenClusters {
  runId: string;
  k: number;
  /** A fingerprint of the settings the clusters came from: edits made for other settings are dropped. */
  settingsKey: string;
  clusters: ClusterPublication;
}

export class ProfileState {
  private layout: ProfileLayout = { rowOrder: [], hiddenRows: [] };
  private edits: PersonaEdits = new Map();
  /** The settings the edits were made for; null: not yet tied to a clustering (fresh, or read from a study file). */
  private editsFor: string | null = null;

  constructor(private readonly chosen: () => Promise<ChosenClusters | null>) {}

  private async require(): Promise<ChosenClusters> {
    const chosen = await this.chosen();
    if (!chosen) throw new UserFacingError('Er is nog geen clustering die gepubliceerd kan worden: kies op de pagina Clusters een indeling in clusters.');
    if (this.editsFor !== null && this.editsFor !== chosen.settingsKey) this.edits = new Map();
    this.editsFor = chosen.settingsKey;
    return chosen;
  }

  private editList(): NonNullable<StudyProfiles['personas']> {
    return [...this.edits].sort(([a], [b]) => a - b).map(([cluster, edit]) => ({ cluster, ...edit }));
  }

  private publish(chosen: ChosenClusters): PublishedProfiles {
    const table = chosen.clusters.table.table;
    const ordered = applyRowLayout(table, { rowOrder: this.layout.rowOrder, hiddenRows: [] });
    const hidden = new Set(this.layout.hiddenRows);
    return {
      runId: chosen.runId,
      k: chosen.k,
      table: applyRowLayout(table, this.layout),
      rows: ordered.rows.map((row) => ({ id: row.id, label: row.label, hidden: hidden.has(row.id) })),
      standsOut: chosen.clusters.standsOut.map(({ cluster, table: standsOut }) => ({ cluster, table: standsOut.table })),
      personas: this.personas(chosen.clusters.personas),
    };
  }

  /** The cards with the analyst's titles and narratives. */
  personas(cards: readonly PersonaCard[]): PersonaCard[] {
    return applyPersonaEdits(cards, this.editList());
  }

  /** The layout the export applies to the cluster table. */
  rowLayout(): ProfileLayout {
    return this.layout;
  }

  async published(): Promise<PublishedProfiles> {
    return this.publish(await this.require());
  }

  async setLayout(layout: ProfileLayout): Promise<PublishedProfiles> {
    const chosen = await this.require();
    const known = new Set(chosen.clusters.table.table.rows.map((row) => row.id));
    const unknown = [...layout.rowOrder, ...layout.hiddenRows].filter((id) => !known.has(id));
    if (unknown.length > 0) throw new UserFacingError(`De clustertabel heeft geen rij "${unknown[0]}".`);
    if (layout.hiddenRows.length >= known.size) throw new UserFacingError('Laat ten minste één rij van de clustertabel zien.');
    this.layout = { rowOrder: [...new Set(layout.rowOrder)], hiddenRows: [...new Set(layout.hiddenRows)] };
    return this.publish(chosen);
  }

  async editPersona(request: PersonaEditRequest): Promise<PublishedProfiles> {
    const chosen = await this.require();
    const card = chosen.clusters.personas.find((candidate) => candidate.cluster === request.cluster);
    if (!card) throw new UserFacingError(`Er is geen cluster ${request.cluster} in deze indeling.`);
    if (card.kind !== 'card') throw new UserFacingError(card.note);
    // Validates the edit as the card would take it (an empty title goes back to the automatic one).
    const edited = editPersona(card, {
      ...(request.title === undefined ? {} : { title: request.title }),
      ...(request.narrative === undefined ? {} : { narrative: request.narrative }),
    });
    if (edited.kind !== 'card') throw new UserFacingError(`Cluster ${request.cluster} heeft geen persona.`);
    const next = { ...(this.edits.get(request.cluster) ?? {}) };
    if (request.title !== undefined) {
      if (edited.title === card.automaticTitle) delete next.title;
      else next.title = edited.title;
    }
    if (request.narrative !== undefined) {
      if (edited.narrative.trim() === '') delete next.narrative;
      else next.narrative = edited.narrative;
    }
    if (next.title === undefined && next.narrative === undefined) this.edits.delete(request.cluster);
    else this.edits.set(request.cluster, next);
    return this.publish(chosen);
  }

  /** The profiles section of the study file: layout and edits, empty parts left out. */
  settings(): StudyProfiles {
    const personas = this.editList();
    return {
      ...(this.layout.rowOrder.length > 0 ? { rowOrder: this.layout.rowOrder } : {}),
      ...(this.layout.hiddenRows.length > 0 ? { hiddenRows: this.layout.hiddenRows } : {}),
      ...(personas.length > 0 ? { personas } : {}),
    };
  }

  /** Takes a study file's profiles section; its edits apply to the next clustering the analyst chooses. */
  restore(profiles: StudyProfiles | undefined): void {
    this.layout = { rowOrder: profiles?.rowOrder ?? [], hiddenRows: profiles?.hiddenRows ?? [] };
    this.edits = new Map((profiles?.personas ?? []).map(({ cluster, ...edit }) => [cluster, edit]));
    this.editsFor = null;
  }
}
