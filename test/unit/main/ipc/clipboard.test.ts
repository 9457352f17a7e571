import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel, type IpcResult } from '@shared/ipc';
import { registerClearClipboard } from '@main/ipc/clipboard';
import { registerEraseAppStorage } from '@main/ipc/erase-app-storage';
import { senderFromOrigins } from '@main/ipc/handle-validated';
import { registerHideWindow } from '@main/ipc/hide-window';
import {
  app,
  BrowserWindow,
  clipboard,
  ipcMain,
  resetElectronDouble,
  session,
} from '../../../helpers/electron-double';

const trusted = senderFromOrigins(['app://tadamun']);
const APP_URL = 'app://tadamun/index.html#/settings';

function openWindow(): BrowserWindow {
  const window = new BrowserWindow({});
  window.show();
  return window;
}
function eventFrom(window: BrowserWindow, url = APP_URL, parent: unknown = null) {
  return { sender: window.webContents, senderFrame: { url, parent } };
}

async function invoke<T>(channel: string, event: unknown, ...args: unknown[]) {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, ...args)) as IpcResult<T>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const FOREIGN_SENDERS: [string, string, unknown][] = [
  ['a remote page', 'https://evil.example/', null],
  ['another app:// host', 'app://evil/index.html', null],
  ['a subframe of our page', APP_URL, {}],
];

describe('hideWindow', () => {
  beforeEach(resetElectronDouble);

  it("minimizes the sender's own window, and only it", async () => {
    registerHideWindow(trusted, undefined, 'linux');
    const other = openWindow();
    const window = openWindow();
    expect(await invoke(IpcChannel.hideWindow, eventFrom(window))).toEqual({
      ok: true,
      value: null,
    });
    expect(window.minimized).toBe(true);
    expect(other.minimized).toBe(false);
  });

  it('tells main the window is hidden (so the panic fallback stands down)', async () => {
    const hidden = vi.fn();
    registerHideWindow(trusted, hidden, 'win32');
    await invoke(IpcChannel.hideWindow, eventFrom(openWindow()));
    expect(hidden).toHaveBeenCalledOnce();
  });

  it('hides the whole app on macOS instead', async () => {
    registerHideWindow(trusted, undefined, 'darwin');
    const window = openWindow();
    await invoke(IpcChannel.hideWindow, eventFrom(window));
    expect(app.hidden).toBe(true);
    expect(window.isVisible()).toBe(false);
  });

  it.each(FOREIGN_SENDERS)('refuses %s', async (_label, url, parent) => {
    const hidden = vi.fn();
    registerHideWindow(trusted, hidden, 'linux');
    const window = openWindow();
    const result = await invoke(IpcChannel.hideWindow, eventFrom(window, url, parent));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(window.minimized).toBe(false);
    expect(hidden).not.toHaveBeenCalled();
  });

  it.each([
    ['a string', 'now'],
    ['an object', {}],
    ['null', null],
    ['a number', 0],
  ])('refuses a payload (%s)', async (_label, payload) => {
    registerHideWindow(trusted, undefined, 'linux');
    const window = openWindow();
    const result = await invoke(IpcChannel.hideWindow, eventFrom(window), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(window.minimized).toBe(false);
  });

  it('reports a sender without a window', async () => {
    registerHideWindow(trusted);
    const event = { sender: {}, senderFrame: { url: APP_URL, parent: null } };
    expect(await invoke(IpcChannel.hideWindow, event)).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });
});

describe('clearClipboardIfCopied', () => {
  const copied = 'Contact: Rania Haddad, +961 70 000 000 (do not contact at work)';

  beforeEach(() => {
    resetElectronDouble();
  });

  it('clears the clipboard when it still holds the text the app copied', async () => {
    registerClearClipboard(trusted, 'win32');
    clipboard.writeText(copied);
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(copied),
    );
    expect(result).toEqual({ ok: true, value: { cleared: true } });
    expect(clipboard.readText()).toBe('');
    expect(clipboard.clear).toHaveBeenCalledWith('clipboard');
  });

  it('accepts the digest in upper case, and Windows line endings of the same text', async () => {
    registerClearClipboard(trusted, 'win32');
    clipboard.writeText('line one\r\nline two');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256('line one\nline two').toUpperCase(),
    );
    expect(result).toEqual({ ok: true, value: { cleared: true } });
  });

  it("leaves another program's text alone", async () => {
    registerClearClipboard(trusted, 'linux');
    clipboard.writeText('a password from the password manager');
    clipboard.writeText('text selected in another program', 'selection');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(copied),
    );
    expect(result).toEqual({ ok: true, value: { cleared: false } });
    expect(clipboard.readText()).toBe('a password from the password manager');
    expect(clipboard.readText('selection')).toBe('text selected in another program');
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it('never clears an empty text clipboard (it may hold an image) even for the empty digest', async () => {
    registerClearClipboard(trusted, 'linux');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(''),
    );
    expect(result).toEqual({ ok: true, value: { cleared: false } });
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it("also clears Linux's primary selection when it holds the copied text", async () => {
    registerClearClipboard(trusted, 'linux');
    clipboard.writeText('something else');
    clipboard.writeText(copied, 'selection');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(copied),
    );
    expect(result).toEqual({ ok: true, value: { cleared: true } });
    expect(clipboard.readText('selection')).toBe('');
    expect(clipboard.readText()).toBe('something else');
  });

  it('checks only the clipboard elsewhere (there is no selection)', async () => {
    registerClearClipboard(trusted, 'darwin');
    clipboard.writeText(copied, 'selection');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(copied),
    );
    expect(result).toEqual({ ok: true, value: { cleared: false } });
  });

  it.each(FOREIGN_SENDERS)('refuses %s', async (_label, url, parent) => {
    registerClearClipboard(trusted, 'linux');
    clipboard.writeText(copied);
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow(), url, parent),
      sha256(copied),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(clipboard.readText()).toBe(copied);
  });

  it.each([
    ['the text itself', copied],
    ['a short digest', sha256(copied).slice(0, 63)],
    ['a long digest', `${sha256(copied)}0`],
    ['a non-hex digest', 'g'.repeat(64)],
    ['a digest with spaces', ` ${sha256(copied).slice(1)}`],
    ['nothing', undefined],
    ['a number', 42],
    ['an object', { sha256Hex: sha256(copied) }],
  ])('refuses %s', async (_label, payload) => {
    registerClearClipboard(trusted, 'linux');
    clipboard.writeText(copied);
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      payload,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(clipboard.readText()).toBe(copied);
  });
});

describe('eraseAppStorage', () => {
  beforeEach(() => {
    resetElectronDouble();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function clears() {
    const s = session.defaultSession;
    return [s.clearStorageData, s.clearData, s.clearCache, s.clearAuthCache, s.clearCodeCaches];
  }

  it('clears every store of the session, then reloads the window', async () => {
    registerEraseAppStorage(trusted);
    const window = openWindow();
    const result = await invoke(IpcChannel.eraseAppStorage, eventFrom(window));
    expect(result).toEqual({ ok: true, value: null });
    for (const clear of clears()) expect(clear).toHaveBeenCalledOnce();
    // All storage types, not a chosen few.
    expect(session.defaultSession.clearStorageData).toHaveBeenCalledWith();
    expect(session.defaultSession.clearData).toHaveBeenCalledWith();
    expect(session.defaultSession.clearCodeCaches).toHaveBeenCalledWith({ urls: [] });
    // The reply goes out first; the reload follows at once.
    expect(window.webContents.reloadsIgnoringCache).toBe(0);
    await vi.runAllTimersAsync();
    expect(window.webContents.reloadsIgnoringCache).toBe(1);
  });

  it('tries every store even when one fails, reports it, and does not reload', async () => {
    registerEraseAppStorage(trusted);
    session.defaultSession.clearCache.mockRejectedValueOnce(new Error('disk busy'));
    const window = openWindow();
    const result = await invoke(IpcChannel.eraseAppStorage, eventFrom(window));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/HTTP cache \(disk busy\)/) },
    });
    for (const clear of clears()) expect(clear).toHaveBeenCalledOnce();
    await vi.runAllTimersAsync();
    expect(window.webContents.reloadsIgnoringCache).toBe(0);
  });

  it('does not reload a window closed in the meantime', async () => {
    registerEraseAppStorage(trusted);
    const window = openWindow();
    await invoke(IpcChannel.eraseAppStorage, eventFrom(window));
    window.webContents.destroyed = true;
    await vi.runAllTimersAsync();
    expect(window.webContents.reloadsIgnoringCache).toBe(0);
  });

  it.each(FOREIGN_SENDERS)('refuses %s and clears nothing', async (_label, url, parent) => {
    registerEraseAppStorage(trusted);
    const window = openWindow();
    const result = await invoke(IpcChannel.eraseAppStorage, eventFrom(window, url, parent));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    for (const clear of clears()) expect(clear).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(window.webContents.reloadsIgnoringCache).toBe(0);
  });

  it.each([
    ['a string', 'all'],
    ['an object', { storages: ['indexdb'] }],
    ['null', null],
  ])('refuses a payload (%s) and clears nothing', async (_label, payload) => {
    registerEraseAppStorage(trusted);
    const result = await invoke(IpcChannel.eraseAppStorage, eventFrom(openWindow()), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    for (const clear of clears()) expect(clear).not.toHaveBeenCalled();
  });
});
