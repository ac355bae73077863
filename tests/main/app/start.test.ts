// The app wiring under a mocked electron: lockdown before the page loads, secure window, IPC served.
import { describe, expect, it, vi } from 'vitest';
import { contract, verbs } from '../../../src-main/ipc/contract';
import { electron, FakeBrowserWindow } from '../support/electron-mock';

vi.mock('electron', async () => (await import('../support/electron-mock')).electron.mock);

describe('startApp', async () => {
  const { startApp } = await import('../../../src-main/app/start');
  await startApp({ outDirectory: '/opt/groepsbeeld/out', devServerUrl: 'http://localhost:5173' });
  const window = FakeBrowserWindow.created[0]!;

  it('hardens the process and locks the session down', () => {
    expect(electron.mock.app.enableSandbox).toHaveBeenCalled();
    expect(electron.defaultSession.beforeRequest?.filter.urls).toEqual(['<all_urls>']);
    expect(electron.defaultSession.headersReceived).toBeDefined();
    expect(electron.defaultSession.permissionRequest).toBeDefined();
    expect(electron.mock.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    // Dutch first, also in Chromium's own controls such as the date field.
    expect(electron.mock.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'nl-NL');
  });

  it('ignores the dev server in a packaged app and loads the bundle from app://', () => {
    expect(window.loadedUrl).toBe('app://groepsbeeld/index.html');
    let decision: { cancel: boolean } | undefined;
    electron.defaultSession.beforeRequest!.listener(
      { url: 'http://localhost:5173/' } as never,
      ((response: { cancel: boolean }) => {
        decision = response;
      }) as never,
    );
    expect(decision).toEqual({ cancel: true });
  });

  it('creates one window with the sandboxed preload', () => {
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/opt/groepsbeeld/out/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
  });

  it("serves every contract channel to that window's main frame and no one else", async () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(verbs.map((verb) => contract[verb].channel).sort());
    const handler = electron.ipcHandlers.get(contract.engineSecurity.channel)!;
    const own = await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, undefined);
    expect(own).toMatchObject({ ok: true, value: { lockConfiguration: true, enableExternalAccess: false } });
    const { FakeWebContents } = await import('../support/electron-mock');
    const stranger = new FakeWebContents();
    expect(await handler({ sender: stranger, senderFrame: stranger.mainFrame }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('opens only what the file dialog returns', async () => {
    electron.mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const handler = electron.ipcHandlers.get(contract.openFiles.channel)!;
    expect(await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, undefined)).toEqual({ ok: true, value: [] });
    expect(electron.mock.dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openFile', 'multiSelections'] }));
  });
});
