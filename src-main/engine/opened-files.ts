// What an opened file is, and the checks a path must pass before DuckDB may read it.
import { realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute } from 'node:path';
import { UserFacingError } from '../common/errors';

/** 'workspace': a table loaded from an encrypted workspace into the session (never read from its original file). */
export type FileFormat = 'csv' | 'parquet' | 'xlsx' | 'sav' | 'workspace';

export interface FileOnDisk {
  /** Resolved absolute path (symlinks followed), exactly as it is listed in DuckDB's allowed_paths. */
  path: string;
  name: string;
  format: FileFormat;
  sizeBytes: number;
  /** Modification time when inspected: a file that changes while it is read is refused. */
  modifiedMs: number;
}

const FORMAT_BY_EXTENSION: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.xlsx': 'xlsx',
  '.sav': 'sav',
  '.zsav': 'sav',
};

export function formatOfPath(path: string): FileFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

/** Resolves and checks a path the analyst picked; the error names the file and says what to do. */
export async function inspectFile(path: string): Promise<FileOnDisk> {
  const name = basename(path);
  if (!isAbsolute(path)) throw new UserFacingError(`"${path}" is geen volledig pad; kies het bestand in het bestandsvenster.`);
  const format = formatOfPath(path);
  if (extname(path).toLowerCase() === '.gbws') {
    throw new UserFacingError(`"${name}" is een werkruimte van Groepsbeeld; open die met "Werkruimte openen…" en de wachtzin.`);
  }
  if (!format) {
    throw new UserFacingError(
      `"${name}" is een soort bestand dat Groepsbeeld niet kan lezen ` +
        `(${extname(path) || 'geen extensie'}); open een .csv-, .parquet-, .xlsx- of SPSS-bestand (.sav/.zsav).`,
    );
  }
  let resolved: string;
  try {
    resolved = await realpath(path);
  } catch {
    throw new UserFacingError(`"${name}" bestaat niet of is niet te lezen (${path}).`);
  }
  const info = await stat(resolved);
  if (!info.isFile()) throw new UserFacingError(`"${name}" is geen bestand; kies een bestand, geen map.`);
  return { path: resolved, name, format, sizeBytes: info.size, modifiedMs: info.mtimeMs };
}

/** Refuses a file whose size or modification time differs from when it was inspected (it changed while being read). */
export async function checkUnchanged(file: FileOnDisk): Promise<void> {
  let info;
  try {
    info = await stat(file.path);
  } catch {
    throw new UserFacingError(`"${file.name}" is verdwenen terwijl het werd gelezen; open het opnieuw.`);
  }
  if (info.size !== file.sizeBytes || info.mtimeMs !== file.modifiedMs) {
    throw new UserFacingError(
      `"${file.name}" is veranderd terwijl het werd gelezen (grootte ${file.sizeBytes} ` +
        `-> ${info.size} bytes); wacht tot het helemaal is geschreven en open het dan opnieuw.`,
    );
  }
}
