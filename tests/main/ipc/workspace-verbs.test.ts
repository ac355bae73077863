// The workspace verbs through the IPC gate: paths only from the main process's dialogs, the passphrase never echoed, other files never deleted.
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { contract, type Verb } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { tempFolder } from '../support/temp-folder';

const PASSPHRASE = 'een lange geheime zin';

describe('saveWorkspace, openWorkspace and deleteWorkspace over IPC', async () => {
  const folder = await tempFolder();
  const csv = join(folder, 'adressen.csv');
  await writeFile(csv, 'RINOBJECTNUMMER,GEM2018\n0000000001,0784\n0000000002,0784\n0000000003,0758\n');
  const workspace = join(folder, 'studie.gbws');
  /** What the next save and open dialogs return (null: the analyst cancels). */
  let saveTo: string | null = null;
  let openFrom: string | null = null;
  const setup = async () => {
    const engine = await StudyEngine.create();
    afterAll(() => engine.close());
    const handlers = createHandlers({
      engine,
      pickFiles: async () => [csv],
      demoFolder: join(folder, 'demo'),
      pickWorkspaceToSave: async () => saveTo,
      pickWorkspaceToOpen: async () => openFrom,
    });
    return { engine, call: (verb: Verb, payload?: unknown) => dispatch(handlers, contract[verb].channel, payload, { trusted: true }) };
  };
  const first = await setup();

  it('refuses a short passphrase before asking for a path, without repeating it', async () => {
    saveTo = workspace;
    const result = await first.call('saveWorkspace', { passphrase: 'kort123' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/passphrase: at least 8 characters/) } });
    expect(JSON.stringify(result)).not.toContain('kort123');
    await expect(access(workspace)).rejects.toThrow();
  });

  it('says to open files first when there is nothing to save', async () => {
    expect(await first.call('saveWorkspace', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/open eerst de databestanden/) },
    });
  });

  it("saves to the dialog's path (a path in the payload is ignored) and adds the extension", async () => {
    expect((await first.call('openFiles')).ok).toBe(true);
    const elsewhere = join(folder, 'elders.gbws');
    saveTo = join(folder, 'studie');
    const saved = await first.call('saveWorkspace', { passphrase: PASSPHRASE, path: elsewhere });
    expect(saved).toEqual({ ok: true, value: { status: 'saved', name: 'studie.gbws', bytes: expect.any(Number), tables: 1 } });
    await access(workspace);
    await expect(access(elsewhere)).rejects.toThrow();
    expect((await readFile(workspace)).includes(Buffer.from(PASSPHRASE))).toBe(false);
    saveTo = null;
    expect(await first.call('saveWorkspace', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(await first.call('workspaceStatus')).toEqual({ ok: true, value: { running: 'none', fraction: null } });
    expect(await first.call('cancelWorkspace')).toEqual({ ok: true, value: false });
  }, 30_000);

  it('opens it in a fresh app, and a wrong passphrase is an error value that does not contain it', async () => {
    const second = await setup();
    openFrom = workspace;
    const wrong = await second.call('openWorkspace', { passphrase: 'niet de goede zin' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/Met deze wachtzin gaat de werkruimte studie\.gbws niet open/) },
    });
    expect(JSON.stringify(wrong)).not.toContain('niet de goede zin');
    const opened = await second.call('openWorkspace', { passphrase: PASSPHRASE });
    expect(opened).toMatchObject({
      ok: true,
      value: { status: 'opened', name: 'studie.gbws', files: [{ name: 'adressen.csv', format: 'workspace', tableKind: 'addressRegions' }] },
    });
    expect((await second.engine.security()).allowedPaths).toEqual([]);
  }, 30_000);

  it('deletes only a workspace the dialog picked, and only when confirmed', async () => {
    openFrom = csv;
    expect(await first.call('deleteWorkspace', { confirm: false })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await first.call('deleteWorkspace', { confirm: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/adressen\.csv is geen werkruimte van Groepsbeeld en is daarom niet verwijderd/) },
    });
    await access(csv);
    openFrom = workspace;
    expect(await first.call('deleteWorkspace', { confirm: true })).toEqual({ ok: true, value: { status: 'deleted', name: 'studie.gbws' } });
    await expect(access(workspace)).rejects.toThrow();
    openFrom = null;
    expect(await first.call('deleteWorkspace', { confirm: true })).toEqual({ ok: true, value: { status: 'cancelled' } });
  });
});
