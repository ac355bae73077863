// The encrypted workspace: opened files saved as one passphrase-protected file that later runs load in seconds.
export { STORED_TYPES, type StoredTypeName } from './stored-types';
export { DEFAULT_KDF, type KdfParameters } from './format';
export {
  deleteWorkspace,
  loadWorkspace,
  readWorkspaceManifest,
  type LoadWorkspaceOptions,
  type LoadedWorkspace,
  type WorkspaceLoadProgress,
} from './load-workspace';
export type { Compression, WorkspaceColumn, WorkspaceManifest, WorkspaceTable } from './workspace-file';
export {
  MIN_PASSPHRASE_LENGTH,
  writeWorkspace,
  type WorkspaceTableSource,
  type WorkspaceWriteProgress,
  type WriteWorkspaceOptions,
  type WrittenWorkspace,
} from './write-workspace';
