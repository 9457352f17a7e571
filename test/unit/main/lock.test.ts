import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import {
  createPanicAction,
  hideFromScreen,
  lockOnSystemEvents,
  PANIC_FALLBACK_MS,
  sendToAllWindows,
} from '@main/lock';
import {
  app,
  BrowserWindow,
  powerMonitor,
  resetElectronDouble,
} from '../../helpers/electron-double';

function openWindow(): BrowserWindow {
  const window = new BrowserWindow({});
  window.show();
  return window;
}
const commandsTo = (window: BrowserWindow) =>
  window.webContents.sent
    .filter((message) => message.channel === IpcChannel.menuCommand)
    .map((message) => message.args[0]);

describe('locking on system events', () => {
  beforeEach(resetElectronDouble);

  it.each([
    ['suspend', 'suspend'],
    ['lock-screen', 'lock-screen'],
  ] as const)('sends a lock command to every window on %s', (event, reason) => {
    const windows = [openWindow(), openWindow()];
    lockOnSystemEvents();
    powerMonitor.emit(event);
    for (const window of windows) expect(commandsTo(window)).toEqual([{ type: 'lock', reason }]);
  });

  it('ignores other power events and skips destroyed windows', () => {
    const open = openWindow();
    const closed = openWindow();
    closed.destroyed = true;
    lockOnSystemEvents();
    powerMonitor.emit('resume');
    powerMonitor.emit('on-battery');
    expect(commandsTo(open)).toEqual([]);
    powerMonitor.emit('suspend');
    expect(commandsTo(open)).toHaveLength(1);
    expect(commandsTo(closed)).toEqual([]);
  });

  it('sends menu commands on the menu-command channel', () => {
    const window = openWindow();
    sendToAllWindows({ type: 'lock', reason: 'user' });
    expect(window.webContents.sent).toEqual([
      { channel: IpcChannel.menuCommand, args: [{ type: 'lock', reason: 'user' }] },
    ]);
  });
});

describe('hiding a window', () => {
  beforeEach(resetElectronDouble);

  it('minimizes on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const window = openWindow();
      hideFromScreen(window as never, platform);
      expect(window.minimized).toBe(true);
      expect(app.hidden).toBe(false);
    }
  });

  it('hides the app on macOS', () => {
    const window = openWindow();
    hideFromScreen(window as never, 'darwin');
    expect(app.hidden).toBe(true);
    expect(window.isVisible()).toBe(false);
  });
});

describe('hide and lock (panic)', () => {
  beforeEach(() => {
    resetElectronDouble();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends panic to every window and leaves hiding to the renderer when it answers', () => {
    const windows = [openWindow(), openWindow()];
    const action = createPanicAction({ platform: 'linux' });
    action.panic();
    for (const window of windows) expect(commandsTo(window)).toEqual([{ type: 'panic' }]);
    vi.advanceTimersByTime(100);
    action.hidden();
    vi.advanceTimersByTime(PANIC_FALLBACK_MS * 2);
    for (const window of windows) expect(window.minimized).toBe(false);
  });

  it('hides every window itself when the renderer does not answer in time', () => {
    const windows = [openWindow(), openWindow()];
    const action = createPanicAction({ platform: 'linux' });
    action.panic();
    vi.advanceTimersByTime(PANIC_FALLBACK_MS - 1);
    expect(windows.some((window) => window.minimized)).toBe(false);
    vi.advanceTimersByTime(1);
    for (const window of windows) expect(window.minimized).toBe(true);
  });

  it('hides the app on macOS when the renderer does not answer', () => {
    createPanicAction({ platform: 'darwin' }).panic();
    openWindow();
    vi.advanceTimersByTime(PANIC_FALLBACK_MS);
    expect(app.hidden).toBe(true);
  });

  it('a second panic restarts the wait instead of stacking timers', () => {
    const window = openWindow();
    const action = createPanicAction({ platform: 'linux', delayMs: 500 });
    action.panic();
    vi.advanceTimersByTime(400);
    action.panic();
    vi.advanceTimersByTime(400);
    expect(window.minimized).toBe(false);
    action.hidden();
    vi.advanceTimersByTime(1000);
    expect(window.minimized).toBe(false);
    expect(commandsTo(window)).toEqual([{ type: 'panic' }, { type: 'panic' }]);
  });
});
