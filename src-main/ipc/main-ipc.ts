// The only module that touches ipcMain: registers one handler per contract channel, all through dispatch.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { contract, verbs } from './contract';
import { dispatch, type Handlers } from './dispatch';
import { isTrustedSender, type SenderInfo } from './sender';

export function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame,
  };
}

export interface IpcRegistration {
  /** Web contents whose top frame may call the handlers (our own windows). */
  trustedWebContentsIds: ReadonlySet<number>;
  devServerOrigin?: string | undefined;
}

export function registerIpcHandlers(handlers: Handlers, registration: IpcRegistration): () => void {
  for (const verb of verbs) {
    const channel = contract[verb].channel;
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(handlers, channel, payload, {
        trusted: isTrustedSender(senderInfo(event), registration.trustedWebContentsIds, registration.devServerOrigin),
      }),
    );
  }
  return () => {
    for (const verb of verbs) ipcMain.removeHandler(contract[verb].channel);
  };
}
