// Runs a study headless: a locked session over exactly the study's input files, then the linking.
import { realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import { openLockedSession, type LockedSession } from '../engine/locked-session';
import { UserFacingError } from '../errors';
import { linkHouseholds, type LinkOptions } from './link-households';
import type { LinkReport } from './link-report';
import type { Study } from './study-file';

export interface StudyRun {
  report: LinkReport;
  /** The session holding `analysis_households`; the caller closes it. */
  session: LockedSession;
}

async function resolveInputs(study: Study): Promise<Study> {
  const inputs = [];
  for (const input of study.inputs) {
    try {
      inputs.push({ ...input, path: await realpath(input.path) });
    } catch {
      throw new UserFacingError(`The ${input.kind} input ${basename(input.path)} does not exist at ${input.path}.`);
    }
  }
  return { ...study, inputs };
}

/** Links the study; on failure or cancel the session is closed and nothing is left behind. */
export async function runStudy(study: Study, options: LinkOptions = {}): Promise<StudyRun> {
  const resolved = await resolveInputs(study);
  const session = await openLockedSession({ readableFiles: resolved.inputs.map((input) => input.path) });
  try {
    const report = await linkHouseholds(session, resolved, options);
    return { report, session };
  } catch (error) {
    await session.close();
    throw error;
  }
}
