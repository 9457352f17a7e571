/**
 * Locking and hiding. The renderer owns the lock screen; main tells every window to lock when
 * the computer goes to sleep or locks its screen, and makes sure "Hide and lock" takes the
 * window off the screen even when the renderer is too busy (or broken) to ask for it.
 */
import { app, BrowserWindow, powerMonitor } from 'electron';
import { IpcChannel, type MenuCommand } from '@shared/ipc';

/** Sends a menu command to every open window (lock and panic concern them all). */
export function sendToAllWindows(command: MenuCommand): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(IpcChannel.menuCommand, command);
  }
}

/** Locks every window when the system suspends or locks its screen. Call after app ready. */
export function lockOnSystemEvents(): void {
  powerMonitor.on('suspend', () => sendToAllWindows({ type: 'lock', reason: 'suspend' }));
  powerMonitor.on('lock-screen', () => sendToAllWindows({ type: 'lock', reason: 'lock-screen' }));
}

/**
 * Takes a window off the screen: minimized on Windows and Linux; on macOS the whole app is
 * hidden (as Cmd+H does), which also works in full screen, and clicking the Dock icon brings
 * it back.
 */
export function hideFromScreen(
  window: BrowserWindow,
  platform: NodeJS.Platform = process.platform,
): void {
  if (platform === 'darwin') app.hide();
  else window.minimize();
}

/** How long the renderer has to lock and ask for hideWindow before main hides the windows. */
export const PANIC_FALLBACK_MS = 1000;

export interface PanicAction {
  /** Sends the panic command to every window and arms the fallback. */
  panic(): void;
  /** The renderer hid its window itself (hideWindow): the fallback is not needed. */
  hidden(): void;
}

/**
 * "Hide and lock": the renderer locks, clears the clipboard and calls hideWindow. If it has
 * not done so after PANIC_FALLBACK_MS (a long task blocks it, or it crashed), main hides
 * every window itself: the screen is cleared either way.
 */
export function createPanicAction({
  delayMs = PANIC_FALLBACK_MS,
  platform = process.platform,
}: { delayMs?: number; platform?: NodeJS.Platform } = {}): PanicAction {
  let fallback: ReturnType<typeof setTimeout> | null = null;
  const disarm = (): void => {
    if (fallback) clearTimeout(fallback);
    fallback = null;
  };
  return {
    panic() {
      disarm();
      sendToAllWindows({ type: 'panic' });
      fallback = setTimeout(() => {
        fallback = null;
        for (const window of BrowserWindow.getAllWindows()) {
          if (!window.isDestroyed() && window.isVisible() && !window.isMinimized()) {
            hideFromScreen(window, platform);
          }
        }
      }, delayMs);
    },
    hidden: disarm,
  };
}
