// The workspace verbs behind IPC: save, open and delete through the main process's own dialogs, one at a time, with progress and cancel.
import { basename, extname } from 'node:path';
import { UserFacingError } from '../common/errors';
import type { StudyEngine } from '../engine/study-engine';
import { deleteWorkspace } from '../engine/workspace';
import { WORKSPACE_EXTENSION } from '../engine/workspace-entries';
import type { DeletedWorkspace, OpenedWorkspace, SavedWorkspace, WorkspaceStatus } from '../engine/workspace/workspace-shapes';

export interface WorkspaceDialogs {
  /** Where to save (the main process's own save dialog, which asks before replacing a file); null when cancelled. */
  pickWorkspaceToSave: () => Promise<string | null>;
  /** Which workspace to open or delete (the main process's own open dialog); null when cancelled. */
  pickWorkspaceToOpen: (purpose: 'open' | 'delete') => Promise<string | null>;
}

const IDLE: WorkspaceStatus = { running: 'none', fraction: null };

export class WorkspaceVerbs {
  private status: WorkspaceStatus = IDLE;
  private controller: AbortController | null = null;

  constructor(
    private readonly engine: StudyEngine,
    private readonly dialogs: WorkspaceDialogs,
  ) {}

  current(): WorkspaceStatus {
    return { ...this.status };
  }

  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort();
    return true;
  }

  async save(passphrase: string): Promise<SavedWorkspace> {
    this.refuseWhileRunning();
    if ((await this.engine.openFileCount()) === 0)
      throw new UserFacingError('Er is nog niets om te bewaren: open eerst de databestanden en bewaar ze daarna als werkruimte.');
    const picked = await this.dialogs.pickWorkspaceToSave();
    if (!picked) return { status: 'cancelled' };
    // The dialog asked before replacing `picked`; a name we extend was not asked about, so it is never replaced.
    const path = extname(picked).toLowerCase() === WORKSPACE_EXTENSION ? picked : `${picked}${WORKSPACE_EXTENSION}`;
    return this.run('saving', async (signal) => {
      const written = await this.engine.saveWorkspace(path, passphrase, {
        signal,
        overwrite: path === picked,
        onProgress: ({ tableIndex, tableCount }) => this.progress(tableIndex / Math.max(tableCount, 1)),
      });
      return { status: 'saved', name: basename(path), bytes: written.bytes, tables: written.tables.length };
    });
  }

  async open(passphrase: string): Promise<OpenedWorkspace> {
    this.refuseWhileRunning();
    const path = await this.dialogs.pickWorkspaceToOpen('open');
    if (!path) return { status: 'cancelled' };
    return this.run('opening', async (signal) => {
      const files = await this.engine.openWorkspace(path, passphrase, { signal, onProgress: ({ fraction }) => this.progress(fraction) });
      return { status: 'opened', name: basename(path), files };
    });
  }

  async delete(): Promise<DeletedWorkspace> {
    this.refuseWhileRunning();
    const path = await this.dialogs.pickWorkspaceToOpen('delete');
    if (!path) return { status: 'cancelled' };
    if (!(await deleteWorkspace(path))) throw new UserFacingError(`${basename(path)} bestaat niet meer; er was dus niets te verwijderen.`);
    return { status: 'deleted', name: basename(path) };
  }

  private refuseWhileRunning(): void {
    if (this.controller) throw new UserFacingError('Er wordt al een werkruimte bewaard of geopend; wacht tot dat klaar is, of stop het.');
  }

  private progress(fraction: number): void {
    if (this.status.running !== 'none') this.status = { running: this.status.running, fraction: Math.min(1, Math.max(0, fraction)) };
  }

  private async run<T>(running: WorkspaceStatus['running'], work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.controller = controller;
    this.status = { running, fraction: 0 };
    try {
      return await work(controller.signal);
    } finally {
      this.controller = null;
      this.status = IDLE;
    }
  }
}
