import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import { registerHideWindow } from '@main/ipc/hide-window';
import { app, resetElectronDouble } from '../../../helpers/electron-double';
import { APP_URL, eventFrom, FOREIGN_SENDERS, invoke, openWindow, trusted } from './windows';

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
