/**
 * The lock and panic shortcuts, the same as the native menu's (CmdOrCtrl+L and
 * CmdOrCtrl+Shift+H). Matched by physical key, so they work with an Arabic keyboard layout.
 */
export interface Shortcut {
  /** KeyboardEvent.code of the key. */
  code: string;
  shift: boolean;
}

export const LOCK_SHORTCUT: Shortcut = { code: 'KeyL', shift: false };
export const PANIC_SHORTCUT: Shortcut = { code: 'KeyH', shift: true };

const isMac = /Mac/i.test(navigator.platform || navigator.userAgent);

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const primary = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return (
    primary && !event.altKey && event.shiftKey === shortcut.shift && event.code === shortcut.code
  );
}

/** How the shortcut is written on this platform, e.g. "Ctrl+Shift+H" or "⇧⌘H". */
export function shortcutLabel(shortcut: Shortcut): string {
  const key = shortcut.code.replace(/^Key/, '');
  if (isMac) return `${shortcut.shift ? '⇧' : ''}⌘${key}`;
  return `Ctrl+${shortcut.shift ? 'Shift+' : ''}${key}`;
}
