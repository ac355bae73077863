// Process-wide hardening: sandbox every renderer, switch off Chromium's background traffic, no stray menus.
import type { App, Menu as MenuType, MenuItemConstructorOptions } from 'electron';

/** Chromium switches that stop background requests (component updates, pings, reliability reports). */
export const QUIET_CHROMIUM_SWITCHES = ['disable-background-networking', 'disable-component-update', 'disable-domain-reliability', 'no-pings'] as const;

/** Must run before ready. There is deliberately no autoUpdater, crashReporter or telemetry anywhere. */
export function hardenApp(app: App): void {
  app.enableSandbox();
  for (const name of QUIET_CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name);
}

/** The default menu links to websites ("Learn more"); ours only has editing and window roles. */
export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [{ role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }];
  return platform === 'darwin' ? [{ role: 'appMenu' }, ...template] : template;
}

export function setupApplicationMenu(menu: typeof MenuType, platform: NodeJS.Platform): void {
  menu.setApplicationMenu(menu.buildFromTemplate(applicationMenuTemplate(platform)));
}
