// `groepsbeeld run STUDY.json` and `groepsbeeld demo run`: link a study headless and print its link report.
import { userDataFolder } from './app-paths';
import { UserFacingError } from './errors';
import { demoStudy } from './linking/demo-study';
import { formatLinkReport, publishLinkReport } from './linking/link-report';
import { runStudy } from './linking/run-study';
import { loadStudyFile, type Study } from './linking/study-file';
import { defaultDemoFolder, ensureDemoWorld } from './synthetic/demo-world';

export interface RunOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface RunArguments {
  /** Print the published link report as JSON instead of a table. */
  json: boolean;
}

/** Links the study with progress on stderr; Ctrl-C interrupts DuckDB and exits 130 with nothing left behind. */
async function linkAndReport(study: Study, args: RunArguments, output: RunOutput): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('Interrupted'));
  process.once('SIGINT', onSigint);
  try {
    const started = performance.now();
    const { report, session } = await runStudy(study, {
      signal: controller.signal,
      onProgress: ({ step, steps, label }) => output.err(`Stap ${step}/${steps}: ${label}\n`),
    });
    await session.close();
    const published = publishLinkReport(report);
    output.out(args.json ? `${JSON.stringify(published, null, 2)}\n` : formatLinkReport(published));
    output.err(`Klaar in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  } catch (error) {
    if (controller.signal.aborted) {
      output.err('Gestopt; er is niets bewaard.\n');
      return 130;
    }
    if (error instanceof UserFacingError) {
      output.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

export async function runStudyCommand(studyPath: string, args: RunArguments, output: RunOutput): Promise<number> {
  let study: Study;
  try {
    study = await loadStudyFile(studyPath);
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    output.err(`${error.message}\n`);
    return 1;
  }
  return linkAndReport(study, args, output);
}

/** The main job on the embedded demo: the demo world (generated on first use) linked as in the pilot. */
export async function runDemoStudy(folder: string | undefined, args: RunArguments, output: RunOutput): Promise<number> {
  const target = folder ?? defaultDemoFolder(userDataFolder());
  const demo = await ensureDemoWorld(target, { onProgress: undefined });
  if (demo.generated) output.err(`Demowereld aangemaakt in ${demo.folder}.\n`);
  return linkAndReport(demoStudy(demo), args, output);
}
