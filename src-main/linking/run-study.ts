// Runs a study headless: the study engine opens exactly the study's input files, as the app does, then links them.
import { basename } from 'node:path';
import type { JsonRow } from '../engine/json-values';
import { StudyEngine } from '../engine/study-engine';
import { ANALYSIS_TABLE } from './analysis-table-name';
import { linkPreparedSources } from './link-households';
import type { LinkOptions } from './linker';
import { sourceOfFile } from './link-inputs';
import type { LinkReport } from './link-report';
import { resolveInputs, type Study } from './study-file';

/** The engine's session holding `analysis_households`, for the caller's queries; the caller closes it. */
export interface StudySession {
  query(sql: string): Promise<JsonRow[]>;
  close(): Promise<void>;
}

export interface StudyRun {
  report: LinkReport;
  session: StudySession;
}

/**
 * Links the study; on failure or cancel the engine is closed and nothing is left behind. Files are read
 * as in the app (CSV dialect and encoding, Parquet, .xlsx, .sav) but checked while they are linked, not
 * read once more beforehand: a headless run over national files reads each of them once.
 */
export async function runStudy(study: Study, options: LinkOptions = {}): Promise<StudyRun> {
  const resolved = await resolveInputs(study);
  const engine = await StudyEngine.create({ checks: 'whileLinking' });
  try {
    await engine.openInputs(resolved.inputs.map((input) => input.path));
    options.signal?.throwIfAborted();
    const report = await engine.buildFromFiles(
      ANALYSIS_TABLE,
      () => true,
      async (session, files) => {
        const byPath = new Map(files.map((file) => [file.path, file]));
        const sources = resolved.inputs.map((input) => {
          const file = byPath.get(input.path);
          if (!file) throw new Error(`${basename(input.path)} was not opened.`);
          return sourceOfFile(file, input.kind, { studyRoles: input.roles ?? {} });
        });
        return linkPreparedSources(session, resolved, sources, options);
      },
    );
    return { report, session: { query: (sql) => engine.withSession((session) => session.query(sql)), close: () => engine.close() } };
  } catch (error) {
    await engine.close();
    throw error;
  }
}
