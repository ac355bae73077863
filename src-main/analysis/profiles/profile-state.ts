// The app's cluster profiles: the description of the chosen clustering (computed once per run and k), the analyst's
// row order and hidden rows, and the edited persona titles and narratives, as they go into the study file.
import type { QuerySession } from '../cross-table';
import { UserFacingError } from '../../errors';
import type { RuleSet } from '../../disclosure/rule-set';
import type { StudyProfiles } from '../../linking/study-file';
import type { ClusterRunRef } from './cluster-data';
import { describeClusters, type ClusterDescription } from './describe-clusters';
import { editPersona, type PersonaCard } from './persona';
import { applyPersonaEdits, applyRowLayout } from './profile-layout';
import type { PersonaEditRequest, ProfileLayout, PublishedProfiles } from './published-profiles';

/** The clustering the profiles describe, and a fingerprint of the settings it came from (see ClusteringJob.chosenRun). */
export interface ChosenRun {
  ref: ClusterRunRef;
  settings: unknown;
}

/** The clustering as the profiles reach it: which one is chosen, and its labels in the engine's session for a query. */
export interface ClusteringAccess {
  chosenRun: () => ChosenRun | null;
  withChosenLabels: <T>(work: (session: QuerySession, ref: ClusterRunRef) => Promise<T>) => Promise<T>;
}

type PersonaEdits = Map<number, { title?: string; narrative?: string }>;

export interface ClusterExportContent {
  description: ClusterDescription;
  /** The comparison table laid out as on the Profielen page. */
  table: ClusterDescription['table'];
  /** The cards with the analyst's titles and narratives. */
  personas: PersonaCard[];
  /** The clustered households (client households by default), for the differencing guard. */
  population: ClusterRunRef['population'];
}

export class ProfileState {
  private layout: ProfileLayout = { rowOrder: [], hiddenRows: [] };
  private edits: PersonaEdits = new Map();
  /** The settings the edits were made for; null: not yet tied to a clustering (fresh, or read from a study file). */
  private editsFor: string | null = null;
  private cache: { key: string; description: ClusterDescription } | null = null;

  constructor(
    private readonly clustering: ClusteringAccess,
    private readonly rules: RuleSet,
  ) {}

  private requireRun(): { run: ChosenRun; key: string } {
    const run = this.clustering.chosenRun();
    if (!run) throw new UserFacingError('Er is nog geen clustering: kies op de pagina Clusters een indeling in clusters.');
    return { run, key: JSON.stringify(run.settings) };
  }

  /** The description of the chosen clustering; persona edits made for other clusters are dropped. */
  private async description(): Promise<{ description: ClusterDescription; run: ChosenRun }> {
    const { run, key } = this.requireRun();
    if (this.editsFor !== null && this.editsFor !== key) this.edits = new Map();
    this.editsFor = key;
    const cacheKey = `${run.ref.runId}:${run.ref.k}`;
    if (this.cache?.key !== cacheKey) {
      const description = await this.clustering.withChosenLabels((session, ref) => describeClusters(session, ref, this.rules));
      this.cache = { key: cacheKey, description };
    }
    return { description: this.cache.description, run };
  }

  private editList(): NonNullable<StudyProfiles['personas']> {
    return [...this.edits].sort(([a], [b]) => a - b).map(([cluster, edit]) => ({ cluster, ...edit }));
  }

  private publish(description: ClusterDescription, runId: string, k: number): PublishedProfiles {
    const ordered = applyRowLayout(description.table, { rowOrder: this.layout.rowOrder, hiddenRows: [] });
    const hidden = new Set(this.layout.hiddenRows);
    return {
      runId,
      k,
      table: applyRowLayout(description.table, this.layout),
      rows: ordered.rows.map((row) => ({ id: row.id, label: row.label, hidden: hidden.has(row.id) })),
      standsOut: description.standsOut.map(({ cluster, table }) => ({ cluster, table })),
      personas: applyPersonaEdits(description.personas, this.editList()),
    };
  }

  async published(): Promise<PublishedProfiles> {
    const { description, run } = await this.description();
    return this.publish(description, run.ref.runId, run.ref.k);
  }

  async setLayout(layout: ProfileLayout): Promise<PublishedProfiles> {
    const { description } = await this.description();
    const known = new Set(description.table.rows.map((row) => row.id));
    const unknown = [...layout.rowOrder, ...layout.hiddenRows].filter((id) => !known.has(id));
    if (unknown.length > 0) throw new UserFacingError(`De clustertabel heeft geen rij "${unknown[0]}".`);
    if (layout.hiddenRows.length >= known.size) throw new UserFacingError('Laat ten minste één rij van de clustertabel zien.');
    this.layout = { rowOrder: [...new Set(layout.rowOrder)], hiddenRows: [...new Set(layout.hiddenRows)] };
    return this.published();
  }

  async editPersona(request: PersonaEditRequest): Promise<PublishedProfiles> {
    const { description } = await this.description();
    const card = description.personas.find((candidate) => candidate.cluster === request.cluster);
    if (!card) throw new UserFacingError(`Er is geen cluster ${request.cluster} in deze indeling.`);
    if (card.kind !== 'card') throw new UserFacingError(card.note);
    // Validates the edit as the card would take it (an empty title goes back to the automatic one).
    const edited = editPersona(card, { ...(request.title === undefined ? {} : { title: request.title }), ...(request.narrative === undefined ? {} : { narrative: request.narrative }) });
    if (edited.kind !== 'card') throw new UserFacingError(`Cluster ${request.cluster} heeft geen persona.`);
    const previous = this.edits.get(request.cluster) ?? {};
    const next = { ...previous };
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
    return this.published();
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
    this.cache = null;
  }

  /** What the export takes of the profiles, or null when there is no clustering. */
  async exportContent(): Promise<ClusterExportContent | null> {
    if (!this.clustering.chosenRun()) return null;
    const { description, run } = await this.description();
    return { population: run.ref.population, description, table: applyRowLayout(description.table, this.layout), personas: applyPersonaEdits(description.personas, this.editList()) };
  }
}
