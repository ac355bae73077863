// The app's link runs: one at a time, with progress to poll and a cancel, on the files open in the study engine.
import type { LinkingStatus, LinkRequest } from '../ipc/contract';
import { INPUT_KINDS, type InputKind } from './study-file';
import { UserFacingError } from '../errors';
import type { OpenedFileEntry, StudyEngine } from '../engine/study-engine';
import { ANALYSIS_TABLE, linkPreparedSources } from './link-households';
import { sourceOfFile } from './link-inputs';
import { publishLinkReport, type PublishedLinkReport } from './link-report';

const IDLE = { running: false, step: 0, steps: 0, label: '' } as const;

/** An open file linking reads: one set (on the Data page, or as recognised) to a kind of input. */
function isLinkInput(file: OpenedFileEntry): boolean {
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

  /** Links the open files; the analysis table stays in the engine's session (and is carried across swaps) for the analysis steps. */
  async run(request: LinkRequest): Promise<PublishedLinkReport> {
    if (this.controller) throw new UserFacingError('Er loopt al een koppeling; wacht tot die klaar is of stop hem.');
    const controller = new AbortController();
    this.controller = controller;
    this.progress = { running: true, step: 0, steps: 10, label: 'Bestanden voorbereiden' };
    try {
      const report = await this.engine.buildFromFiles(ANALYSIS_TABLE, isLinkInput, async (session, files) => {
        const sources = files.filter(isLinkInput).map((file) => sourceOfFile(file, file.proposal.kind as InputKind, { roles: file.proposal.roles }));
        const needed: InputKind[] = ['persons', 'households', 'addresses', 'addressRegions'];
        const missing = needed.filter((kind) => !sources.some((source) => source.kind === kind));
        if (missing.length > 0) {
          throw new UserFacingError(`Open eerst de bestanden voor: ${missing.join(', ')} (of geef op de Data-pagina aan welk bestand welke tabel is).`);
        }
        return linkPreparedSources(session, { referenceDate: request.referenceDate, municipality: { code: request.municipality } }, sources, {
          signal: controller.signal,
          onProgress: (progress) => {
            this.progress = { running: true, ...progress };
          },
        });
      });
      return publishLinkReport(report);
    } catch (error) {
      if (controller.signal.aborted) throw new UserFacingError('Het koppelen is gestopt; er is niets bewaard.');
      throw error;
    } finally {
      this.controller = null;
      this.progress = IDLE;
    }
  }
}
