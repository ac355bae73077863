// `groepsbeeld workspace save --out FILE STUDY.json`: opens a study's inputs as the app does and saves them as an encrypted workspace.
import { basename, resolve } from 'node:path';
import { UserFacingError } from '../common/errors';
import type { ColumnRole } from '../engine/column-roles';
import { StudyEngine } from '../engine/study-engine';
import { interruptOnCtrlC } from './interrupt-signal';
import { loadStudyFile } from '../linking/study-file';
import { type CommandOutput, failedCommandExitCode } from './output';

/** The passphrase comes from the environment, never from the command line (which other users can see in the process list). */
export const PASSPHRASE_VARIABLE = 'GROEPSBEELD_WORKSPACE_PASSPHRASE';

export interface WorkspaceSaveArguments {
  studyPath: string;
  out: string;
  passphrase: string | undefined;
}

/** Opens every input (checked as the app checks it), sets the study's kinds and roles, and writes the workspace. */
export async function runWorkspaceSave(args: WorkspaceSaveArguments, output: CommandOutput): Promise<number> {
  if (!args.passphrase) {
    output.err(`Zet de wachtzin in de omgevingsvariabele ${PASSPHRASE_VARIABLE} (minstens 8 tekens); de wachtzin wordt nooit van de opdrachtregel gelezen.\n`);
    return 2;
  }
  const interrupt = interruptOnCtrlC();
  const engine = await StudyEngine.create();
  try {
    const started = performance.now();
    const study = await loadStudyFile(args.studyPath);
    output.err(`Bestanden openen en controleren (${study.inputs.length})…\n`);
    const files = await engine.openFiles(study.inputs.map((input) => input.path));
    for (const input of study.inputs) {
      const file = files.find((candidate) => candidate.name === basename(input.path));
      if (!file)
        throw new UserFacingError(`Het invoerbestand ${basename(input.path)} (soort ${input.kind}) is niet geopend; controleer het pad in ${args.studyPath}.`);
      await engine.setTableKind(file.id, input.kind);
      for (const [role, column] of Object.entries(input.roles ?? {}) as [ColumnRole, string][]) await engine.setColumnRole(file.id, column, role);
    }
    const path = resolve(args.out);
    const written = await engine.saveWorkspace(path, args.passphrase, {
      signal: interrupt.signal,
      onProgress: ({ table, tableIndex, tableCount, rows }) => output.err(`Tabel ${tableIndex + 1}/${tableCount} (${table}): ${rows} rijen\n`),
    });
    const rows = written.tables.reduce((sum, table) => sum + table.rows, 0);
    output.out(`${JSON.stringify({ workspace: path, bytes: written.bytes, tables: written.tables.length, rows })}\n`);
    output.err(`Werkruimte geschreven in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  } catch (error) {
    return failedCommandExitCode(error, interrupt.signal, output.err);
  } finally {
    interrupt.dispose();
    await engine.close();
  }
}
