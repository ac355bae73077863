// The app's clustering runs: one at a time on the current analysis table, with progress to poll, a cancel,
// and the analyst's choice of k afterwards. Only published aggregates leave; the labelling stays in SQL.
import type { StudyEngine } from '../../engine/study-engine';
import { UserFacingError } from '../../common/errors';
import type { RuleSet } from '../../disclosure/rule-set';
import { ANALYSIS_TABLE } from '../../linking/analysis-table-name';
import type { QuerySession } from '../cross-table';
import { CLIENT_HOUSEHOLDS, type Population } from '../population';
import { storeAssignments, storedAssignmentCount } from './assignments';
import { DEFAULT_CANDIDATE_IDS, type ClusteringRequest, type ClusteringRequestSpec } from './cluster-features';
import type { PublishedClustering } from './clustering-result';
import { defaultFeatureChoice, featureCoverage } from './default-features';
import { chooseClusteringK, labelsAt, runClustering, type ClusteringRun } from './clustering-service';
import type { ClusteringStatus } from './clustering-shapes';
import type { ClusteringProgress } from './worker-protocol';

const IDLE: ClusteringStatus = { running: false, phase: 'idle', k: null, fraction: 0 };

/** Which stored labelling is chosen: its run id, k, and the population it clustered. */
export interface ClusterRunRef {
  runId: string;
  k: number;
  population: Population;
}

export class ClusteringJob {
  private status: ClusteringStatus = IDLE;
  private controller: AbortController | null = null;
  private last: ClusteringRun | null = null;
  private published: PublishedClustering | null = null;
  /** Counts links: a clustering that started before the last link describes households of an older analysis table. */
  private generation = 0;

  constructor(
    private readonly engine: StudyEngine,
    /** The rules of the study being clustered (a study may make the institution's stricter). */
    private readonly rulesOf: () => RuleSet,
  ) {}

  private get rules(): RuleSet {
    return this.rulesOf();
  }

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

  /** The features the default rule takes on the current analysis table (before a link: every candidate). */
  async defaultFeatureIds(population: Population = CLIENT_HOUSEHOLDS): Promise<string[]> {
    if ((await this.engine.derivedTableState(ANALYSIS_TABLE)) !== 'current') return [...DEFAULT_CANDIDATE_IDS];
    const coverage = await this.engine.withSession((session) => featureCoverage(session, population));
    return defaultFeatureChoice(coverage.features).map((feature) => feature.id);
  }

  /** Runs the request (the engine's session is borrowed while the households are read and the labels stored). */
  async run(request: ClusteringRequestSpec, onProgress?: (progress: ClusteringProgress) => void): Promise<PublishedClustering> {
    if (this.controller) throw new UserFacingError('Er loopt al een clustering; wacht tot die klaar is of stop hem.');
    await this.requireCurrentTable();
    const controller = new AbortController();
    this.controller = controller;
    const generation = this.generation;
    this.status = { running: true, phase: 'reading', k: null, fraction: 0 };
    try {
      // The engine's session is borrowed to read the households and to store the labels, not while the worker
      // runs: the other pages keep answering meanwhile.
      const outcome = await runClustering((work) => this.engine.withSession(work), request, {
        rules: this.rules,
        signal: controller.signal,
        onProgress: (progress) => {
          this.status = { running: true, phase: progress.phase, k: progress.k, fraction: progress.fraction };
          onProgress?.(progress);
        },
      });
      if (outcome.status === 'cancelled') throw new UserFacingError('Het clusteren is gestopt; er is niets bewaard.');
      if (outcome.status === 'failed') throw new UserFacingError(outcome.message);
      if (generation !== this.generation)
        throw new UserFacingError(
          'De bestanden zijn opnieuw gekoppeld terwijl het clusteren liep; deze clusters horen bij de oude analysetabel. Cluster opnieuw.',
        );
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

  /** The last finished run (household keys included: main process only); null before any. */
  lastRun(): ClusteringRun | null {
    return this.last;
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

  /** Forgets the clustering (the analysis table it labelled was replaced); a run still going is not kept either. */
  forget(): void {
    this.generation += 1;
    this.last = null;
    this.published = null;
  }

  /**
   * Runs `work` on the engine's session with the chosen labelling in `cluster_assignments`. The labels live in a
   * temporary table, which a new session (more files opened) does not carry: they are stored again from memory.
   */
  withChosenLabels<T>(work: (session: QuerySession, ref: ClusterRunRef) => Promise<T>): Promise<T> {
    const chosen = this.chosenRun();
    const run = this.last;
    if (!chosen || !run) return Promise.reject(new UserFacingError('Er is nog geen clustering: kies op de pagina Clusters een indeling in clusters.'));
    return this.engine.withSession(async (session) => {
      const { runId, k } = chosen.ref;
      if ((await storedAssignmentCount(session, runId, k)) !== run.n) {
        const labels = labelsAt(run, k);
        const stored = labels
          ? await storeAssignments(session, runId, k, run.keys, labels)
          : { ok: false as const, message: `k = ${k} ontbreekt in deze clustering.` };
        if (!stored.ok) throw new UserFacingError(stored.message);
      }
      return work(session, chosen.ref);
    });
  }
}
