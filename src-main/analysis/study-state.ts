// The app's study after linking: what was linked (date, municipality, published link report), the outputs it can
// show and export, and the export itself. Electron-free: the handlers, tests and the CLI use it alike.
import { createHash } from 'node:crypto';
import type { StudyEngine } from '../engine/study-engine';
import { describeWarning, historyPath } from '../disclosure/differencing-guard';
import type { RuleSet } from '../disclosure/rule-set';
import type { CheckedTable } from '../disclosure/checked-table';
import { UserFacingError } from '../errors';
import type { ExportPreview, ExportRequest, ExportResult, LinkRequest } from '../ipc/contract';
import { ANALYSIS_TABLE } from '../linking/link-households';
import type { PublishedLinkReport } from '../linking/link-report';
import { differencingWarnings, exportCandidates, exportStudy, ruleSetReference, type StudyIdentity, type StudyPersonas } from '../export/study-export';
import { compareAllFeatures } from './comparison-outputs';
import type { ProtectionMethod } from '../disclosure/frequency-protection';
import { populationDifferenceSql, type Population } from './population';
import type { ClusterExportContent } from './profiles/profile-state';
import { studyOutputs, type StudyOutput } from './study-outputs';

export interface StudyStateOptions {
  engine: StudyEngine;
  rules: RuleSet;
  /** The app's own data folder (the export history lives there). */
  userData: string;
  appVersion: string;
  /** Asks the analyst for an export folder (the main process's own dialog); null when cancelled. */
  pickFolder: () => Promise<string | null>;
  /** What the study is called in the output log (a study file names it; otherwise a default). */
  studyName?: string;
  /** The chosen clustering's profile table, what stands out and persona cards as laid out and edited; null before clustering. */
  clusterContent?: () => Promise<ClusterExportContent | null>;
}

interface Linked {
  request: LinkRequest;
  report: PublishedLinkReport;
}

export class StudyState {
  private linked: Linked | null = null;

  constructor(private readonly options: StudyStateOptions) {}

  /** The last successful link's report (to show again); null before linking. */
  lastReport(): PublishedLinkReport | null {
    return this.linked?.report ?? null;
  }

  /** The last successful link's date and municipality, for the study file; null before linking. */
  linkedRequest(): LinkRequest | null {
    return this.linked?.request ?? null;
  }

  /** Another study was opened: its name goes into the output log, and the old link no longer counts. */
  startStudy(name: string): void {
    this.options.studyName = name;
    this.linked = null;
  }

  /** Called after every successful link: the outputs are computed from this link's analysis table. */
  recordLink(request: LinkRequest, report: PublishedLinkReport): void {
    this.linked = { request, report };
  }

  private async requireCurrent(): Promise<Linked> {
    const state = await this.options.engine.derivedTableState(ANALYSIS_TABLE);
    if (!this.linked || state === 'none') throw new UserFacingError('Er is nog geen analysetabel: koppel eerst de bestanden op de pagina Populatie.');
    if (state === 'stale') throw new UserFacingError('De geopende bestanden zijn veranderd sinds het koppelen; koppel opnieuw voordat u vergelijkt of exporteert.');
    return this.linked;
  }

  async compare(method: ProtectionMethod): Promise<CheckedTable[]> {
    await this.requireCurrent();
    return this.options.engine.withSession((session) => compareAllFeatures(session, { rules: this.options.rules, method }));
  }

  private async outputs(method: ProtectionMethod): Promise<{ linked: Linked; outputs: StudyOutput[]; personas: StudyPersonas | undefined }> {
    const linked = await this.requireCurrent();
    const outputs = await this.options.engine.withSession((session) => studyOutputs(session, linked.report, { rules: this.options.rules, method }));
    const clusters = (await this.options.clusterContent?.()) ?? null;
    if (!clusters) return { linked, outputs, personas: undefined };
    // The cluster tables and cards describe the clustered households (client households by default), for the differencing guard.
    const clusterTables = [clusters.table, ...clusters.description.standsOut.map((entry) => entry.table)];
    return {
      linked,
      outputs: [...outputs, ...clusterTables.map((table) => ({ table, population: clusters.population, chartable: false }))],
      personas: { cards: clusters.personas, population: clusters.population },
    };
  }

  /** The recipe's fingerprint: open files (name, size, kind, roles), date and municipality; no microdata. */
  private async identity(linked: Linked): Promise<StudyIdentity> {
    const files = (await this.options.engine.listFiles()).map(({ name, sizeBytes, tableKind, roles }) => ({ name, sizeBytes, tableKind, roles }));
    const recipe = JSON.stringify({ files, referenceDate: linked.request.referenceDate, municipality: linked.request.municipality });
    return {
      name: this.options.studyName ?? `Groepsbeeld-studie gemeente ${linked.request.municipality}`,
      referenceDate: linked.request.referenceDate,
      municipality: linked.request.municipality,
      sha256: createHash('sha256').update(recipe).digest('hex'),
    };
  }

  private historyFile(identity: StudyIdentity): string {
    return historyPath(this.options.userData, identity);
  }

  private countDifference = (a: Population, b: Population): Promise<number> =>
    this.options.engine.withSession(async (session) => Number((await session.query(populationDifferenceSql(a, b)))[0]?.units ?? 0));

  async preview(method: ProtectionMethod): Promise<ExportPreview> {
    const { linked, outputs, personas } = await this.outputs(method);
    const identity = await this.identity(linked);
    const warnings = await differencingWarnings(outputs, this.historyFile(identity), this.countDifference, this.options.rules, personas);
    return {
      candidates: exportCandidates(outputs, personas),
      differencing: warnings.map((warning) => ({ outputId: warning.outputId, message: describeWarning(warning) })),
      ruleSet: ruleSetReference(this.options.rules),
    };
  }

  async export(request: ExportRequest): Promise<ExportResult> {
    const { linked, outputs, personas } = await this.outputs(request.method);
    const folder = await this.options.pickFolder();
    if (folder === null) return { status: 'cancelled' };
    const identity = await this.identity(linked);
    const result = await exportStudy(
      {
        study: identity,
        rules: this.options.rules,
        appVersion: this.options.appVersion,
        available: outputs,
        personas,
        selection: request.outputs,
        maskBlocked: request.maskBlocked,
        differencingJustification: request.differencingJustification,
        linkReport: linked.report,
      },
      { folder, historyFile: this.historyFile(identity), countDifference: this.countDifference },
    );
    return result.status === 'written' ? { status: 'written', folder: result.folder, files: result.files } : result;
  }
}
