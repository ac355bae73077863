// `groepsbeeld run STUDY.json` and `groepsbeeld demo run`: the study session headless, as the app runs it: link, cluster,
// print what the publication shows (its link report, comparisons, clusters and persona cards) and, with --out, write
// the checked export package the study's export section asks for.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { APP_VERSION } from '../common/app-info';
import { userDataFolder } from '../common/app-paths';
import { clusteringRequestOf, formatPersonas } from '../analysis/clustering-service/study-clustering';
import { formatClustering } from '../analysis/clustering-service/format-clustering';
import { validateRun } from '../analysis/clustering-service/clustering-service';
import { unusedPersonaEdits } from '../analysis/profiles/profile-layout';
import { loadEffectiveRules } from '../disclosure/institution-rules';
import { StudyEngine } from '../engine/study-engine';
import { formatTableText } from '../export/table-text';
import { VERDICT_TEXT } from '../export/report-content';
import { UserFacingError } from '../common/errors';
import { interruptOnCtrlC } from './interrupt-signal';
import { demoStudy } from '../linking/demo-study';
import { formatLinkReport } from '../linking/link-report';
import { loadStudyFile, resolveInputs, type Study } from '../linking/study-file';
import { laidOut } from '../study/export-outputs';
import { StudySession } from '../study/study-session';
import { defaultDemoFolder, ensureDemoWorld } from '../synthetic/demo-world';
import { type CommandOutput, failedCommandExitCode } from './output';

export interface RunArguments {
  /** Print everything published as JSON instead of text. */
  json: boolean;
  /** Write the export package into this folder (as a new subfolder). */
  out?: string | undefined;
}

/** Links, clusters and (with --out) exports the study in one study session; Ctrl-C interrupts and leaves nothing behind. */
async function runSession(given: Study, studySha256: string, args: RunArguments, output: CommandOutput): Promise<number> {
  const interrupt = interruptOnCtrlC();
  const started = performance.now();
  let engine: StudyEngine | null = null;
  try {
    const userData = userDataFolder();
    const rules = await loadEffectiveRules(userData, given.ruleSet);
    const study = await resolveInputs(given);
    engine = await StudyEngine.create({ checks: 'whileLinking', rules });
    await engine.openInputs(study.inputs.map((input) => input.path));
    interrupt.signal.throwIfAborted();
    const session = new StudySession({ engine, rules, userData, appVersion: APP_VERSION });
    await session.linkStudy(study, interrupt.signal, ({ step, steps, label }) => output.err(`Stap ${step}/${steps}: ${label}\n`));
    const method = study.export?.protection ?? 'suppression';

    const onAbort = () => session.clustering.cancel();
    interrupt.signal.addEventListener('abort', onAbort, { once: true });
    let clustering;
    try {
      clustering = await session.cluster(clusteringRequestOf(study.clustering), (progress) => {
        if (progress.phase === 'cluster' && progress.resample === 0) output.err(`Clusteren: k = ${progress.k}\n`);
      });
      if (study.clustering?.k !== undefined && study.clustering.k !== clustering.chosenK) clustering = await session.chooseClusterCount(study.clustering.k);
    } finally {
      interrupt.signal.removeEventListener('abort', onAbort);
    }
    interrupt.signal.throwIfAborted();
    const run = session.clustering.lastRun();
    let validation;
    if (study.clustering?.reference && run) {
      const checked = await validateRun(run, study.clustering.reference, rules, clustering.chosenK);
      if (!checked.ok) throw new UserFacingError(checked.message);
      validation = checked.validation;
    }
    const publication = await session.publication(method);
    const clusters = publication.clusters;
    const personas = clusters ? session.profiles.personas(clusters.personas) : [];
    const notes = [...publication.refusals, ...(clusters ? unusedPersonaEdits(clusters.personas, study.profiles?.personas) : [])];
    const clusterTable = clusters ? laidOut(clusters.table, session.profiles.rowLayout()).table : null;
    const comparisons = publication.comparisons.map((published) => published.table);
    output.out(
      args.json
        ? `${JSON.stringify(
            {
              ...publication.linkReport,
              comparisons,
              clustering: {
                ...clustering,
                validation: validation ?? null,
                profile: clusters
                  ? { table: clusterTable, standsOut: clusters.standsOut.map((entry) => ({ cluster: entry.cluster, table: entry.table.table })), personas }
                  : null,
                notes,
              },
            },
            null,
            2,
          )}\n`
        : [
            formatLinkReport(publication.linkReport),
            'Klanthuishoudens en alle huishoudens\n',
            comparisons.map(formatTableText).join('\n'),
            formatClustering(clustering, validation ? { validation } : {}),
            ...notes.map((note) => `  ${note}\n`),
            clusterTable ? formatTableText(clusterTable) : '',
            clusters ? formatPersonas(personas, []) : '',
          ].join('\n'),
    );
    let exitCode = 0;
    if (args.out !== undefined) {
      const settings = study.export;
      await mkdir(args.out, { recursive: true });
      const preview = await session.exportPreview(method);
      const ids = settings?.outputs ?? preview.candidates.map((candidate) => candidate.id);
      const result = await session.export({
        method,
        studySha256,
        selection: ids.map((id) => ({ id, chart: settings?.charts ?? true, ...settings?.notes?.[id] })),
        differencingJustification: settings?.differencingJustification,
        justificationWhere: 'in het studiebestand, onder "export": { "differencingJustification": "..." }',
        folder: args.out,
        signal: interrupt.signal,
        onProgress: ({ step, steps, label }) => output.err(`Export ${step}/${steps}: ${label}\n`),
      });
      if (result.status === 'written') {
        output.err(`Exportpakket geschreven: ${result.folder} (${result.files.length} bestanden, gecontroleerd met groepsbeeld audit).\n`);
        const exported = new Set(result.files.map((file) => file.name.replace(/\.[a-z]+$/, '')));
        for (const candidate of preview.candidates.filter((entry) => exported.has(entry.id)))
          output.err(`  ${VERDICT_TEXT[candidate.verdict].padEnd(14)} ${candidate.id}\n`);
      } else {
        output.err(`Er is niets geschreven:\n${result.reasons.map((reason) => `  ${reason}`).join('\n')}\n`);
        exitCode = 1;
      }
    }
    output.err(`Klaar in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return exitCode;
  } catch (error) {
    return failedCommandExitCode(error, interrupt.signal, output.err);
  } finally {
    await engine?.close();
    interrupt.dispose();
  }
}

export async function runStudyCommand(studyPath: string, args: RunArguments, output: CommandOutput): Promise<number> {
  let study: Study;
  let studySha256: string;
  try {
    study = await loadStudyFile(studyPath);
    // The output log names the study file by the hash of its bytes, as the checker receives it.
    studySha256 = createHash('sha256')
      .update(await readFile(studyPath))
      .digest('hex');
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    output.err(`${error.message}\n`);
    return 1;
  }
  return runSession(study, studySha256, args, output);
}

/** The main job on the embedded demo: the demo world (generated on first use) linked as in the pilot. */
export async function runDemoStudy(folder: string | undefined, args: RunArguments, output: CommandOutput): Promise<number> {
  const target = folder ?? defaultDemoFolder(userDataFolder());
  const demo = await ensureDemoWorld(target, { onProgress: undefined });
  if (demo.generated) output.err(`Demowereld aangemaakt in ${demo.folder}.\n`);
  const study = demoStudy(demo);
  return runSession(study, createHash('sha256').update(JSON.stringify(study)).digest('hex'), args, output);
}
