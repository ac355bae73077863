// `groepsbeeld run STUDY.json` and `groepsbeeld demo run`: link a study headless, print its link report and, with
// --out, write the checked export package.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { APP_VERSION } from './app-info';
import { userDataFolder } from './app-paths';
import { loadInstitutionRules } from './disclosure/institution-rules';
import { compareAllFeatures } from './analysis/comparison-outputs';
import { CLIENT_HOUSEHOLDS } from './analysis/population';
import { clusterStudy } from './analysis/clustering-service/study-clustering';
import { exportHeadless } from './export/headless-export';
import { formatTableText } from './export/table-text';
import { VERDICT_TEXT } from './export/report-content';
import { UserFacingError } from './errors';
import { failedCommandExitCode, interruptOnCtrlC } from './interrupt-signal';
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
  /** Write the export package into this folder (as a new subfolder). */
  out?: string | undefined;
}

/** Links the study with progress on stderr; Ctrl-C interrupts DuckDB and exits 130 with nothing left behind. */
async function linkAndReport(study: Study, studySha256: string, args: RunArguments, output: RunOutput): Promise<number> {
  const interrupt = interruptOnCtrlC();
  try {
    const started = performance.now();
    const userData = userDataFolder();
    const rules = await loadInstitutionRules(userData, study.ruleSet);
    const { report, session } = await runStudy(study, {
      signal: interrupt.signal,
      onProgress: ({ step, steps, label }) => output.err(`Stap ${step}/${steps}: ${label}\n`),
    });
    let exitCode = 0;
    try {
      const published = publishLinkReport(report, rules);
      const comparisons = await compareAllFeatures(session, { rules, method: study.export?.protection ?? 'suppression' }, interrupt.signal);
      const clustering = await clusterStudy(
        session,
        study.clustering,
        rules,
        {
          signal: interrupt.signal,
          onProgress: (progress) => {
            if (progress.phase === 'cluster' && progress.resample === 0) output.err(`Clusteren: k = ${progress.k}\n`);
          },
        },
        study.profiles,
      );
      output.out(
        args.json
          ? `${JSON.stringify({ ...published, comparisons, clustering: { ...clustering.published, validation: clustering.validation ?? null, profile: clustering.description, notes: clustering.notes } }, null, 2)}\n`
          : [
              formatLinkReport(published),
              'Klanthuishoudens en alle huishoudens\n',
              comparisons.map((table) => formatTableText(table, rules)).join('\n'),
              clustering.text,
            ].join('\n'),
      );
      if (args.out !== undefined) {
        const { result, candidates } = await exportHeadless({
          study,
          studySha256,
          session,
          report: published,
          rules,
          appVersion: APP_VERSION,
          out: args.out,
          userData,
          // The cluster profile and what stands out per cluster describe the client households.
          extraOutputs: [clustering.description.table, ...clustering.description.standsOut.map((entry) => entry.table)].map((table) => ({
            table,
            population: CLIENT_HOUSEHOLDS,
            chartable: false,
          })),
          // The persona cards describe the client households too.
          personas: { cards: clustering.description.personas, population: CLIENT_HOUSEHOLDS },
          signal: interrupt.signal,
        });
        if (result.status === 'written') {
          output.err(`Exportpakket geschreven: ${result.folder} (${result.files.length} bestanden).\n`);
          const exported = new Set(result.files.map((file) => file.name.replace(/\.[a-z]+$/, '')));
          for (const candidate of candidates.filter((entry) => exported.has(entry.id))) {
            const masked = candidate.verdict === 'fail' ? ' (geblokkeerde cellen gemaskeerd)' : '';
            output.err(`  ${VERDICT_TEXT[candidate.verdict].padEnd(14)} ${candidate.id}${masked}\n`);
          }
        } else {
          output.err(`Er is niets geschreven:\n${result.reasons.map((reason) => `  ${reason}`).join('\n')}\n`);
          exitCode = 1;
        }
      }
    } finally {
      await session.close();
    }
    output.err(`Klaar in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return exitCode;
  } catch (error) {
    return failedCommandExitCode(error, interrupt.signal, output.err);
  } finally {
    interrupt.dispose();
  }
}

export async function runStudyCommand(studyPath: string, args: RunArguments, output: RunOutput): Promise<number> {
  let study: Study;
  let studySha256: string;
  try {
    study = await loadStudyFile(studyPath);
    // The output log names the study file by the hash of its bytes, as the checker receives it.
    studySha256 = createHash('sha256').update(await readFile(studyPath)).digest('hex');
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    output.err(`${error.message}\n`);
    return 1;
  }
  return linkAndReport(study, studySha256, args, output);
}

/** The main job on the embedded demo: the demo world (generated on first use) linked as in the pilot. */
export async function runDemoStudy(folder: string | undefined, args: RunArguments, output: RunOutput): Promise<number> {
  const target = folder ?? defaultDemoFolder(userDataFolder());
  const demo = await ensureDemoWorld(target, { onProgress: undefined });
  if (demo.generated) output.err(`Demowereld aangemaakt in ${demo.folder}.\n`);
  const study = demoStudy(demo);
  return linkAndReport(study, createHash('sha256').update(JSON.stringify(study)).digest('hex'), args, output);
}
