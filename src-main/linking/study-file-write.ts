// Writes a study file: the recipe as JSON, input paths relative to the file's folder where they lie below it (so a
// study folder can move as a whole), written to a temporary name and renamed, so a failure leaves the old file.
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseStudy, type Study } from './study-file';

/** A path as the study file records it: relative when it lies in or below `folder`, absolute otherwise. */
export function studyPath(path: string, folder: string): string {
  const within = relative(folder, path);
  return within !== '' && !within.startsWith('..') && !isAbsolute(within) ? within.split(sep).join('/') : path;
}

/** The study as JSON text for `path`; validated first, so an invalid recipe is never written. */
export function studyFileText(study: Study, path: string): string {
  const folder = dirname(resolve(path));
  const relativeStudy: Study = {
    ...study,
    inputs: study.inputs.map((input) => ({ ...input, path: studyPath(input.path, folder) })),
    ...(study.ruleSet ? { ruleSet: studyPath(study.ruleSet, folder) } : {}),
    ...(study.clustering?.reference ? { clustering: { ...study.clustering, reference: studyPath(study.clustering.reference, folder) } } : {}),
  };
  parseStudy(relativeStudy, path);
  return `${JSON.stringify(relativeStudy, null, 2)}\n`;
}

export async function writeStudyFile(path: string, study: Study): Promise<void> {
  const text = studyFileText(study, path);
  const partial = `${path}.${randomUUID()}.partial`;
  try {
    await writeFile(partial, text, { encoding: 'utf8', flag: 'wx' });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
