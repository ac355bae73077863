// The renderer's web preferences: isolated, sandboxed, no Node, no webview, nothing that phones home.
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from the internet.
    spellcheck: false,
    safeDialogs: true,
    disableDialogs: false,
    devTools: true,
  };
}
