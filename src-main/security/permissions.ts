// Permission lockdown: camera, microphone, geolocation, notifications, USB, HID, serial... all denied.
import type { Session } from 'electron';

export function setupPermissionDenial(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.on('will-download', (event) => event.preventDefault());
}
