// Running the command line in-process for the tests, with the app-data folder (export history, rules)
// pointed at a folder of the test's own.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../../src-main/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line with XDG_CONFIG_HOME set to `configHome`, restoring the variable afterwards. */
export async function groepsbeeld(configHome: string, ...args: string[]): Promise<CliRun> {
  const previous = process.env.XDG_CONFIG_HOME;
  process.env.XDG_CONFIG_HOME = configHome;
  let stdout = '';
  let stderr = '';
  try {
    const code = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
    return { code, stdout, stderr };
  } finally {
    if (previous === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = previous;
  }
}

/** The one package folder `--out DIR` wrote (groepsbeeld-export-YYYYMMDD-HHMMSS), or null when it wrote none. */
export async function packageFolder(out: string): Promise<string | null> {
  let names: string[];
  try {
    names = await readdir(out);
  } catch {
    return null;
  }
  const packages = names.filter((name) => name.startsWith('groepsbeeld-export-')).sort();
  return packages.length === 0 ? null : join(out, packages.at(-1)!);
}
