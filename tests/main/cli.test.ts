// The headless CLI, run as an analyst runs it: the real bin script in a child process.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { runCli } from '../../src-main/cli';
import { demoStudy } from '../../src-main/linking/demo-study';
import { tempFolder } from './support/temp-folder';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'groepsbeeld.mjs');

async function groepsbeeld(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return groepsbeeldWith({}, ...args);
}

/** The CLI with extra environment variables (e.g. XDG_CONFIG_HOME, so its export history stays in a temp folder). */
async function groepsbeeldWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
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
    expect(unknown.stderr).toMatch(/Onbekende opdracht "export-everything"/);
    expect(unknown.stderr).toMatch(/Gebruik: groepsbeeld/);
    const option = await groepsbeeld('doctor', '--verbose');
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/--verbose/);
  });

  it('prints help', async () => {
    const help = await groepsbeeld('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/doctor/);
    expect(help.stdout).toMatch(/demo generate --out MAP/);
  });
});

describe('groepsbeeld demo generate', () => {
  let root: string;

  beforeAll(async () => {
    root = await tempFolder('groepsbeeld-cli-demo-');
  });

  it.each([
    [['demo', 'generate'], /--out MAP/],
    [['demo', 'generate', '--out', 'x', '--seed', 'abc'], /--seed moet een geheel getal.*"abc"/],
    [['demo', 'generate', '--out', 'x', '--seed=-1'], /--seed moet een geheel getal/],
    [['demo', 'generate', '--out', 'x', '--scale', '0.5'], /--scale moet een getal van 1 of meer zijn, of "national"/],
    [['demo', 'generate', '--out', 'x', '--format', 'sav'], /--format moet een van csv, parquet zijn \(opgegeven: "sav"\)/],
    [['demo', 'generate', '--out'], /--out/],
    [['demo', 'show'], /Na demo volgt "run" of "generate"/],
    [['doctor', '--out', 'x'], /--out hoort bij "demo generate"/],
  ])('refuses %j with a message naming the problem and exit code 2', async (args, message) => {
    // Parsing only, so in-process: nothing is generated and no folder is touched.
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('writes a world, prints a JSON summary, refuses to overwrite it without --force', async () => {
    const out = join(root, 'world');
    const first = await groepsbeeld('demo', 'generate', '--out', out, '--format', 'parquet', '--clients-xlsx');
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ out, seed: 2017, scale: 1, format: 'parquet', files: 21 });
    expect(summary.persons).toBeGreaterThan(20_000);
    expect(first.stderr).toMatch(/100 %/);
    expect(await readdir(out)).toEqual(expect.arrayContaining(['manifest.json', 'VOEDSELBANK_KLANTEN.xlsx', 'GBAPERSOON2018TABV1.parquet', 'ground-truth']));

    const refused = await groepsbeeld('demo', 'generate', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`De uitvoermap ${out} is niet leeg. Kies een lege map, of geef --force mee`);

    const forced = await groepsbeeld('demo', 'generate', '--out', out, '--force', '--seed', '5');
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ seed: 5, format: 'csv' });
    expect(await readdir(root)).toEqual(['world']);
  }, 60_000);

  it('stops on Ctrl-C with exit code 130 and leaves nothing behind', async () => {
    const out = join(root, 'interrupted');
    const child = spawn(process.execPath, [bin, 'demo', 'generate', '--out', out, '--scale', '3']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr === '') child.kill('SIGINT');
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/Onderbroken: de half geschreven uitvoer is verwijderd/);
    expect((await readdir(root)).filter((name) => name.startsWith('interrupted'))).toEqual([]);
  }, 60_000);
});

describe('groepsbeeld run and demo run', () => {
  it('demo run links the demo world and prints the link report, small counts hidden', async () => {
    const folder = join(await tempFolder(), 'demo');
    const { code, stdout, stderr } = await groepsbeeld('demo', 'run', '--folder', folder, '--json');
    expect(code).toBe(0);
    // Every step of the link is shown, the catalogue features (one step each) included.
    expect(stderr).toMatch(/Stap (\d+)\/\1: Kenmerk Speciaal onderwijs/);
    const report = JSON.parse(stdout);
    const table = report.steps.find((step: { id: string }) => step.id === 'table');
    expect(table.counts).toEqual(
      expect.arrayContaining([
        { id: 'households', label: 'Huishoudens in de analysetabel', count: 11_346 },
        { id: 'clientHouseholds', label: 'Klanthuishoudens', count: 191 },
      ]),
    );
    expect(stdout).not.toMatch(/"count": [1-9]\b/);
    // No person key (a quoted string of 9 or 10 digits) and no key column name in the output.
    expect(stdout).not.toMatch(/RINPERSOON|"\d{9,10}"/);
    expect(report.comparisons.map((table: { id: string }) => table.id)).toContain('vergelijking-education-level');
    // The clustering summary: the planted five clusters recommended and found again (aggregates only).
    expect(report.clustering.recommendedK).toBe(5);
    expect(report.clustering.validation.adjustedRandIndex).toBeGreaterThanOrEqual(0.8);
  });

  it('run reads a study file and explains a broken one', async () => {
    const folder = await tempFolder();
    const study = join(folder, 'study.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(study, JSON.stringify({ version: 1, name: 'x', referenceDate: '20171231', municipality: { code: '0784' }, inputs: [] }));
    const broken = await groepsbeeld('run', study);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/geen geldig studiebestand: inputs/);
    const usage = await groepsbeeld('run');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Na run volgt precies één studiebestand/);
  });

  it('demo run stops on Ctrl-C during the linking with exit code 130, keeping nothing', async () => {
    const folder = join(await tempFolder(), 'demo');
    // First a complete run generates the demo world, so that the interrupted one is only linking.
    expect((await groepsbeeld('demo', 'run', '--folder', folder, '--json')).code).toBe(0);
    const child = spawn(process.execPath, [bin, 'demo', 'run', '--folder', folder]);
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      if (!stderr.includes('Stap') && chunk.toString().includes('Stap')) child.kill('SIGINT');
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/Gestopt; er is niets bewaard/);
    expect(stdout).toBe('');
  }, 90_000);
});

describe('groepsbeeld run --out and demo --out: the export package', () => {
  it('demo --out writes the checked package, its output log and checksums, and remembers the export', async () => {
    const folder = await tempFolder();
    const config = join(folder, 'config');
    const out = join(folder, 'export');
    const { code, stderr } = await groepsbeeldWith({ XDG_CONFIG_HOME: config }, 'demo', '--folder', join(folder, 'demo'), '--out', out);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/Exportpakket geschreven: .*gecontroleerd met groepsbeeld audit/);
    // Each output with its verdict: hidden cells send a table to the checker, one without any passes.
    expect(stderr).toMatch(/ter controle\s+vergelijking-household-type\n/);
    expect(stderr).toMatch(/geslaagd\s+vergelijking-education-level\n/);
    const [packageName] = await readdir(out);
    const packageFolder = join(out, packageName!);
    const sums = (await readFile(join(packageFolder, 'SHA256SUMS'), 'utf8')).trim().split('\n');
    expect(sums.length).toBeGreaterThan(40);
    for (const line of sums) {
      const [sum, name] = line.split(/\s+/);
      expect(
        createHash('sha256')
          .update(await readFile(join(packageFolder, name!)))
          .digest('hex'),
        name,
      ).toBe(sum);
    }
    const log = JSON.parse(await readFile(join(packageFolder, 'output-log.json'), 'utf8'));
    expect(log.study).toMatchObject({ name: 'Voedselbank Gilze en Rijen (demo)', referenceDate: '20171231', municipality: '0784' });
    // Why each cell is hidden is in the log only (the CSV shows one "x"): a small count by the rule, others to shield it.
    const householdType = log.outputs.find((output: { id: string }) => output.id === 'vergelijking-household-type');
    expect(householdType.checks.verdict).toBe('review');
    expect(new Set(householdType.checks.hiddenCells.map((cell: { reason: string }) => cell.reason))).toEqual(new Set(['primary', 'secondary', 'derived']));
    expect(await readFile(join(packageFolder, 'vergelijking-household-type.csv'), 'utf8')).toMatch(/^Overig of onbekend;x;x;/m);
    expect(log.audit.hiddenCells).toBeGreaterThan(10);
    expect(await readdir(packageFolder)).toEqual(expect.arrayContaining(['definities.json', 'results.json', 'checksums']));
    // The cluster profile (modal values with shares, as the seed's table) goes into the package as well.
    const profile = await readFile(join(packageFolder, 'clusterprofiel-k5.csv'), 'utf8');
    expect(profile).toMatch(/Bijstand\s\d+(,\d)?\s%/);
    // The differencing guard (in the app-data folder) remembers the export, as `groepsbeeld history` lists it.
    const history = await groepsbeeldWith({ XDG_CONFIG_HOME: config }, 'history', '--json');
    expect(history.code, history.stderr).toBe(0);
    const listed = JSON.parse(history.stdout) as { folder: string; exports: { study: string; folder: string; populations: { id: string }[] }[] };
    expect(listed.folder).toBe(join(config, 'groepsbeeld', 'verschilcontrole'));
    expect(listed.exports).toEqual([expect.objectContaining({ study: 'Voedselbank Gilze en Rijen (demo)', folder: packageFolder })]);
    expect(listed.exports[0]!.populations.map((population) => population.id)).toEqual(expect.arrayContaining(['alle-huishoudens', 'klanthuishoudens']));
  }, 180_000);

  it('run --out writes nothing and exits 1 for an output the study does not have, and otherwise exactly what the study asks', async () => {
    const folder = await tempFolder();
    const demo = join(folder, 'demo');
    const config = join(folder, 'config');
    expect((await groepsbeeldWith({ XDG_CONFIG_HOME: config }, 'demo', 'run', '--folder', demo, '--json')).code).toBe(0);
    // maskBlocked is what older study files said; it is accepted and changes nothing (no table leaves unprotected).
    const study = {
      ...demoStudy({ folder: demo }),
      export: { protection: 'suppression', maskBlocked: false, charts: false, outputs: ['vergelijking-education-level', 'vergelijking-bestaat-niet'] },
    };
    const studyPath = join(folder, 'studie.json');
    await writeFile(studyPath, JSON.stringify(study, null, 2));
    const out = join(folder, 'export');
    const refused = await groepsbeeldWith({ XDG_CONFIG_HOME: config }, 'run', studyPath, '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Er is niets geschreven:\n\s+Er is geen uitvoer "vergelijking-bestaat-niet" in deze studie\./);
    expect(await readdir(out)).toEqual([]);
    // Nothing was exported, so the differencing guard remembers nothing either.
    expect(JSON.parse((await groepsbeeldWith({ XDG_CONFIG_HOME: config }, 'history', '--json')).stdout).exports).toEqual([]);
    // Only the table it has: written, with no chart since the study says so.
    await writeFile(studyPath, JSON.stringify({ ...study, export: { ...study.export, outputs: ['vergelijking-education-level'] } }));
    const written = await groepsbeeldWith({ XDG_CONFIG_HOME: config }, 'run', studyPath, '--out', out);
    expect(written.code, written.stderr).toBe(0);
    const [packageName] = await readdir(out);
    const names = await readdir(join(out, packageName!));
    expect(names.filter((name) => name !== 'checksums').sort()).toEqual(
      [
        'SHA256SUMS',
        'definities.json',
        'output-log.json',
        'output-log.xlsx',
        'report.html',
        'report.pdf',
        'results.json',
        'vergelijking-education-level.csv',
        'vergelijking-education-level.xlsx',
      ].sort(),
    );
  }, 180_000);
});
