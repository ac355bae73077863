// The headless command line: the same core as the app, without Electron.
import { parseArgs } from 'node:util';
import { APP_NAME, APP_VERSION } from './app-info';
import { runDoctor } from './doctor';

export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `Usage: groepsbeeld <command> [options]

Commands:
  doctor        print the engine's effective security settings, lockdown probes and versions (JSON);
                exits 1 when any protection is not in force

Options:
  --version, -v print the version
  --help, -h    print this help
`;

const OPTIONS = {
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one command line; resolves with the process exit code (0 ok, 1 failed check, 2 usage error). */
export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
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
