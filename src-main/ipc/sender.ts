// Decides whether an IPC call came from our own window's top frame, showing our own bundle.
import { isAllowedNavigation } from '../security/navigation';

export interface SenderInfo {
  webContentsId: number;
  /** URL of the frame that sent the call; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** Sub-frames are never trusted, even when they show our origin. */
  isMainFrame: boolean;
}

export function isTrustedSender(sender: SenderInfo, trustedWebContentsIds: ReadonlySet<number>, devServerOrigin?: string): boolean {
  if (!trustedWebContentsIds.has(sender.webContentsId)) return false;
  if (!sender.isMainFrame || sender.frameUrl === undefined) return false;
  return isAllowedNavigation(sender.frameUrl, devServerOrigin);
}
