import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ElectronDouble from '../../helpers/electron-double';
import { IpcChannel } from '@shared/ipc';
import { CHROMIUM_ARGS } from '../../helpers/chromium';

type Double = typeof ElectronDouble;

/** A fresh module graph: a fresh double, then main's entry, which starts at import. */
async function freshDouble(): Promise<Double> {
  vi.resetModules();
  return import('../../helpers/electron-double');
}
async function startMain(): Promise<void> {
  await import('@main/index');
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('main process start-up', () => {
  let app: Double['app'];
  let dialog: Double['dialog'];
  let BrowserWindow: Double['BrowserWindow'];
  let ipcMain: Double['ipcMain'];
  let makeAppReady: Double['makeAppReady'];
  let Menu: Double['Menu'];
  let powerMonitor: Double['powerMonitor'];
  let protocol: Double['protocol'];
  let session: Double['session'];

  beforeEach(async () => {
    ({ app, dialog, BrowserWindow, ipcMain, makeAppReady, Menu, powerMonitor, protocol, session } =
      await freshDouble());
    delete process.env['ELECTRON_RENDERER_URL'];
  });

  /** Starts main, makes the app ready, and returns its one window. */
  async function startedWindow() {
    await startMain();
    makeAppReady();
    await settle();
    const window = BrowserWindow.instances[0];
    if (!window) throw new Error('no window');
    return window;
  }

  it('gives renderers the V8 flags the tests and benchmarks run with, before ready', async () => {
    await startMain();
    expect(app.switches.get('js-flags')).toBe('--max-semi-space-size=2');
    expect(CHROMIUM_ARGS).toContain('--js-flags=--max-semi-space-size=2');
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('sandboxes every renderer and registers the app scheme before ready', async () => {
    await startMain();
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.privileged).toHaveLength(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('opens one hardened window on app://, with IPC, menu and request filter in place', async () => {
    await startMain();
    makeAppReady();
    await settle();
    expect(BrowserWindow.instances).toHaveLength(1);
    const window = BrowserWindow.instances[0];
    expect(window?.loadedUrl).toBe('app://tadamun/index.html');
    expect(window?.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
    });
    expect(protocol.handlers.has('app')).toBe(true);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [
        IpcChannel.saveFile,
        IpcChannel.setUiLanguage,
        IpcChannel.hideWindow,
        IpcChannel.clearClipboardIfCopied,
        IpcChannel.rememberCopied,
        IpcChannel.setContentProtection,
        IpcChannel.eraseAppStorage,
        IpcChannel.notifyDue,
        IpcChannel.readKeyFile,
        IpcChannel.writeKeyFile,
        IpcChannel.eraseKeyFile,
        IpcChannel.deriveArgon2id,
        IpcChannel.setCoalitionOrigins,
        IpcChannel.coalitionFetch,
      ].sort(),
    );
    expect(session.defaultSession.handlers.beforeRequest).toBeDefined();
    expect(session.defaultSession.handlers.permissionRequest).toBeDefined();
    // The OS prefers Arabic in the double: the first menu follows it.
    const menu = Menu.applicationMenu as { template: { label: string }[] };
    expect(menu.template[0]?.label).toBe('ملف');
  });

  it("keeps the key file in the app's data folder, for our own page only", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tadamun-user-data-'));
    try {
      app.paths.set('userData', folder);
      await startedWindow();
      const write = ipcMain.handlers.get(IpcChannel.writeKeyFile);
      const own = { senderFrame: { url: 'app://tadamun/index.html', parent: null } };
      const bytes = new TextEncoder().encode('{"format":"tadamun-keyfile"}');
      expect(await write?.(own, bytes)).toEqual({ ok: true, value: null });
      expect(readFileSync(path.join(folder, 'tadamun.keyfile'))).toEqual(Buffer.from(bytes));
      const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
      expect(await write?.(foreign, new Uint8Array([1]))).toMatchObject({ ok: false });
      expect(readFileSync(path.join(folder, 'tadamun.keyfile'))).toEqual(Buffer.from(bytes));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('relabels the menu when the renderer changes language', async () => {
    await startMain();
    makeAppReady();
    await settle();
    const handler = ipcMain.handlers.get(IpcChannel.setUiLanguage);
    await handler?.(
      { sender: {}, senderFrame: { url: 'app://tadamun/index.html', parent: null } },
      'en',
    );
    const menu = Menu.applicationMenu as { template: { label: string }[] };
    expect(menu.template[0]?.label).toBe('File');
  });

  it('locks the window when the system suspends or locks its screen', async () => {
    await startMain();
    expect(powerMonitor.listenerCount('suspend')).toBe(0); // powerMonitor needs the app ready
    makeAppReady();
    await settle();
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    expect(BrowserWindow.instances[0]?.webContents.sent).toEqual([
      { channel: IpcChannel.menuCommand, args: [{ type: 'lock', reason: 'suspend' }] },
      { channel: IpcChannel.menuCommand, args: [{ type: 'lock', reason: 'lock-screen' }] },
    ]);
  });

  it('wires Lock and Hide and Lock from the menu to the window', async () => {
    await startMain();
    makeAppReady();
    await settle();
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const file = (Menu.applicationMenu as { template: Item[] }).template[0]?.submenu ?? [];
    file.find((item) => item.label === 'قفل تضامن')?.click?.();
    file.find((item) => item.label === 'إخفاء وقفل')?.click?.();
    expect(BrowserWindow.instances[0]?.webContents.sent).toEqual([
      { channel: IpcChannel.menuCommand, args: [{ type: 'lock', reason: 'user' }] },
      { channel: IpcChannel.menuCommand, args: [{ type: 'panic' }] },
    ]);
  });

  it('quits at once when another instance holds the lock', async () => {
    app.singleInstanceLock = false;
    await startMain();
    makeAppReady();
    await settle();
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('allows the dev server origin only in development', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    await startMain();
    makeAppReady();
    await settle();
    expect(BrowserWindow.instances[0]?.loadedUrl).toBe('http://localhost:5173');
    let cancelled: boolean | undefined;
    session.defaultSession.handlers.beforeRequest?.listener(
      { url: 'http://localhost:5173/src/main.tsx' },
      (r) => (cancelled = r.cancel),
    );
    expect(cancelled).toBe(false);
  });

  it('ignores the dev server variable in a packaged app', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    app.isPackaged = true;
    await startMain();
    makeAppReady();
    await settle();
    expect(BrowserWindow.instances[0]?.loadedUrl).toBe('app://tadamun/index.html');
  });

  it('refuses to start a packaged app with a remote debugging switch', async () => {
    app.isPackaged = true;
    const argv = process.argv;
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    process.argv = [...argv, '--remote-debugging-port=9222'];
    try {
      await startMain();
      makeAppReady();
      await settle();
    } finally {
      process.argv = argv;
      stderr.mockRestore();
    }
    expect(app.exitCode).toBe(1);
    expect(app.sandboxEnabled).toBe(false);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(written.join('')).toContain('--remote-debugging-port');
  });

  it('lets development builds start with debugging switches', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--remote-debugging-port=9222'];
    try {
      await startMain();
      makeAppReady();
      await settle();
    } finally {
      process.argv = argv;
    }
    expect(app.exitCode).toBeNull();
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('offers a restart on the lock screen when the renderer crashes, in the menu language', async () => {
    const window = await startedWindow();
    window.loadedUrl = 'app://tadamun/index.html#/contacts/1';
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    await settle();
    const [, options] = dialog.showMessageBox.mock.calls[0] as [unknown, { buttons: string[] }];
    expect(options.buttons).toEqual(['إعادة التشغيل', 'إنهاء']);
    expect(window.loadedUrl).toBe('app://tadamun/index.html');
  });

  it('ignores a clean renderer exit, and quits when the user chooses Quit after a crash', async () => {
    const window = await startedWindow();
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    window.webContents.emit('render-process-gone', {}, { reason: 'oom' });
    await settle();
    expect(app.quitCalls).toBe(1);
  });

  it('asks once about a hung renderer; Restart ends it and reloads the lock screen', async () => {
    const window = await startedWindow();
    window.loadedUrl = 'app://tadamun/index.html#/letters';
    let answer: (value: { response: number }) => void = () => undefined;
    dialog.showMessageBox.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    window.emit('unresponsive');
    window.emit('unresponsive');
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    answer({ response: 0 });
    await settle();
    expect(window.webContents.crashes).toBe(1);
    expect(window.loadedUrl).toBe('app://tadamun/index.html');
  });

  it('clears text copied from the app when it quits', async () => {
    const { clipboard } = await import('../../helpers/electron-double');
    await startMain();
    makeAppReady();
    await settle();
    clipboard.writeText('+961 70 000 000');
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update('+961 70 000 000').digest('hex');
    await ipcMain.handlers.get(IpcChannel.rememberCopied)?.(
      { sender: {}, senderFrame: { url: 'app://tadamun/index.html', parent: null } },
      hash,
    );
    app.emit('will-quit');
    expect(clipboard.readText()).toBe('');
  });
});
