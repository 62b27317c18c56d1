import { join } from 'node:path';

type Listener = (...args: unknown[]) => void;

/** A web contents that records its listeners; `fire` says whether a listener prevented the default. */
class FakeWebContents {
  private listeners = new Map<string, Listener[]>();
  windowOpen: ((details: { url: string }) => unknown) | null = null;
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  fire(event: string, details: object, ...rest: unknown[]): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) listener({ ...details, preventDefault: () => (prevented = true) }, ...rest);
    return prevented;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpen = handler;
  }
  setVisualZoomLevelLimits() {
    return Promise.resolve();
  }
  reload() {}
  getURL() {
    return 'app://kiosk/';
  }
}

/**
 * Just enough of the `electron` module for the shell's bundles to run in Node, recording what
 * they ask of it. Used by tests/unit/electron-bundle.test.ts.
 */
export function fakeElectron(appData: string) {
  const state = {
    windows: [] as {
      options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
      loaded: string[];
      webContents: FakeWebContents;
    }[],
    handlers: new Map<string, (event: unknown, message: unknown) => Promise<unknown>>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as [string, unknown][],
    privilegedSchemes: [] as unknown[],
    protocolHandler: null as ((request: Request) => Promise<Response>) | null,
    permissionCheck: null as ((contents: unknown, permission: string, origin: string) => boolean) | null,
    beforeRequest: null as ((details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void) | null,
    headersReceived: null as
      | ((
          details: { responseHeaders: Record<string, string[]> },
          callback: (answer: { responseHeaders: Record<string, string[]> }) => void,
        ) => void)
      | null,
    blockers: new Set<number>(),
    singleInstance: false,
    userData: '',
  };
  let nextBlocker = 1;

  class BrowserWindow {
    webContents = new FakeWebContents();
    loaded: string[] = [];
    constructor(public options: Record<string, unknown>) {
      state.windows.push(this);
    }
    static getFocusedWindow() {
      return null;
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }

  const module = {
    app: {
      isPackaged: false,
      setPath: (name: string, path: string) => {
        if (name === 'userData') state.userData = path;
      },
      getPath: (name: string) => (name === 'userData' ? state.userData : name === 'appData' ? appData : join(appData, name)),
      getVersion: () => '0.0.0-test',
      requestSingleInstanceLock: () => (state.singleInstance = true),
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      exit: (code: number) => {
        throw new Error(`the shell exited with ${code}`);
      },
      on: () => undefined,
      setLoginItemSettings: () => undefined,
    },
    BrowserWindow,
    dialog: { showSaveDialog: async () => ({ canceled: true }) },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, message: unknown) => Promise<unknown>) => {
        state.handlers.set(channel, handler);
      },
    },
    ipcRenderer: {
      invoke: async (channel: string, message: unknown) => {
        state.invoked.push([channel, message]);
        return true;
      },
    },
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => state.exposed.set(name, api) },
    powerSaveBlocker: {
      start: () => {
        state.blockers.add(nextBlocker);
        return nextBlocker++;
      },
      stop: (id: number) => void state.blockers.delete(id),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (state.protocolHandler = handler),
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: (handler: typeof state.permissionCheck) => (state.permissionCheck = handler),
        webRequest: {
          onBeforeRequest: (handler: typeof state.beforeRequest) => (state.beforeRequest = handler),
          onHeadersReceived: (handler: typeof state.headersReceived) => (state.headersReceived = handler),
        },
      },
    },
  };

  return {
    module,
    windows: state.windows,
    handlers: state.handlers,
    exposed: state.exposed,
    invoked: state.invoked,
    privilegedSchemes: state.privilegedSchemes,
    blockers: state.blockers,
    get protocolHandler() {
      return state.protocolHandler;
    },
    get singleInstance() {
      return state.singleInstance;
    },
    get userData() {
      return state.userData;
    },
    /** Resolves once the main process has opened its window (its start-up is asynchronous). */
    async ready() {
      for (let i = 0; i < 300 && state.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    },
    permission: (permission: string, origin: string) => state.permissionCheck!(null, permission, origin),
    cancelRequest(url: string) {
      let cancel = false;
      state.beforeRequest!({ url }, (answer) => (cancel = answer.cancel));
      return cancel;
    },
    /** The headers the main process puts on a response in the window's session. */
    headersFor(responseHeaders: Record<string, string[]>) {
      let headers: Record<string, string[]> = {};
      state.headersReceived!({ responseHeaders }, (answer) => (headers = answer.responseHeaders));
      return headers;
    },
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;
