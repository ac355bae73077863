// A stand-in for the `electron` module (the binary cannot run here) that records what our setup code does.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** A fake Session: each hook stores its listener so a test can call it like Chromium would. */
export class FakeSession extends EventEmitter {
  beforeRequest: { filter: { urls: string[] }; listener: Listener } | undefined;
  headersReceived: Listener | undefined;
  permissionRequest: Listener | undefined;
  permissionCheck: Listener | undefined;
  devicePermission: Listener | undefined;
  displayMediaRequest: Listener | undefined;
  proxy: unknown;
  spellChecker: boolean | undefined;
  webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => {
      this.beforeRequest = { filter, listener };
    },
    onHeadersReceived: (listener: Listener) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler = (handler: Listener) => {
    this.permissionRequest = handler;
  };
  setPermissionCheckHandler = (handler: Listener) => {
    this.permissionCheck = handler;
  };
  setDevicePermissionHandler = (handler: Listener) => {
    this.devicePermission = handler;
  };
  setDisplayMediaRequestHandler = (handler: Listener) => {
    this.displayMediaRequest = handler;
  };
  setProxy = async (config: unknown) => {
    this.proxy = config;
  };
  setSpellCheckerEnabled = (enabled: boolean) => {
    this.spellChecker = enabled;
  };
}

/** A fake WebContents that records its window-open handler and emits navigation events. */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: Listener | undefined;
  mainFrame = { url: 'app://groepsbeeld/index.html' };
  setWindowOpenHandler = (handler: Listener) => {
    this.windowOpenHandler = handler;
  };
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    this.loadedUrl = url;
  });
  show = vi.fn();
}

export interface IpcMainEventLike {
  sender: FakeWebContents;
  senderFrame: { url: string } | null;
}

export function createElectronMock() {
  const appEvents = new EventEmitter();
  const ipcHandlers = new Map<string, (event: IpcMainEventLike, payload: unknown) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const defaultSession = new FakeSession();
  const exposed = new Map<string, unknown>();
  const mock = {
    app: Object.assign(appEvents, {
      isPackaged: true,
      enableSandbox: vi.fn(),
      commandLine: { appendSwitch: vi.fn() },
      whenReady: vi.fn(async () => undefined),
      getPath: vi.fn((name: string) => `/home/analyst/.config/Groepsbeeld/${name}`),
      quit: vi.fn(),
    }),
    session: { defaultSession },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        protocolHandlers.set(scheme, handler);
      }),
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: IpcMainEventLike, payload: unknown) => unknown) => {
        ipcHandlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
    },
    ipcRenderer: { invoke: vi.fn(async (channel: string, payload: unknown) => ({ channel, payload })) },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, value: unknown) => {
        exposed.set(key, value);
      }),
    },
    // A file from a drop has a path; one made in the page (empty name here) has none.
    webUtils: { getPathForFile: vi.fn((file: { name: string }) => (file.name === '' ? '' : `/dropped/${file.name}`)) },
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
      showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })),
    },
  };
  return { mock, ipcHandlers, protocolHandlers, defaultSession, exposed };
}

export type ElectronMock = ReturnType<typeof createElectronMock>;

/** The shared instance that `vi.mock('electron', ...)` hands out in a test file. */
export const electron = createElectronMock();
