// The study's link runs: one at a time, with progress to poll and a cancel, on the files open in the study engine:
// the app's (their kinds and roles as set on the Data page) or a study file's (its kinds and roles).
import { basename } from 'node:path';
import { INPUT_KINDS, type InputKind, type Study } from './study-file';
import { UserFacingError } from '../common/errors';
import { isReadByFeatures } from '../catalogue/feature-columns';
import type { FeatureDefinition } from '../catalogue/feature-definition-shapes';
import type { OpenedFileEntry } from '../engine/file-opening';
import type { StudyEngine } from '../engine/study-engine';
import { ANALYSIS_TABLE } from './analysis-table-name';
import { linkPreparedSources } from './link-households';
import type { LinkOptions } from './linker';
import { sourceOfFile, type PreparedSource } from './link-inputs';
import type { LinkReport } from './link-report';
import type { LinkingStatus, LinkRequest } from './linking-shapes';

const IDLE = { running: false, step: 0, steps: 0, label: '' } as const;
const NEEDED: readonly InputKind[] = ['persons', 'households', 'addresses', 'addressRegions'];

/**
 * An open file linking reads: one set (on the Data page, or as recognised) to a kind of input. A table of unknown kind
 * is read only when a feature names it, so opening an unrelated file does not make the analysis table stale.
 */
function isLinkInput(file: OpenedFileEntry, features: readonly FeatureDefinition[]): boolean {
  if (file.proposal.kind === 'unknown') return isReadByFeatures(features, file.name);
  return (INPUT_KINDS as readonly string[]).includes(file.proposal.kind);
}

export class LinkingJob {
  private progress: Omit<LinkingStatus, 'analysisTable'> = IDLE;
  private controller: AbortController | null = null;

  constructor(private readonly engine: StudyEngine) {}

  /** Progress of a running link, and whether the analysis table still describes the open files (else: link again). */
  async current(): Promise<LinkingStatus> {
    return { ...this.progress, analysisTable: await this.engine.derivedTableState(ANALYSIS_TABLE) };
  }

  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort(new Error('Het koppelen is gestopt.'));
    return true;
  }

  private async guarded(build: (options: LinkOptions) => Promise<LinkReport>, signal?: AbortSignal): Promise<LinkReport> {
    if (this.controller) throw new UserFacingError('Er loopt al een koppeling; wacht tot die klaar is of stop hem.');
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    this.controller = controller;
    this.progress = { running: true, step: 0, steps: 10, label: 'Bestanden voorbereiden' };
    try {
      return await build({ signal: controller.signal, onProgress: (progress) => (this.progress = { running: true, ...progress }) });
    } catch (error) {
      if (controller.signal.aborted) throw new UserFacingError('Het koppelen is gestopt; er is niets bewaard.');
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.controller = null;
      this.progress = IDLE;
    }
  }

  /**
   * Links the open files as the Data page set them, with the study's own features besides the built-in catalogue; the
   * analysis table stays in the engine's session for the analysis.
   */
  run(request: LinkRequest, features: readonly FeatureDefinition[] = []): Promise<LinkReport> {
    const read = (file: OpenedFileEntry) => isLinkInput(file, features);
    return this.guarded((options) =>
      this.engine.buildFromFiles(ANALYSIS_TABLE, read, async (session, files) => {
        const sources = files.filter(read).map((file) => sourceOfFile(file, file.proposal.kind as InputKind, { roles: file.proposal.roles }));
        const missing = NEEDED.filter((kind) => !sources.some((source) => source.kind === kind));
        if (missing.length > 0)
          throw new UserFacingError(`Open eerst de bestanden voor: ${missing.join(', ')} (of geef op de Data-pagina aan welk bestand welke tabel is).`);
        const target = {
          referenceDate: request.referenceDate,
          municipality: { code: request.municipality },
          referenceMoment: request.referenceMoment ?? 'referenceDate',
          features: [...features],
        };
        return linkPreparedSources(session, target, sources, options);
      }),
    );
  }

  /** Links a study file's inputs (opened with engine.openInputs), each with the kind and roles the study gives it. */
  runStudy(study: Study, signal?: AbortSignal, onProgress?: LinkOptions['onProgress']): Promise<LinkReport> {
    return this.guarded(
      (options) =>
        this.engine.buildFromFiles(
          ANALYSIS_TABLE,
          () => true,
          async (session, files) => {
            const byPath = new Map(files.map((file) => [file.path, file]));
            const sources: PreparedSource[] = study.inputs.map((input) => {
              const file = byPath.get(input.path);
              if (!file) throw new Error(`${basename(input.path)} was not opened.`);
              return sourceOfFile(file, input.kind, { studyRoles: input.roles ?? {} });
            });
            return linkPreparedSources(session, study, sources, {
              ...options,
              ...(onProgress ? { onProgress: (progress) => (options.onProgress?.(progress), onProgress(progress)) } : {}),
            });
          },
        ),
      signal,
    );
  }
}
