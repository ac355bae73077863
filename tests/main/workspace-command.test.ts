// `groepsbeeld workspace save`: the study's inputs saved as a workspace, the passphrase only from the environment.
import { access, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli';
import { StudyEngine } from '../../src-main/engine/study-engine';
import { demoStudy } from '../../src-main/linking/demo-study';
import { ensureDemoWorld } from '../../src-main/synthetic/demo-world';
import { runWorkspaceSave } from '../../src-main/cli/workspace';
import { tempFolder } from './support/temp-folder';

const PASSPHRASE = 'werkruimte voor de cli';

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    // process.env turns undefined into the text "undefined": delete instead.
    if (value === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = value;
  }
  let stdout = '';
  let stderr = '';
  try {
    const code = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
    return { code, stdout, stderr };
  } finally {
    for (const key of Object.keys(env)) if (saved[key] === undefined) Reflect.deleteProperty(process.env, key);
    Object.assign(process.env, saved);
  }
}

describe('groepsbeeld workspace save', async () => {
  const folder = await tempFolder();
  const demo = demoStudy(await ensureDemoWorld(join(folder, 'demo')));
  const study = join(folder, 'studie.json');
  await writeFile(study, JSON.stringify(demo));

  it('refuses to run without the passphrase in the environment, and with a misplaced option', async () => {
    const missing = await cli(['workspace', 'save', '--out', join(folder, 'x.gbws'), study], { GROEPSBEELD_WORKSPACE_PASSPHRASE: undefined });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/GROEPSBEELD_WORKSPACE_PASSPHRASE/);
    await expect(access(join(folder, 'x.gbws'))).rejects.toThrow();
    expect((await cli(['workspace', 'save', study])).code).toBe(2);
    expect((await cli(['workspace', 'save', '--out', 'x.gbws', '--seed', '1', study])).code).toBe(2);
  });

  it("saves the inputs with the study's kinds, which the app then opens", async () => {
    const out = join(folder, 'proef.gbws');
    const result = await cli(['workspace', 'save', '--out', out, study], { GROEPSBEELD_WORKSPACE_PASSPHRASE: PASSPHRASE });
    expect(result.stderr).toMatch(/Werkruimte geschreven/);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ workspace: out, tables: demo.inputs.length });
    expect(result.stderr + result.stdout).not.toContain(PASSPHRASE);
    const engine = await StudyEngine.create();
    afterAll(() => engine.close());
    const opened = await engine.openWorkspace(out, PASSPHRASE);
    expect(opened.map((file) => [file.name, file.format, file.tableKind])).toEqual(demo.inputs.map((input) => [basename(input.path), 'workspace', input.kind]));
    // An existing file is never replaced.
    const again = await runWorkspaceSave({ studyPath: study, out, passphrase: PASSPHRASE }, { out: () => undefined, err: () => undefined });
    expect(again).toBe(1);
  }, 60_000);
});
