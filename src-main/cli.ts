// The headless command line: the same core as the app, without Electron.
import { parseArgs } from 'node:util';
import { APP_NAME, APP_VERSION } from './app-info';
import { parseDemoGenerateArguments, runDemoGenerate, type ParsedDemoOptions } from './demo-command';
import { runDoctor } from './doctor';
import { UserFacingError } from './errors';
import { runDemoStudy, runStudyCommand } from './run-command';
import { PASSPHRASE_VARIABLE, runWorkspaceSave } from './workspace-command';

export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal, so progress can redraw one line. */
  errIsTerminal?: boolean | undefined;
}

const USAGE = `Usage: groepsbeeld <command> [options]

Commands:
  doctor        print the engine's effective security settings, lockdown probes and versions (JSON);
                exits 1 when any protection is not in force
  run STUDY.json [--json] [--out DIR]
                link the study's extracts at its reference date, cut to its municipality, build the
                analysis table of households and print the link report (aggregates only; counts
                under 10 are shown as "< 10"). --json prints it as JSON. --out writes the export
                package (checked tables as CSV and XLSX, charts, HTML and PDF report, output log
                with SHA-256 sums) into a new subfolder of DIR, as the study's "export" section
                says; nothing is written when a check fails. Ctrl-C stops cleanly.
  demo [run] [--folder DIR] [--json] [--out DIR]
                the main job on the embedded demo data: the demo world (generated on first use into
                the app-data folder, or --folder DIR) linked as in the pilot, Gilze en Rijen on
                31-12-2017; --out DIR also writes its export package
  demo generate --out DIR [--seed N] [--scale N|national] [--format csv|parquet] [--clients-xlsx] [--force]
                write a synthetic world of linked CBS-style extracts into DIR (new or empty), with its
                ground truth and manifest.json; prints a JSON summary. --seed defaults to 2017, --scale
                to 1 (the demo municipality and its neighbours; national = 500), --format to csv.
                --clients-xlsx also writes the client list as .xlsx; --force replaces a previous
                generator output in DIR (never other files). Ctrl-C stops and leaves DIR as it was.
  workspace save --out FILE STUDY.json
                open the study's inputs (checked as the app checks them, with the study's kinds and
                roles) and save them as one encrypted workspace FILE (.gbws) that the app opens with
                "Werkruimte openen…". The passphrase is read from the environment variable
                GROEPSBEELD_WORKSPACE_PASSPHRASE (at least 8 characters), never from the command line.
                Refuses to replace an existing FILE. Ctrl-C stops and leaves no file behind.

Options:
  --version, -v print the version
  --help, -h    print this help
`;

const OPTIONS = {
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string' },
  seed: { type: 'string' },
  scale: { type: 'string' },
  format: { type: 'string' },
  'clients-xlsx': { type: 'boolean' },
  force: { type: 'boolean' },
  folder: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Options that belong to `demo generate`; any other command refuses them. */
const DEMO_GENERATE_OPTIONS = ['out', 'seed', 'scale', 'format', 'clients-xlsx', 'force'] as const;

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

type ParsedValues = ReturnType<typeof parseCommandLine>['values'];

function foreignOptions(values: ParsedValues): string[] {
  return DEMO_GENERATE_OPTIONS.filter((name) => values[name] !== undefined).map((name) => `--${name}`);
}

async function runDemo(rest: readonly string[], values: ParsedValues, output: CliOutput): Promise<number> {
  const [subcommand, ...extra] = rest;
  if ((subcommand === 'run' && extra.length === 0) || subcommand === undefined) {
    const misplaced = foreignOptions(values).filter((option) => option !== '--out');
    if (misplaced.length > 0) {
      output.err(`${misplaced.join(', ')} belongs to "demo generate", not to "demo run".\n\n${USAGE}`);
      return 2;
    }
    return runDemoStudy(values.folder, { json: values.json ?? false, out: values.out }, output);
  }
  if (subcommand !== 'generate' || extra.length > 0) {
    output.err(`demo takes the subcommand "run" or "generate" (got "${rest.join(' ')}").\n\n${USAGE}`);
    return 2;
  }
  if (values.folder !== undefined || values.json !== undefined) {
    output.err(`--folder and --json belong to "demo run" and "run", not to "demo generate".\n\n${USAGE}`);
    return 2;
  }
  let options: ParsedDemoOptions;
  try {
    options = parseDemoGenerateArguments({
      out: values.out,
      seed: values.seed,
      scale: values.scale,
      format: values.format,
      clientsXlsx: values['clients-xlsx'],
      force: values.force,
    });
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    output.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  return runDemoGenerate(options, output);
}

/** Runs one command line; resolves with the process exit code (0 ok, 1 failed, 2 usage error, 130 interrupted). */
export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    output.out(`${APP_NAME.toLowerCase()} ${APP_VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    (command === undefined && !values.help ? output.err : output.out)(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'demo') return runDemo(rest, values, output);
  // --out is the export folder for run, the world's folder for demo generate, the workspace file for workspace save.
  const misplaced = foreignOptions(values).filter((option) => !((command === 'run' || command === 'workspace') && option === '--out'));
  if (misplaced.length > 0) {
    output.err(`${misplaced.join(', ')} belongs to "demo generate", not to "${command}".\n\n${USAGE}`);
    return 2;
  }
  if (command === 'run') {
    const [studyPath, ...more] = rest;
    if (studyPath === undefined || more.length > 0 || values.folder !== undefined) {
      output.err(`run takes one study file (got ${rest.length === 0 ? 'none' : rest.join(' ')}).\n\n${USAGE}`);
      return 2;
    }
    return runStudyCommand(studyPath, { json: values.json ?? false, out: values.out }, output);
  }
  if (command === 'workspace') {
    const [subcommand, studyPath, ...more] = rest;
    if (subcommand !== 'save' || studyPath === undefined || more.length > 0 || values.out === undefined || values.folder !== undefined || values.json !== undefined) {
      output.err(`workspace takes "save --out FILE STUDY.json" (got "${rest.join(' ')}").\n\n${USAGE}`);
      return 2;
    }
    return runWorkspaceSave({ studyPath, out: values.out, passphrase: process.env[PASSPHRASE_VARIABLE] }, output);
  }
  if (command === 'doctor') {
    if (rest.length > 0) {
      output.err(`doctor takes no arguments (got ${rest.join(' ')}).\n`);
      return 2;
    }
    const report = await runDoctor();
    output.out(`${JSON.stringify(report, null, 2)}\n`);
    if (!report.secure) output.err(`Not secure:\n- ${report.problems.join('\n- ')}\n`);
    return report.secure ? 0 : 1;
  }
  output.err(`Unknown command "${command}".\n\n${USAGE}`);
  return 2;
}
