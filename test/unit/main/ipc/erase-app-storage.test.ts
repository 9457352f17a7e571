import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import { registerEraseAppStorage } from '@main/ipc/erase-app-storage';
import { resetElectronDouble, session } from '../../../helpers/electron-double';
import { eventFrom, FOREIGN_SENDERS, invoke, openWindow, trusted } from './windows';

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
