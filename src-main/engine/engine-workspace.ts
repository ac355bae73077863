// The engine's open files as one encrypted workspace: saved from the session's typed tables, and opened back as files
// of format 'workspace'; an abort interrupts DuckDB and leaves nothing half-written or half-opened.
import { UserFacingError } from '../common/errors';
import type { OpenedFileEntry } from './file-opening';
import type { LockedSession } from './locked-session';
import { quoteIdentifier } from './sql';
import { loadWorkspace, writeWorkspace, type KdfParameters, type WorkspaceLoadProgress, type WorkspaceWriteProgress, type WrittenWorkspace } from './workspace';
import { filesOfWorkspace, inspectWorkspace, workspaceSources } from './workspace-entries';

export interface WorkspaceSaveOptions {
  signal?: AbortSignal;
  onProgress?: (progress: WorkspaceWriteProgress) => void;
  /** Replace a file at the path (the save dialog has asked the analyst). */
  overwrite?: boolean;
  /** Tests lower the key derivation's cost; the default is the format's. */
  kdf?: KdfParameters;
}

export interface WorkspaceOpenOptions {
  signal?: AbortSignal;
  onProgress?: (progress: WorkspaceLoadProgress) => void;
}

/** Runs `work` with DuckDB interrupted when `signal` aborts. */
async function interruptible<T>(session: LockedSession, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  signal?.throwIfAborted();
  const onAbort = () => session.interrupt();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await work();
  } catch (error) {
    if (signal?.aborted) throw new UserFacingError('Gestopt: er is niets bewaard of geopend.');
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Saves every open file's typed table (see workspace-entries.ts) into one encrypted workspace at `path`, with its name,
 * format, table kind, roles and column kinds.
 */
export async function saveFilesAsWorkspace(
  session: LockedSession,
  files: readonly OpenedFileEntry[],
  path: string,
  passphrase: string,
  options: WorkspaceSaveOptions,
): Promise<WrittenWorkspace> {
  if (files.length === 0) throw new UserFacingError('Er is nog niets om te bewaren: open eerst de databestanden en bewaar ze daarna als werkruimte.');
  return interruptible(session, options.signal, async () => {
    const tables = await workspaceSources(session, files);
    return writeWorkspace({ session, tables, path, passphrase, ...options });
  });
}

/**
 * Loads a workspace's tables into the session and returns the files it adds (those not open already). DuckDB's allowed
 * list does not change: the original files are not needed. A wrong passphrase, a damaged file or an abort adds nothing.
 */
export async function openWorkspaceFiles(
  session: LockedSession,
  open: readonly OpenedFileEntry[],
  path: string,
  passphrase: string,
  options: WorkspaceOpenOptions,
): Promise<OpenedFileEntry[]> {
  const workspace = await inspectWorkspace(path);
  const loaded = await interruptible(session, options.signal, () => loadWorkspace(workspace.path, passphrase, session, options));
  const openTables = new Set(open.map((entry) => entry.tableName));
  try {
    return filesOfWorkspace(loaded.manifest, workspace).filter((entry) => !openTables.has(entry.tableName));
  } catch (error) {
    for (const table of loaded.tables) if (!openTables.has(table.name)) await session.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table.name)}`);
    throw error;
  }
}
