// Linking in the app: the open demo files, linked through the IPC gate, give the ground truth; progress and cancel work.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { contract } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { tempFolder } from '../support/temp-folder';

describe('linkHouseholds over IPC', async () => {
  const engine = await StudyEngine.create();
  const demoFolder = join(await tempFolder(), 'demo');
  const handlers = createHandlers({ engine, pickFiles: async () => [], demoFolder });
  const call = (verb: keyof typeof contract, payload?: unknown) => dispatch(handlers, contract[verb].channel, payload, { trusted: true });
  afterAll(() => engine.close());

  it('refuses to link before the register files are open, saying which are missing', async () => {
    const result = await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    expect(result).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/persons, households, addresses, addressRegions/) } });
  });

  it('rejects an impossible reference date before doing anything', async () => {
    expect(await call('linkHouseholds', { referenceDate: '20171332', municipality: '0784' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('links the open demo files to the ground truth, with small counts hidden', async () => {
    expect((await call('openDemo')).ok).toBe(true);
    const expected = JSON.parse(await readFile(join(demoFolder, 'ground-truth', 'expected.json'), 'utf8'));
    const statuses: Awaited<ReturnType<typeof call>>[] = [];
    const polling = setInterval(() => void call('linkingStatus').then((status) => statuses.push(status)), 5);
    const result = await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    clearInterval(polling);
    expect(result.ok).toBe(true);
    const report = result.ok ? (result.value as { steps: { id: string; counts: { id: string; count?: number; below?: number }[] }[] }) : { steps: [] };
    const count = (step: string, id: string) => report.steps.find((s) => s.id === step)?.counts.find((c) => c.id === id);
    expect(count('table', 'households')).toMatchObject({ count: expected.households });
    expect(count('table', 'clientHouseholds')).toMatchObject({ count: 191 });
    expect(count('residents', 'residents')).toMatchObject({ count: expected.persons });
    expect(count('clients', 'notInRegister')).toMatchObject({ below: 10 });
    expect(JSON.stringify(report)).not.toMatch(/"count":[1-9][,}]/);
    expect(statuses).toContainEqual({ ok: true, value: expect.objectContaining({ running: true, steps: 10, step: expect.any(Number) }) });
    expect(await call('linkingStatus')).toEqual({ ok: true, value: { running: false, step: 0, steps: 0, label: '' } });
  });

  it('stops when cancelled and says nothing was kept', async () => {
    const running = call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await call('cancelLinking')).toEqual({ ok: true, value: true });
    expect(await running).toMatchObject({ ok: false, error: { message: expect.stringMatching(/gestopt/) } });
    expect(await call('cancelLinking')).toEqual({ ok: true, value: false });
  });
});
