// Tables built from the open files (the analysis table): what they were built from, to tell whether they still hold.
import { stat } from 'node:fs/promises';
import type { RoleProposal } from './column-roles';

/** What a derived table depends on in an open file: where it is and how the analyst mapped it. */
export interface DerivedSource {
  path: string;
  /** A table loaded from a workspace ('workspace') lives in memory: the file on disk no longer matters. */
  format?: string;
  proposal: RoleProposal;
}

/** Whether a table built from the open files (the analysis table) still describes them. */
export type DerivedTableState = 'none' | 'current' | 'stale';

/** What a table built from the open files was built from: its source files, as they then were. */
export interface DerivedTable<F extends DerivedSource> {
  isSource: (file: F) => boolean;
  fingerprint: string;
  /** Left behind at a session swap because its sources had changed: it must be built again. */
  dropped: boolean;
}

/** The sources of a derived table as one comparable text: path, kind, roles, and size and modification time as on disk now. */
export async function sourcesFingerprint<F extends DerivedSource>(files: Iterable<F>, isSource: (file: F) => boolean): Promise<string> {
  const sources: string[] = [];
  for (const file of files) {
    if (!isSource(file)) continue;
    const onDisk = file.format === 'workspace' ? null : await stat(file.path).catch(() => null);
    sources.push(JSON.stringify([file.path, file.proposal.kind, Object.entries(file.proposal.roles).sort(), onDisk?.size ?? null, onDisk?.mtimeMs ?? null]));
  }
  return JSON.stringify(sources.sort());
}

/** Whether a derived table still describes the open files: the same sources, kinds and roles, unchanged on disk since it was built. */
export async function derivedTableState<F extends DerivedSource>(files: Iterable<F>, record: DerivedTable<F> | undefined): Promise<DerivedTableState> {
  if (!record) return 'none';
  if (record.dropped) return 'stale';
  return (await sourcesFingerprint(files, record.isSource)) === record.fingerprint ? 'current' : 'stale';
}
