import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import { registerEraseAppStorage } from '@main/ipc/erase-app-storage';
import { keyFileKeeper, type KeyFileKeeper } from '@main/key-file';
import { resetElectronDouble, session } from '../../../helpers/electron-double';
import { eventFrom, FOREIGN_SENDERS, invoke, openWindow, trusted } from './windows';

describe('eraseAppStorage', () => {
  let folder: string;
  let keyFile: KeyFileKeeper;
  beforeEach(() => {
    resetElectronDouble();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    folder = mkdtempSync(path.join(tmpdir(), 'tadamun-erase-'));
    keyFile = keyFileKeeper(path.join(folder, 'tadamun.keyfile'));
    writeFileSync(keyFile.path, '{"format":"tadamun-keyfile"}');
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(folder, { recursive: true, force: true });
  });

  const keyFileLeft = () => readFileSync(keyFile.path, { flag: 'r' });

  function clears() {
    const s = session.defaultSession;
    return [s.clearStorageData, s.clearData, s.clearCache, s.clearAuthCache, s.clearCodeCaches];
  }

  it('clears every store of the session, then reloads the window', async () => {
    registerEraseAppStorage(trusted, keyFile);
    const window = openWindow();
    const result = await invoke(IpcChannel.eraseAppStorage, eventFrom(window));
    expect(result).toEqual({ ok: true, value: null });
    for (const clear of clears()) expect(clear).toHaveBeenCalledOnce();
    // The key file too, whatever the renderer did.
    expect(keyFileLeft).toThrow(/ENOENT/);
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
    registerEraseAppStorage(trusted, keyFile);
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
    registerEraseAppStorage(trusted, keyFile);
    const window = openWindow();
    await invoke(IpcChannel.eraseAppStorage, eventFrom(window));
    window.webContents.destroyed = true;
    await vi.runAllTimersAsync();
    expect(window.webContents.reloadsIgnoringCache).toBe(0);
  });

  it.each(FOREIGN_SENDERS)('refuses %s and clears nothing', async (_label, url, parent) => {
    registerEraseAppStorage(trusted, keyFile);
    const window = openWindow();
    const result = await invoke(IpcChannel.eraseAppStorage, eventFrom(window, url, parent));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    for (const clear of clears()) expect(clear).not.toHaveBeenCalled();
    expect(keyFileLeft().toString()).toContain('tadamun-keyfile');
    await vi.runAllTimersAsync();
    expect(window.webContents.reloadsIgnoringCache).toBe(0);
  });

  it.each([
    ['a string', 'all'],
    ['an object', { storages: ['indexdb'] }],
    ['null', null],
  ])('refuses a payload (%s) and clears nothing', async (_label, payload) => {
    registerEraseAppStorage(trusted, keyFile);
    const result = await invoke(IpcChannel.eraseAppStorage, eventFrom(openWindow()), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    for (const clear of clears()) expect(clear).not.toHaveBeenCalled();
  });
});
