// Permission lockdown: every permission request and check is denied, downloads are prevented.
import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { setupPermissionDenial } from '../../../src-main/security/permissions';
import { FakeSession } from '../support/electron-mock';

describe('setupPermissionDenial', () => {
  const session = new FakeSession();
  setupPermissionDenial(session as unknown as Session);

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb'])(
    'denies a request for %s',
    (permission) => {
      const callback = vi.fn();
      session.permissionRequest!({} as never, permission as never, callback as never);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers every permission check and device request with no', () => {
    expect(session.permissionCheck!(null as never, 'media' as never)).toBe(false);
    expect(session.devicePermission!({} as never)).toBe(false);
  });

  it('gives screen capture nothing', () => {
    const callback = vi.fn();
    session.displayMediaRequest!({} as never, callback as never);
    expect(callback).toHaveBeenCalledWith({});
  });

  it('prevents downloads', () => {
    const event = { preventDefault: vi.fn() };
    session.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
