// Wires the app together: hardening before ready, session lockdown, bundle, engine, IPC, window.
import { join } from 'node:path';
import { app, Menu, session } from 'electron';
import { loadInstitutionRules } from '../disclosure/institution-rules';
import { StudyEngine } from '../engine/study-engine';
import { createHandlers } from '../ipc/handlers';
import { defaultDemoFolder } from '../synthetic/demo-world';
import { registerIpcHandlers } from '../ipc/main-ipc';
import { APP_ENTRY_URL } from '../security/app-origin';
import { hardenApp, setupApplicationMenu } from '../security/app-hardening';
import { registerAppScheme, serveAppBundle } from '../security/bundle-protocol';
import { contentSecurityPolicy, setupContentSecurityPolicy } from '../security/csp';
import { setupNavigationGuards } from '../security/navigation';
import { setupNetworkLockdown } from '../security/network';
import { setupPermissionDenial } from '../security/permissions';
import {
  confirmDroppedFiles,
  pickDataFiles,
  pickExportFolder,
  pickStudyToOpen,
  pickStudyToSave,
  pickWorkspaceToOpen,
  pickWorkspaceToSave,
} from './file-dialog';
import { createMainWindow } from './main-window';

export interface StartOptions {
  /** Folder of the built bundles (out/main's parent's children: main, preload, renderer). */
  outDirectory: string;
  /** electron-vite's dev server, honoured only when the app is not packaged. */
  devServerUrl?: string | undefined;
}

export async function startApp(options: StartOptions): Promise<void> {
  const devServerOrigin = !app.isPackaged && options.devServerUrl ? new URL(options.devServerUrl).origin : undefined;
  registerAppScheme();
  hardenApp(app);
  // Dutch first: Chromium's own controls (the date field) then read 31-12-2017, whatever the system's language.
  app.commandLine.appendSwitch('lang', 'nl-NL');
  setupNavigationGuards(app, devServerOrigin);

  await app.whenReady();
  const appSession = session.defaultSession;
  await setupNetworkLockdown(appSession, { devServerOrigin });
  setupContentSecurityPolicy(appSession, { devServerOrigin });
  setupPermissionDenial(appSession);
  setupApplicationMenu(Menu, process.platform);
  serveAppBundle(join(options.outDirectory, 'renderer'), contentSecurityPolicy());

  const rules = await loadInstitutionRules(app.getPath('userData'));
  const engine = await StudyEngine.create({ rules });
  const trustedWebContentsIds = new Set<number>();
  const window = createMainWindow(join(options.outDirectory, 'preload', 'preload.cjs'));
  trustedWebContentsIds.add(window.webContents.id);
  const demoFolder = defaultDemoFolder(app.getPath('userData'));
  const handlers = createHandlers({
    engine,
    pickFiles: () => pickDataFiles(window),
    pickFolder: () => pickExportFolder(window),
    pickWorkspaceToSave: () => pickWorkspaceToSave(window),
    pickWorkspaceToOpen: (purpose) => pickWorkspaceToOpen(window, purpose),
    pickStudyToSave: (name) => pickStudyToSave(window, name),
    pickStudyToOpen: () => pickStudyToOpen(window),
    confirmDroppedFiles: (paths) => confirmDroppedFiles(window, paths),
    demoFolder,
    userData: app.getPath('userData'),
    rules,
  });
  registerIpcHandlers(handlers, {
    trustedWebContentsIds,
    devServerOrigin,
  });

  app.on('window-all-closed', () => {
    void engine.close().finally(() => app.quit());
  });
  await window.loadURL(devServerOrigin && options.devServerUrl ? options.devServerUrl : APP_ENTRY_URL);
}
