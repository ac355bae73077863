// Sandboxed preload: exposes window.api (named verbs only) and, for drag and drop, the paths of dropped files;
// nothing else of Node or Electron.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApi } from './api';

contextBridge.exposeInMainWorld(
  'api',
  createApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);

// The renderer gets File objects from a drop but no paths; the main process still confirms before opening any.
contextBridge.exposeInMainWorld(
  'fileDrop',
  Object.freeze({ pathsOf: (files: readonly File[]): string[] => files.map((file) => webUtils.getPathForFile(file)).filter((path) => path !== '') }),
);
