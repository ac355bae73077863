// The renderer's web preferences keep it isolated, sandboxed and without Node.
import { describe, expect, it, vi } from 'vitest';
import { secureWebPreferences } from '../../../src-main/security/web-preferences';

vi.mock('electron', async () => (await import('../support/electron-mock')).electron.mock);

describe('secureWebPreferences', () => {
  const preferences = secureWebPreferences('/app/out/preload/preload.cjs');

  it('isolates and sandboxes the renderer without Node', () => {
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('allows no webview, insecure content, experimental features or online spellchecking', () => {
    expect(preferences).toMatchObject({
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('is what the main window is created with', async () => {
    const { createMainWindow } = await import('../../../src-main/app/main-window');
    const window = createMainWindow('/x/preload.cjs') as unknown as { options: { webPreferences: unknown } };
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/x/preload.cjs'));
  });
});
