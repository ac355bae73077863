// ipcMain registration: one handler per contract channel, and only our window's top frame is served.
import { describe, expect, it, vi } from 'vitest';
import { contract, verbs } from '../../../src-main/ipc/contract';
import { registerIpcHandlers } from '../../../src-main/ipc/main-ipc';
import { electron, FakeWebContents } from '../support/electron-mock';
import { fixedHandlers } from '../support/fake-handlers';

vi.mock('electron', async () => (await import('../support/electron-mock')).electron.mock);

describe('registerIpcHandlers', () => {
  const ours = new FakeWebContents();
  const unregister = registerIpcHandlers(fixedHandlers(), { trustedWebContentsIds: new Set([ours.id]) });
  const call = (sender: FakeWebContents, frame: { url: string } | null, payload?: unknown) =>
    electron.ipcHandlers.get(contract.appInfo.channel)!({ sender, senderFrame: frame }, payload) as Promise<{ ok: boolean; error?: { code: string } }>;

  it('registers exactly the contract channels', () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(verbs.map((verb) => contract[verb].channel).sort());
  });

  it("serves our window's main frame", async () => {
    expect(await call(ours, ours.mainFrame)).toMatchObject({ ok: true });
  });

  it('refuses another web contents', async () => {
    const foreign = new FakeWebContents();
    expect(await call(foreign, foreign.mainFrame)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses a sub-frame of our window, even on our origin', async () => {
    expect(await call(ours, { url: 'app://groepsbeeld/index.html' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses our main frame once it shows a foreign page, and a destroyed frame', async () => {
    const hijacked = new FakeWebContents();
    const unregisterHijacked = registerIpcHandlers(fixedHandlers(), { trustedWebContentsIds: new Set([hijacked.id]) });
    hijacked.mainFrame.url = 'https://example.com/';
    expect(await call(hijacked, hijacked.mainFrame)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await call(hijacked, null)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    unregisterHijacked();
  });

  it('unregisters every channel', () => {
    unregister();
    expect(electron.ipcHandlers.size).toBe(0);
  });
});
