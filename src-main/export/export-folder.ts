// The export's folder: written in a hidden staging folder beside it and renamed into place whole, never over anything.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserFacingError } from '../common/errors';

export const EXPORT_FOLDER_PREFIX = 'groepsbeeld-export-';

/** groepsbeeld-export-YYYYMMDD-HHMMSS in the machine's local time (the time the analyst sees on the clock). */
export function exportFolderName(moment: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  const date = `${moment.getFullYear()}${pad(moment.getMonth() + 1)}${pad(moment.getDate())}`;
  const time = `${pad(moment.getHours())}${pad(moment.getMinutes())}${pad(moment.getSeconds())}`;
  return `${EXPORT_FOLDER_PREFIX}${date}-${time}`;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Renames the finished staging folder to the first free name among `name`, `name-2`, `name-3`, ... */
async function moveToFreeName(staging: string, parent: string, name: string): Promise<string> {
  for (let attempt = 1; attempt <= 100; attempt += 1) {
    const target = join(parent, attempt === 1 ? name : `${name}-${attempt}`);
    if (await exists(target)) continue;
    try {
      await rename(staging, target);
      return target;
    } catch (error) {
      // Someone created the name between the check and the rename: try the next one.
      if (['EEXIST', 'ENOTEMPTY', 'EPERM'].includes(errorCode(error) ?? '') && (await exists(target))) continue;
      throw error;
    }
  }
  throw new UserFacingError(`De map ${parent} bevat al 100 exports met de naam ${name}; kies een andere map.`);
}

/** Checks that the picked folder exists and is a folder, naming it when it is not. */
export async function checkParentFolder(parent: string): Promise<void> {
  let stats;
  try {
    stats = await stat(parent);
  } catch {
    throw new UserFacingError(`De exportmap ${parent} bestaat niet of is niet te lezen. Kies een bestaande map.`);
  }
  if (!stats.isDirectory()) throw new UserFacingError(`${parent} is geen map. Kies een map om naar te exporteren.`);
}

/**
 * Runs `write` on a fresh hidden staging folder inside `parent` (same disk, so the final rename is atomic),
 * then moves it to a new subfolder named after `moment`. On any error or abort the staging folder is
 * removed, so nothing partial remains and nothing that was there is touched.
 */
export async function writeExportFolder<T>(
  parent: string,
  moment: Date,
  signal: AbortSignal | undefined,
  write: (staging: string) => Promise<T>,
): Promise<{ folder: string; result: T }> {
  signal?.throwIfAborted();
  await checkParentFolder(parent);
  const staging = join(parent, `.${EXPORT_FOLDER_PREFIX}staging-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { mode: 0o700 });
  try {
    const result = await write(staging);
    signal?.throwIfAborted();
    const folder = await moveToFreeName(staging, parent, exportFolderName(moment));
    return { folder, result };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
