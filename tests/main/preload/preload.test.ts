// The preload exposes window.api: exactly the contract's named verbs, each bound to its own channel.
import { describe, expect, it, vi } from 'vitest';
import { contract, verbs } from '../../../src-main/ipc/contract';
import { channelTable, createApi } from '../../../src-main/preload/api';
import { electron } from '../support/electron-mock';

vi.mock('electron', async () => (await import('../support/electron-mock')).electron.mock);

describe('createApi', () => {
  it('has one function per contract verb and nothing else', () => {
    const api = createApi(async () => undefined);
    expect(Object.keys(api).sort()).toEqual([...verbs].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each verb on its own channel with the request as given', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const api = createApi(invoke);
    await api.columnSummary({ fileId: 'f', column: 'c' });
    await api.appInfo();
    expect(invoke.mock.calls).toEqual([
      [contract.columnSummary.channel, { fileId: 'f', column: 'c' }],
      [contract.appInfo.channel, undefined],
    ]);
    expect(channelTable()).toEqual(Object.fromEntries(verbs.map((verb) => [verb, contract[verb].channel])));
  });
});

describe('preload/index', () => {
  it('exposes only `api` and `fileDrop` in the main world, forwarding to ipcRenderer.invoke', async () => {
    await import('../../../src-main/preload/index');
    expect([...electron.exposed.keys()]).toEqual(['api', 'fileDrop']);
    const api = electron.exposed.get('api') as Record<string, (request?: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...verbs].sort());
    await api.listFiles!();
    expect(electron.mock.ipcRenderer.invoke).toHaveBeenCalledWith(contract.listFiles.channel, undefined);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send/);
  });

  it('gives the paths of dropped files through webUtils, leaving out files without one', async () => {
    await import('../../../src-main/preload/index');
    const fileDrop = electron.exposed.get('fileDrop') as { pathsOf: (files: { name: string }[]) => string[] };
    expect(Object.isFrozen(fileDrop)).toBe(true);
    expect(fileDrop.pathsOf([{ name: 'GBAPERSOON2017.csv' }, { name: '' }])).toEqual(['/dropped/GBAPERSOON2017.csv']);
  });
});
