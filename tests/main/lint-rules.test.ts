// The lint rules that guard the process boundary fire where they must and stay quiet where allowed.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function messages(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('process-boundary lint rules', () => {
  it('forbid ipcMain outside the main IPC wrapper', async () => {
    const found = await messages("import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", 'src-main/app/sneaky.ts');
    expect(found.join('\n')).toMatch(/no-restricted-imports.*ipcMain/);
  });

  it('forbid ipcRenderer outside the preload', async () => {
    const found = await messages("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'src-main/preload/other.ts');
    expect(found.join('\n')).toMatch(/no-restricted-imports.*ipcRenderer/);
  });

  it('allow them in the two wrapper modules', async () => {
    expect(await messages("import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", 'src-main/ipc/main-ipc.ts')).toEqual([]);
    expect(await messages("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'src-main/preload/index.ts')).toEqual([]);
  });

  it('forbid auto-update, crash reporting and network modules everywhere', async () => {
    for (const name of ['autoUpdater', 'crashReporter', 'net']) {
      const found = await messages(`import { ${name} } from 'electron';\nexport const x = ${name};\n`, 'src-main/ipc/main-ipc.ts');
      expect(found.join('\n'), name).toMatch(/no-restricted-imports/);
    }
  });

  it('keep the core (engine, IPC gate, study session, ledger, auditor, CLI) free of Electron', async () => {
    const core = [
      'src-main/engine/x.ts',
      'src-main/ipc/dispatch.ts',
      'src-main/ipc/handlers.ts',
      'src-main/ipc/study-file-verbs.ts',
      'src-main/study/study-session.ts',
      'src-main/publication/ledger.ts',
      'src-main/audit/x.ts',
      'src-main/synthetic/x.ts',
      'src-main/cli/index.ts',
      'src-main/cli/run.ts',
      'src-main/cli/history.ts',
      'src-main/cli/workspace.ts',
      'src-main/cli/new-command.ts',
      'src-main/common/errors.ts',
    ];
    for (const file of core) {
      const found = await messages("import { app } from 'electron';\nexport const x = app;\n", file);
      expect(found.join('\n'), file).toMatch(/no-restricted-imports.*without Electron/);
    }
  });

  it('let the Electron side (window, dialogs, hardening) import electron', async () => {
    for (const file of ['src-main/app/start.ts', 'src-main/security/csp.ts', 'src-main/main.ts']) {
      expect(await messages("import { app } from 'electron';\nexport const x = app;\n", file), file).toEqual([]);
    }
  });

  it('keep the renderer away from electron, Node and DuckDB', async () => {
    for (const source of [
      "import { ipcRenderer } from 'electron';",
      "import { readFile } from 'node:fs';",
      "import { DuckDBInstance } from '@duckdb/node-api';",
    ]) {
      const found = await messages(`${source}\nexport {};\n`, 'src-renderer/src/App.tsx');
      expect(found.join('\n'), source).toMatch(/no-restricted-imports/);
    }
  });

  it('keep the core out of the rooms that serve it (ipc/, app/, cli/)', async () => {
    const cases: [string, string][] = [
      ['src-main/engine/x.ts', "import type { Verb } from '../ipc/contract';"],
      ['src-main/linking/x.ts', "import { contract } from '../ipc/contract';"],
      ['src-main/analysis/clustering-service/x.ts', "import type { Handlers } from '../../ipc/dispatch';"],
      ['src-main/study/x.ts', "import { startApp } from '../app/start';"],
      ['src-main/common/x.ts', "import { runCli } from '../cli/index';"],
      ['src-main/engine/engine-shapes.ts', "import { contract } from '../ipc/contract';"],
      ['src-main/cli/x.ts', "import { contract } from '../ipc/contract';"],
      ['src-main/ipc/handlers.ts', "import { startApp } from '../app/start';"],
    ];
    for (const [file, source] of cases) {
      const found = await messages(`${source}\nexport {};\n`, file);
      expect(found.join('\n'), `${file}: ${source}`).toMatch(/no-restricted-imports.*rooms that serve it/);
    }
    expect(await messages("import { contract } from '../ipc/contract';\nexport const x = contract;\n", 'src-main/app/x.ts')).toEqual([]);
    expect(await messages("import { runCli } from './index';\nexport const x = runCli;\n", 'src-main/cli/x.ts')).toEqual([]);
  });

  it('keep shape modules neutral (no Node), since the renderer reads their types', async () => {
    const found = await messages("import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n", 'src-main/study/study-shapes.ts');
    expect(found.join('\n')).toMatch(/no-restricted-imports.*neutral/);
  });

  it('let the renderer import only the API types', async () => {
    expect(
      await messages("import type { GroepsbeeldApi } from '../../src-main/preload/api';\nexport type X = GroepsbeeldApi;\n", 'src-renderer/src/x.ts'),
    ).toEqual([]);
    for (const source of [
      "import { createApi } from '../../src-main/preload/api';\nexport const x = createApi;",
      "import type { OpenedFile } from '../../src-main/engine/engine-shapes';\nexport type X = OpenedFile;",
      "import { contract } from '../../src-main/ipc/contract';\nexport const x = contract;",
    ]) {
      const found = await messages(`${source}\n`, 'src-renderer/src/x.ts');
      expect(found.join('\n'), source).toMatch(/no-restricted-imports/);
    }
  });

  it('let the rest of the app reach k-means only through its door', async () => {
    const found = await messages("import { createHeap } from './kmeans/heap';\nexport const x = createHeap;\n", 'src-main/analysis/clustering/choose-k.ts');
    expect(found.join('\n')).toMatch(/no-restricted-imports.*kmeans\/index/);
    expect(await messages("import { kmeans } from './kmeans/index';\nexport const x = kmeans;\n", 'src-main/analysis/clustering/choose-k.ts')).toEqual([]);
    expect(await messages("import { createHeap } from './heap';\nexport const x = createHeap;\n", 'src-main/analysis/clustering/kmeans/workspace.ts')).toEqual(
      [],
    );
  });

  it('keep every line within 160 characters, strings and comments included', async () => {
    const long = `export const message = '${'x'.repeat(150)}';\n`;
    expect((await messages(long, 'src-main/engine/x.ts')).join('\n')).toMatch(/max-len/);
    expect(await messages("export const message = 'kort';\n", 'src-main/engine/x.ts')).toEqual([]);
  });
});
