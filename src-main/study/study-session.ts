// The study session: owns the study (its name, recodes, profile edits), the engine's linked analysis table, the chosen
// clustering and the publication ledger through which every figure leaves the main process, to the screen or into an
// export. The IPC handlers and the headless `run` are thin callers of the same session.
import { createHash } from 'node:crypto';
import type { ClusteringRequestSpec } from '../analysis/clustering-service/cluster-features';
import type { PublishedClustering } from '../analysis/clustering-service/clustering-result';
import { ClusteringJob } from '../analysis/clustering-service/clustering-job';
import { publishClustering } from '../analysis/clustering-service/clustering-result';
import { ProfileState, type ChosenClusters } from '../analysis/profiles/profile-state';
import type { QuerySession } from '../analysis/cross-table';
import { unknownCodeNotes } from '../analysis/unknown-codes';
import { analysisFeatures } from '../publication/feature-catalogue';
import type { CheckedTable } from '../disclosure/checked-table';
import type { ProtectionMethod } from '../disclosure/disclosure-shapes';
import type { RuleSet } from '../disclosure/rule-set';
import type { StudyEngine } from '../engine/study-engine';
import { UserFacingError } from '../common/errors';
import { StudyFeatures } from './study-features';
import { ANALYSIS_TABLE } from '../linking/analysis-table-name';
import type { LinkRequest } from '../linking/linking-shapes';
import type { LinkReport, PublishedLinkReport } from '../linking/link-report';
import { LinkingJob } from '../linking/linking-job';
import type { Study } from '../linking/study-file';
import { DifferencingStore } from '../publication/differencing-store';
import type { Recodes } from '../publication/published-feature';
import { buildPublication, publishedClusterSizes, type StudyPublication } from '../publication/study-publication';
import { analysisTableDigest } from './data-digest';
import { exportableOutputs, exportCandidate } from './export-outputs';
import type { ExportPreview } from './study-shapes';
import { exportPublication, exportRefusal, previewDifferencing, type ExportContext, type StudyExportRequest, type StudyExportResult } from './study-export';

/** Where the app's analyst writes a justification. */
const APP_JUSTIFICATION_WHERE = 'in het veld "Onderbouwing" op de pagina Export';

export interface StudySessionOptions {
  engine: StudyEngine;
  /** The institution's rules: the floor every study runs under (a study may only make them stricter, see startStudy). */
  rules: RuleSet;
  /** The app's own data folder: the differencing store (shared by the app and the CLI) lives there. */
  userData: string;
  appVersion: string;
}

interface Linked {
  target: LinkRequest;
  report: LinkReport;
  /** Counts links: a publication or clustering of an older link is never used. */
  generation: number;
  digest: string;
}

export class StudySession {
  readonly linking: LinkingJob;
  readonly clustering: ClusteringJob;
  readonly profiles: ProfileState;
  private readonly store: DifferencingStore;
  private name: string | null = null;
  private recodes: Recodes = {};
  /** The study's own features (its `features` section, or made on the feature screen), linked with the built-in catalogue. */
  readonly features: StudyFeatures;
  /** The rules of the current study: the institution's, or a stricter set the study names. */
  private studyRules: RuleSet;
  private linked: Linked | null = null;
  private generation = 0;
  private cache: { key: string; publication: Promise<StudyPublication> } | null = null;

  constructor(private readonly options: StudySessionOptions) {
    this.studyRules = options.rules;
    this.linking = new LinkingJob(options.engine);
    this.clustering = new ClusteringJob(options.engine, () => this.studyRules);
    this.profiles = new ProfileState(() => this.chosenClusters());
    this.store = new DifferencingStore(options.userData);
    this.features = new StudyFeatures(options.engine, this);
  }

  /** The rules the current study is protected with. */
  get rules(): RuleSet {
    return this.studyRules;
  }

  /** The institution's rules, which no study can lower. */
  get floorRules(): RuleSet {
    return this.options.rules;
  }

  /**
   * Another study was opened (or a study file is run): its name, recodes, profile edits and rules (the caller checked
   * them against the floor with stricterOnly; the institution's when not given); the old link no longer counts.
   */
  startStudy(study: Pick<Study, 'name' | 'publication' | 'profiles' | 'features'>, rules: RuleSet = this.options.rules): void {
    this.name = study.name;
    this.features.replace(study.features ?? []);
    this.studyRules = rules;
    this.recodes = study.publication?.recodes ?? {};
    this.profiles.restore(study.profiles);
    this.forgetLink();
  }

  studyName(): string {
    return this.name ?? (this.linked ? `Groepsbeeld-studie gemeente ${this.linked.target.municipality}` : 'Groepsbeeld-studie');
  }

  /** The recodes the study publishes with (for the study file). */
  studyRecodes(): Recodes {
    return this.recodes;
  }

  private forgetLink(): void {
    this.linked = null;
    this.generation += 1;
    this.cache = null;
    this.clustering.forget();
  }

  private async recordLink(target: LinkRequest, report: LinkReport): Promise<PublishedLinkReport> {
    this.forgetLink();
    const digest = await this.options.engine.withFiles((session, entries) => {
      const files = entries.map((entry) => ({ name: entry.name, sizeBytes: entry.sizeBytes, kind: entry.proposal.kind, roles: entry.proposal.roles }));
      return analysisTableDigest(session, { files, ...target });
    });
    const unknownCodes = await this.options.engine.withSession((session) =>
      unknownCodeNotes(session, this.studyRules.threshold, analysisFeatures(report.features)),
    );
    this.linked = { target, report: { ...report, notes: [...report.notes, ...unknownCodes] }, generation: this.generation, digest };
    return (await this.publication('suppression')).linkReport;
  }

  /** Links the open files as the Data page set them (the app). */
  async link(target: LinkRequest): Promise<PublishedLinkReport> {
    return this.recordLink(target, await this.linking.run(target, this.features.definitions()));
  }

  /** Links a study file's inputs, opened with the engine's openInputs (the headless run). */
  async linkStudy(study: Study, signal?: AbortSignal, onProgress?: Parameters<LinkingJob['runStudy']>[2]): Promise<PublishedLinkReport> {
    this.startStudy(study);
    const report = await this.linking.runStudy(study, signal, onProgress);
    return this.recordLink({ referenceDate: study.referenceDate, municipality: study.municipality.code, referenceMoment: study.referenceMoment }, report);
  }

  /** The last link's date and municipality (for the study file); null before linking. */
  linkedTarget(): LinkRequest | null {
    return this.linked?.target ?? null;
  }

  /** The catalogue features the last link computed. */
  linkedFeatureIds(): Set<string> {
    return new Set((this.linked?.report.features ?? []).map((feature) => feature.id));
  }

  async lastLinkReport(): Promise<PublishedLinkReport | null> {
    return this.linked ? (await this.publication('suppression')).linkReport : null;
  }

  private async requireCurrent(): Promise<Linked> {
    const state = await this.options.engine.derivedTableState(ANALYSIS_TABLE);
    if (!this.linked || state === 'none') throw new UserFacingError('Er is nog geen analysetabel: koppel eerst de bestanden op de pagina Populatie.');
    if (state === 'stale')
      throw new UserFacingError('De geopende bestanden zijn veranderd sinds het koppelen; koppel opnieuw voordat u vergelijkt, clustert of exporteert.');
    return this.linked;
  }

  /** The clustering's identity: the same settings give the same clusters, so they share a fingerprint. */
  private chosenRef() {
    const chosen = this.clustering.chosenRun();
    if (!chosen) return null;
    const fingerprint = createHash('sha256').update(JSON.stringify(chosen.settings)).digest('hex').slice(0, 8);
    return { ref: { ...chosen.ref, fingerprint }, settingsKey: JSON.stringify(chosen.settings), populationLabel: chosen.ref.population.label };
  }

  /**
   * The publication of the current state (link, chosen clustering, protection method, recodes), computed once and
   * protected as a whole. Screen and export both read it.
   */
  async publication(method: ProtectionMethod): Promise<StudyPublication> {
    const linked = await this.requireCurrent();
    const chosen = this.chosenRef();
    const key = JSON.stringify({ generation: linked.generation, run: chosen?.ref ?? null, method, recodes: this.recodes });
    if (this.cache?.key !== key) {
      const request = {
        rules: this.studyRules,
        method,
        recodes: this.recodes,
        linkReport: linked.report,
        clustering: chosen ? { ref: chosen.ref, populationLabel: chosen.populationLabel } : null,
      };
      const publication = chosen
        ? this.clustering.withChosenLabels((session) => buildPublication(session, request))
        : this.options.engine.withSession((session) => buildPublication(session, request));
      this.cache = { key, publication };
      publication.catch(() => {
        if (this.cache?.publication === publication) this.cache = null;
      });
    }
    return this.cache.publication;
  }

  private async chosenClusters(): Promise<ChosenClusters | null> {
    const chosen = this.chosenRef();
    if (!chosen) return null;
    const publication = await this.publication('suppression');
    if (!publication.clusters) throw new UserFacingError(publication.refusals.join(' ') || 'De clusters kunnen niet worden gepubliceerd.');
    return { runId: chosen.ref.runId, k: chosen.ref.k, settingsKey: chosen.settingsKey, clusters: publication.clusters };
  }

  async comparisons(method: ProtectionMethod): Promise<CheckedTable[]> {
    return (await this.publication(method)).comparisons.map((published) => published.table);
  }

  /** The clustering result with its cluster sizes as the publication shows them (hidden with the rest when needed). */
  private async published(result: PublishedClustering): Promise<PublishedClustering> {
    const run = this.clustering.lastRun();
    if (!run) return result;
    const publication = await this.publication('suppression');
    const clusters = publication.clusters;
    if (!clusters) return publishClustering(run, this.studyRules, result.chosenK);
    return publishClustering(run, this.studyRules, result.chosenK, publishedClusterSizes(clusters));
  }

  async cluster(request: ClusteringRequestSpec, onProgress?: Parameters<ClusteringJob['run']>[1]): Promise<PublishedClustering> {
    await this.requireCurrent();
    return this.published(await this.clustering.run(request, onProgress));
  }

  async chooseClusterCount(k: number): Promise<PublishedClustering> {
    return this.published(await this.clustering.choose(k));
  }

  async lastClustering(): Promise<PublishedClustering | null> {
    const result = this.clustering.lastResult();
    return result ? this.published(result) : null;
  }

  /** What an export works from: the publication, its exportable outputs, the differencing store, a session with the labels. */
  private async exportContext(method: ProtectionMethod): Promise<ExportContext> {
    const publication = await this.publication(method);
    const cards = publication.clusters ? this.profiles.personas(publication.clusters.personas) : null;
    const outputs = exportableOutputs(publication, this.profiles.rowLayout(), cards, this.studyRules);
    return { publication, outputs, store: this.store, session: (work) => this.sessionFor(work) };
  }

  async exportPreview(method: ProtectionMethod): Promise<ExportPreview> {
    await this.requireCurrent();
    const context = await this.exportContext(method);
    const { publication, outputs } = context;
    const differencing = await previewDifferencing({ ...context, rules: this.studyRules });
    return {
      candidates: outputs.map(exportCandidate),
      differencing,
      ruleSet: { name: publication.linkTable.table.ruleSet.name, digest: publication.linkTable.table.ruleSet.digest },
      refusals: publication.refusals,
    };
  }

  /** A session with the chosen labels in it, for fingerprinting cluster populations. */
  private sessionFor<T>(work: (session: QuerySession) => Promise<T>): Promise<T> {
    return this.clustering.chosenRun()
      ? this.clustering.withChosenLabels((session) => work(session))
      : this.options.engine.withSession((session) => work(session));
  }

  /** Why an export would be refused before anything is written (asked before the folder dialog); null when it may go on. */
  async exportRefusal(request: {
    method: ProtectionMethod;
    selection: StudyExportRequest['selection'];
    differencingJustification?: string | undefined;
  }): Promise<string[] | null> {
    await this.requireCurrent();
    const { selection, differencingJustification } = request;
    const checked = { selection, rules: this.studyRules, differencingJustification, justificationWhere: APP_JUSTIFICATION_WHERE };
    return exportRefusal(checked, await this.exportContext(request.method));
  }

  /** Writes the export package into `folder` (a new subfolder), or refuses with the reasons; nothing is written then. */
  async export(
    request: Omit<StudyExportRequest, 'identity' | 'rules' | 'appVersion' | 'dataDigest' | 'justificationWhere'> & {
      method: ProtectionMethod;
      studySha256?: string;
      justificationWhere?: string;
    },
  ): Promise<StudyExportResult> {
    const linked = await this.requireCurrent();
    const context = await this.exportContext(request.method);
    return exportPublication(
      {
        ...request,
        justificationWhere: request.justificationWhere ?? APP_JUSTIFICATION_WHERE,
        identity: {
          name: this.studyName(),
          referenceDate: linked.target.referenceDate,
          municipality: linked.target.municipality,
          sha256: request.studySha256 ?? linked.digest,
        },
        rules: this.studyRules,
        appVersion: this.options.appVersion,
        dataDigest: linked.digest,
      },
      context,
    );
  }
}
