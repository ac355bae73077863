// The app's clustering runs: one at a time on the current analysis table, with progress to poll, a cancel,
// and the analyst's choice of k afterwards. Only published aggregates leave; the labelling stays in SQL.
import type { StudyEngine } from '../../engine/study-engine';
import { UserFacingError } from '../../errors';
import type { RuleSet } from '../../disclosure/rule-set';
import { ANALYSIS_TABLE } from '../../linking/link-households';
import type { ClusterRunRef } from '../profiles/cluster-data';
import type { ClusteringRequest } from './cluster-features';
import type { PublishedClustering } from './clustering-result';
import { chooseClusteringK, runClustering, type ClusteringRun } from './clustering-service';
import type { ClusteringProgress } from './worker-protocol';

export interface ClusteringStatus {
  running: boolean;
  phase: ClusteringProgress['phase'] | 'idle';
  k: number | null;
  /** 0..1 over the whole run. */
  fraction: number;
}

const IDLE: ClusteringStatus = { running: false, phase: 'idle', k: null, fraction: 0 };

export class ClusteringJob {
  private status: ClusteringStatus = IDLE;
  private controller: AbortController | null = null;
  private last: ClusteringRun | null = null;
  private published: PublishedClustering | null = null;

  constructor(
    private readonly engine: StudyEngine,
    private readonly rules: RuleSet,
  ) {}

  current(): ClusteringStatus {
    return this.status;
  }

  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort(new Error('Het clusteren is gestopt.'));
    return true;
  }

  private async requireCurrentTable(): Promise<void> {
    const state = await this.engine.derivedTableState(ANALYSIS_TABLE);
    if (state === 'none') throw new UserFacingError('Er is nog geen analysetabel: koppel eerst de bestanden op de pagina Populatie.');
    if (state === 'stale') throw new UserFacingError('De geopende bestanden zijn veranderd sinds het koppelen; koppel opnieuw voordat u clustert.');
  }

  /** Runs the request (the engine's session is held while the households are read and the labels stored). */
  async run(request: ClusteringRequest): Promise<PublishedClustering> {
    if (this.controller) throw new UserFacingError('Er loopt al een clustering; wacht tot die klaar is of stop hem.');
    await this.requireCurrentTable();
    const controller = new AbortController();
    this.controller = controller;
    this.status = { running: true, phase: 'reading', k: null, fraction: 0 };
    try {
      const outcome = await this.engine.withSession((session) =>
        runClustering(session, request, {
          rules: this.rules,
          signal: controller.signal,
          onProgress: (progress) => {
            this.status = { running: true, phase: progress.phase, k: progress.k, fraction: progress.fraction };
          },
        }),
      );
      if (outcome.status === 'cancelled') throw new UserFacingError('Het clusteren is gestopt; er is niets bewaard.');
      if (outcome.status === 'failed') throw new UserFacingError(outcome.message);
      this.last = outcome.run;
      this.published = outcome.published;
      return outcome.published;
    } finally {
      this.controller = null;
      this.status = IDLE;
    }
  }

  /** The analyst picks another k of the last run: its labelling is stored and its aggregates published. */
  async choose(k: number): Promise<PublishedClustering> {
    const run = this.last;
    if (!run) throw new UserFacingError('Er is nog geen clustering: start eerst een clustering.');
    await this.requireCurrentTable();
    const outcome = await this.engine.withSession((session) => chooseClusteringK(session, run, k, this.rules));
    if (outcome.status !== 'done') throw new UserFacingError(outcome.status === 'failed' ? outcome.message : 'Het kiezen van k is gestopt.');
    this.published = outcome.published;
    return outcome.published;
  }

  /** The last clustering's published result at the chosen k, so a page opened later shows it again; null before any. */
  lastResult(): PublishedClustering | null {
    return this.published;
  }

  /**
   * The stored labelling the profiles describe (run, chosen k, population), and the settings it came from: the
   * same settings and seed give the same clusters, so an analyst's persona edits stay with them.
   */
  chosenRun(): { ref: ClusterRunRef; settings: ClusteringRequest & { k: number } } | null {
    if (!this.last || !this.published) return null;
    const k = this.published.chosenK;
    return { ref: { runId: this.last.runId, k, population: this.last.request.population }, settings: { ...this.last.request, k } };
  }

  /** Forgets the clustering (the analysis table it labelled was replaced). */
  forget(): void {
    this.last = null;
    this.published = null;
  }
}
