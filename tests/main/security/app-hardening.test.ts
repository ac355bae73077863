// Process-wide hardening: every renderer sandboxed, Chromium background traffic off, no web-linking menu.
import type { App, Menu } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate, hardenApp, QUIET_CHROMIUM_SWITCHES, setupApplicationMenu } from '../../../src-main/security/app-hardening';
import { electron } from '../support/electron-mock';

vi.mock('electron', async () => (await import('../support/electron-mock')).electron.mock);

describe('hardenApp', () => {
  it('enables the sandbox for every renderer and turns off background networking', () => {
    hardenApp(electron.mock.app as unknown as App);
    expect(electron.mock.app.enableSandbox).toHaveBeenCalled();
    const switches = electron.mock.app.commandLine.appendSwitch.mock.calls.map((call) => call[0]);
    expect(switches).toEqual([...QUIET_CHROMIUM_SWITCHES]);
    expect(switches).toContain('disable-background-networking');
  });

  it('builds a menu with only editing, view and window roles (no help links to websites)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const roles = applicationMenuTemplate(platform).map((item) => item.role);
      expect(roles).not.toContain('help');
      expect(applicationMenuTemplate(platform).every((item) => item.click === undefined && item.submenu === undefined)).toBe(true);
    }
    setupApplicationMenu(electron.mock.Menu as unknown as typeof Menu, 'linux');
    expect(electron.mock.Menu.setApplicationMenu).toHaveBeenCalledWith({ template: applicationMenuTemplate('linux') });
  });
});
