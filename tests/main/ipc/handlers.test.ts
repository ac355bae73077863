// The real handlers on a real engine: the demo opens the generated extracts, never the ground truth.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { contract } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { EXTRACT_TABLES } from '../../../src-main/synthetic/extract-tables';
import { tempFolder } from '../support/temp-folder';

describe('openDemo', async () => {
  const engine = await StudyEngine.create();
  const folder = await tempFolder();
  const demoFolder = join(folder, 'demo-world');
  const handlers = createHandlers({ engine, pickFiles: async () => [], demoFolder, userData: join(folder, 'userdata') });
  afterAll(() => engine.close());

  it('generates the demo world on first use and opens every extract', async () => {
    const result = await dispatch(handlers, contract.openDemo.channel, undefined, { trusted: true });
    expect(result.ok).toBe(true);
    const names = result.ok ? (result.value as { name: string }[]).map((file) => file.name) : [];
    expect(names.sort()).toEqual(EXTRACT_TABLES.map((table) => `${table.fileName}.csv`).sort());
    const allowed = (await engine.security()).allowedPaths;
    expect(allowed.every((path) => path.startsWith(demoFolder) && !path.includes('ground-truth'))).toBe(true);
  });

  it('reuses the demo world the second time and keeps one entry per file', async () => {
    const again = await dispatch(handlers, contract.openDemo.channel, undefined, { trusted: true });
    expect(again.ok && (again.value as unknown[]).length).toBe(EXTRACT_TABLES.length);
  });
});
