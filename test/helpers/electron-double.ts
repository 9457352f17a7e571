/**
 * A recording stand-in for the `electron` module (aliased in vitest.config.mts for unit tests).
 * It keeps what main-process code asks of Electron so tests can assert on it and drive events.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  reloadsIgnoringCache = 0;
  destroyed = false;
  /** Every window uses the default session, as in the app. */
  get session(): FakeSession {
    return session.defaultSession;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  crashes = 0;
  forcefullyCrashRenderer(): void {
    this.crashes += 1;
  }
  reloadIgnoringCache(): void {
    this.reloadsIgnoringCache += 1;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  /** Emits an event the way Electron does and reports whether a handler prevented it. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.instances];
  }
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  minimized = false;
  destroyed = false;
  contentProtected = false;
  setContentProtection(enabled: boolean): void {
    this.contentProtected = enabled;
  }
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isVisible(): boolean {
    return this.shown && !app.hidden;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  minimize(): void {
    this.minimized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {}
}

function createSession() {
  const handlers: {
    permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    permissionCheck?: (...args: unknown[]) => boolean;
    deviceCheck?: (...args: unknown[]) => boolean;
    beforeRequest?: {
      filter: { urls: string[] };
      listener: (details: { url: string }, cb: (response: { cancel: boolean }) => void) => void;
    };
  } = {};
  return {
    handlers,
    spellCheckerEnabled: true,
    setPermissionRequestHandler(h: typeof handlers.permissionRequest) {
      handlers.permissionRequest = h;
    },
    setPermissionCheckHandler(h: typeof handlers.permissionCheck) {
      handlers.permissionCheck = h;
    },
    setDevicePermissionHandler(h: typeof handlers.deviceCheck) {
      handlers.deviceCheck = h;
    },
    setSpellCheckerEnabled(enabled: boolean) {
      this.spellCheckerEnabled = enabled;
    },
    clearStorageData: vi.fn(async (_options?: unknown) => undefined),
    clearData: vi.fn(async (_options?: unknown) => undefined),
    clearCache: vi.fn(async () => undefined),
    clearAuthCache: vi.fn(async () => undefined),
    clearCodeCaches: vi.fn(async (_options: { urls?: string[] }) => undefined),
    webRequest: {
      onBeforeRequest(
        filter: { urls: string[] },
        listener: NonNullable<typeof handlers.beforeRequest>['listener'],
      ) {
        handlers.beforeRequest = { filter, listener };
      },
    },
  };
}
export type FakeSession = ReturnType<typeof createSession>;

const appEvents = new EventEmitter();
let resolveReady: () => void = () => undefined;

export const app = {
  isPackaged: false,
  singleInstanceLock: true,
  sandboxEnabled: false,
  quitCalls: 0,
  exitCode: null as number | null,
  /** macOS app.hide(): every window hidden until the user brings the app back. */
  hidden: false,
  ready: new Promise<void>((resolve) => (resolveReady = resolve)),
  /** Switches appended to Chromium's command line, by name. */
  switches: new Map<string, string>(),
  commandLine: {
    appendSwitch(name: string, value = '') {
      app.switches.set(name, value);
    },
  },
  enableSandbox() {
    this.sandboxEnabled = true;
  },
  requestSingleInstanceLock() {
    return this.singleInstanceLock;
  },
  quit() {
    this.quitCalls += 1;
  },
  exit(code = 0) {
    this.exitCode = code;
  },
  hide() {
    this.hidden = true;
  },
  whenReady() {
    return this.ready;
  },
  getPreferredSystemLanguages() {
    return ['ar-EG', 'en-US'];
  },
  getVersion() {
    return '0.1.0-test';
  },
  /** Folders by name ('userData'…); main only builds paths from them at start. */
  paths: new Map<string, string>(),
  getPath(name: string): string {
    return app.paths.get(name) ?? `/nonexistent/tadamun-test/${name}`;
  },
  on(name: string, listener: Listener) {
    appEvents.on(name, listener);
    return this;
  },
  emit(name: string, ...args: unknown[]) {
    return appEvents.emit(name, ...args);
  },
};

export const session = { defaultSession: createSession() };

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
};

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({
    canceled: true,
    filePath: undefined as string | undefined,
  })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 })),
};

export const Menu = {
  applicationMenu: null as unknown,
  buildFromTemplate(template: unknown) {
    return { template };
  },
  setApplicationMenu(menu: unknown) {
    this.applicationMenu = menu;
  },
};

export const nativeTheme = { shouldUseDarkColors: false };

/** Electron's desktop Notification: records what was shown; `supported` plays the platform. */
export class Notification extends EventEmitter {
  static supported = true;
  static shown: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }
  constructor(readonly options: { title?: string; body?: string; silent?: boolean }) {
    super();
  }
  show(): void {
    Notification.shown.push(this);
  }
  close(): void {
    this.emit('close');
  }
}

/** Emit 'suspend', 'lock-screen'… to drive main's listeners. */
export const powerMonitor = new EventEmitter();

type ClipboardType = 'clipboard' | 'selection';
const clipboardTexts: Record<ClipboardType, string> = { clipboard: '', selection: '' };
/** The system clipboard and (Linux) primary selection, as text. */
export const clipboard = {
  texts: clipboardTexts,
  readText(type: ClipboardType = 'clipboard'): string {
    return clipboardTexts[type];
  },
  writeText(text: string, type: ClipboardType = 'clipboard'): void {
    clipboardTexts[type] = text;
  },
  clear: vi.fn((type: ClipboardType = 'clipboard') => {
    clipboardTexts[type] = '';
  }),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
});

/** Puts the double back in its first state; call in beforeEach. */
export function resetElectronDouble(): void {
  BrowserWindow.instances = [];
  appEvents.removeAllListeners();
  app.isPackaged = false;
  app.singleInstanceLock = true;
  app.sandboxEnabled = false;
  app.switches.clear();
  app.quitCalls = 0;
  app.exitCode = null;
  app.hidden = false;
  app.paths.clear();
  app.ready = new Promise<void>((resolve) => (resolveReady = resolve));
  session.defaultSession = createSession();
  protocol.privileged = [];
  protocol.handlers.clear();
  ipcMain.handlers.clear();
  dialog.showSaveDialog.mockReset();
  dialog.showMessageBox.mockReset();
  Menu.applicationMenu = null;
  Notification.supported = true;
  Notification.shown = [];
  powerMonitor.removeAllListeners();
  clipboard.texts.clipboard = '';
  clipboard.texts.selection = '';
  clipboard.clear.mockClear();
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockClear();
}

/** Resolves `app.whenReady()`. */
export function makeAppReady(): void {
  resolveReady();
}

export default {
  app,
  BrowserWindow,
  session,
  protocol,
  ipcMain,
  dialog,
  Menu,
  nativeTheme,
  Notification,
  powerMonitor,
  clipboard,
  contextBridge,
  ipcRenderer,
};
