// Atomic output: everything is written into a temporary sibling folder and moved into place only when complete.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { UserFacingError } from '../common/errors';
import { isGeneratorOutput } from './manifest';

export interface OutputFolderOptions {
  /** Replace the folder if it holds a previous generator output (never an arbitrary folder). */
  force: boolean;
  signal?: AbortSignal | undefined;
}

type FolderState = 'missing' | 'empty' | 'previous-output';

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** What is at `out` now; throws (naming the folder and what to do) when it may not be written. */
async function inspectTarget(out: string, force: boolean): Promise<FolderState> {
  let stats;
  try {
    stats = await lstat(out);
  } catch (error) {
    if (isMissing(error)) return 'missing';
    throw error;
  }
  if (!stats.isDirectory()) {
    throw new UserFacingError(`${out} bestaat al en is geen map. Kies bij --out een nieuwe of lege map.`);
  }
  if ((await readdir(out)).length === 0) return 'empty';
  if (!force) {
    throw new UserFacingError(
      `De uitvoermap ${out} is niet leeg. Kies een lege map, of geef --force mee om een eerdere uitvoer van de generator te vervangen.`,
    );
  }
  if (!(await isGeneratorOutput(out))) {
    throw new UserFacingError(
      `De uitvoermap ${out} is niet leeg en bevat geen eerdere uitvoer van de generator (geen ` +
        `manifest.json van groepsbeeld-synthetic); --force vervangt deze map daarom niet. Kies een lege map.`,
    );
  }
  return 'previous-output';
}

function siblingName(out: string, kind: 'partial' | 'previous'): string {
  return `${out}.${kind}-${randomBytes(6).toString('hex')}`;
}

/** Moves the complete `partial` folder to `out`; a replaced previous output is removed only after the move. */
async function moveIntoPlace(partial: string, out: string, state: FolderState): Promise<void> {
  if (state === 'missing') {
    await rename(partial, out);
    return;
  }
  if (state === 'empty') {
    // rmdir fails if something appeared meanwhile, so nothing is ever deleted that we did not check.
    await rmdir(out);
    await rename(partial, out);
    return;
  }
  const previous = siblingName(out, 'previous');
  await rename(out, previous);
  try {
    await rename(partial, out);
  } catch (error) {
    await rename(previous, out);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/**
 * Runs `write` on a fresh `<out>.partial-<random>` folder and moves the result to `out` only when it
 * succeeded. On any error or abort the partial folder is removed and `out` is left as it was.
 */
export async function writeOutputFolder<T>(outPath: string, options: OutputFolderOptions, write: (partialFolder: string) => Promise<T>): Promise<T> {
  const out = resolve(outPath);
  if (basename(out) === '' || dirname(out) === out) {
    throw new UserFacingError(`${outPath} kan niet als uitvoermap worden gebruikt. Kies een nieuwe of lege map.`);
  }
  options.signal?.throwIfAborted();
  await inspectTarget(out, options.force);
  await mkdir(dirname(out), { recursive: true });
  const partial = siblingName(out, 'partial');
  await mkdir(partial);
  try {
    const result = await write(partial);
    options.signal?.throwIfAborted();
    // Checked again: the target may have changed while the world was being written.
    await moveIntoPlace(partial, out, await inspectTarget(out, options.force));
    return result;
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}
