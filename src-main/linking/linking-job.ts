// The app's link runs: one at a time, with progress to poll and a cancel, on the files open in the study engine.
import type { LinkingStatus, LinkRequest } from '../ipc/contract';
import { INPUT_KINDS, type InputKind } from './study-file';
import { UserFacingError } from '../errors';
import { scanRelation } from '../engine/file-scan';
import type { StudyEngine } from '../engine/study-engine';
import { linkPreparedSources } from './link-households';
import type { PreparedSource } from './link-inputs';
import { publishLinkReport, type PublishedLinkReport } from './link-report';

const IDLE: LinkingStatus = { running: false, step: 0, steps: 0, label: '' };

export class LinkingJob {
  private status: LinkingStatus = IDLE;
  private controller: AbortController | null = null;

  constructor(private readonly engine: StudyEngine) {}

  current(): LinkingStatus {
    return { ...this.status };
  }

  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort(new Error('Het koppelen is gestopt.'));
    return true;
  }

  /** Links the open files; the analysis table stays in the engine's session for the analysis steps. */
  async run(request: LinkRequest): Promise<PublishedLinkReport> {
    if (this.controller) throw new UserFacingError('Er loopt al een koppeling; wacht tot die klaar is of stop hem.');
    const controller = new AbortController();
    this.controller = controller;
    this.status = { running: true, step: 0, steps: 10, label: 'Bestanden voorbereiden' };
    try {
      const report = await this.engine.withFiles(async (session, files) => {
        const sources: PreparedSource[] = files
          .filter((file) => (INPUT_KINDS as readonly string[]).includes(file.proposal.kind))
          .map((file) => {
            const relation = scanRelation(file);
            return { kind: file.proposal.kind as InputKind, name: file.name, scan: `${relation.sql}`, parameters: relation.parameters, roles: file.proposal.roles };
          });
        const needed: InputKind[] = ['persons', 'households', 'addresses', 'addressRegions'];
        const missing = needed.filter((kind) => !sources.some((source) => source.kind === kind));
        if (missing.length > 0) {
          throw new UserFacingError(`Open eerst de bestanden voor: ${missing.join(', ')} (of geef op de Data-pagina aan welk bestand welke tabel is).`);
        }
        return linkPreparedSources(session, { referenceDate: request.referenceDate, municipality: { code: request.municipality } }, sources, {
          signal: controller.signal,
          onProgress: (progress) => {
            this.status = { running: true, ...progress };
          },
        });
      });
      return publishLinkReport(report);
    } catch (error) {
      if (controller.signal.aborted) throw new UserFacingError('Het koppelen is gestopt; er is niets bewaard.');
      throw error;
    } finally {
      this.controller = null;
      this.status = IDLE;
    }
  }
}
