/**
 * What the app puts on the clipboard, remembered only as a SHA-256 hash so that a lock or a
 * panic can ask main to clear the clipboard if (and only if) it still holds that text. The
 * text itself is never kept, and the app never reads what other programs put there. Copied
 * text is cleared after a set time (Settings → Security) and when the app quits.
 */
import { bridge } from './bridge';
import { clipboardClearSeconds } from './clipboard-clear-after';
import { sha256Hex } from './sha256';

let lastCopied: Promise<string> | null = null;
let clearTimer: ReturnType<typeof setTimeout> | undefined;

function remember(text: string): void {
  const hash = sha256Hex(text);
  lastCopied = hash;
  // A failed hash or call only means there is nothing to clear later.
  hash.then((digest) => bridge.rememberCopied(digest)).catch(() => undefined);
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => void clearCopiedText(), clipboardClearSeconds() * 1000);
}

/** The selected text: a field's selection (which getSelection() misses) or the page's. */
function selectedText(target: EventTarget | null): string {
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    const { selectionStart, selectionEnd, value } = target;
    if (selectionStart !== null && selectionEnd !== null && selectionEnd > selectionStart) {
      return value.slice(selectionStart, selectionEnd);
    }
  }
  return document.getSelection()?.toString() ?? '';
}

/**
 * Copying from the page puts exactly the selected text on the clipboard as plain text (so its
 * hash is known); cutting leaves the field's own behaviour alone and remembers the text.
 */
function onCopy(event: ClipboardEvent): void {
  if (event.defaultPrevented) return;
  const text = selectedText(event.target);
  if (!text || !event.clipboardData) return;
  event.clipboardData.setData('text/plain', text);
  event.preventDefault();
  remember(text);
}

function onCut(event: ClipboardEvent): void {
  const text = selectedText(event.target);
  if (text) remember(text);
}

/** Starts watching copy and cut events; returns the function that stops it. */
export function trackCopies(): () => void {
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCut);
  return () => {
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('cut', onCut);
  };
}

/**
 * Puts `text` on the clipboard from a click. Uses the copy command rather than
 * navigator.clipboard, which needs a permission the app denies to itself.
 */
export function copyText(text: string): boolean {
  const put = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  // Capture phase on window: runs before the page-wide listener on document.
  window.addEventListener('copy', put, { capture: true });
  try {
    const copied = document.execCommand('copy');
    if (copied) remember(text);
    return copied;
  } finally {
    window.removeEventListener('copy', put, { capture: true });
  }
}

/** The text selected in the page now: read it before a lock unmounts the screens. */
export function selectedPageText(): string {
  return selectedText(document.activeElement);
}

/**
 * Clears the clipboard if it still holds the text the app copied last, and (on Linux, where
 * selecting text fills the primary selection) `selected` if that is what it holds; never
 * throws.
 */
export async function clearCopiedText(selected = ''): Promise<void> {
  const pending = lastCopied;
  try {
    if (pending) {
      const result = await bridge.clearClipboardIfCopied(await pending);
      if (result.ok && lastCopied === pending) lastCopied = null;
    }
    if (selected.trim()) await bridge.clearClipboardIfCopied(await sha256Hex(selected));
  } catch {
    // Best effort: a failure here must not stop a lock or a panic.
  }
}
