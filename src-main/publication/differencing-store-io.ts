// The differencing store's file handling: writes that survive a power cut, temporary names for writes in progress,
// and file names that sort by time.
import { randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

export const PARTIAL_SUFFIX = '.partial';

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Makes a rename survive a power cut where the platform allows it (not on Windows, where NTFS journals it). */
export async function syncDirectory(path: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    // A directory cannot be opened for fsync on Windows.
  } finally {
    await handle?.close();
  }
}

export async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function temporaryName(name: string): string {
  return `.${name}.${process.pid}.${randomBytes(4).toString('hex')}${PARTIAL_SUFFIX}`;
}

/** "2025-12-03T09:52:00.123Z" as 20251203T095200123Z, for file names that sort by time. */
export function compactTime(iso: string): string {
  return iso.replaceAll(/[-:.]/g, '');
}
