// The headless CLI, run as an analyst runs it: the real bin script in a child process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'groepsbeeld.mjs');

async function groepsbeeld(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('groepsbeeld CLI', () => {
  it('prints its version', async () => {
    expect(await groepsbeeld('--version')).toMatchObject({ code: 0, stdout: `groepsbeeld ${packageJson.version}\n` });
  });

  it('doctor prints one JSON object with the locked settings, refused probes and versions', async () => {
    const { code, stdout } = await groepsbeeld('doctor');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.engine).toMatchObject({
      autoinstallKnownExtensions: false,
      autoloadKnownExtensions: false,
      enableExternalAccess: false,
      lockConfiguration: true,
      allowedPaths: [],
    });
    expect(Object.values(report.probes)).toEqual(Array(6).fill('refused'));
    expect(report.app).toMatchObject({ name: 'Groepsbeeld', version: packageJson.version, node: process.versions.node });
    expect(report.app.duckdb).toMatch(/^v\d+\.\d+\.\d+/);
    expect(report).toMatchObject({ secure: true, problems: [] });
  });

  it('rejects an unknown command or option with usage and exit code 2', async () => {
    const unknown = await groepsbeeld('export-everything');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "export-everything"/);
    expect(unknown.stderr).toMatch(/Usage: groepsbeeld/);
    const option = await groepsbeeld('doctor', '--verbose');
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/--verbose/);
  });

  it('prints help', async () => {
    const help = await groepsbeeld('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/doctor/);
  });
});
