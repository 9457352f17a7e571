/**
 * How long text copied from Tadamun may stay on the clipboard. Not sensitive, and needed
 * before the workspace is open, so it lives in localStorage like the auto-lock delay.
 */
import { useSyncExternalStore } from 'react';

export const CLIPBOARD_CLEAR_CHOICES = [15, 30, 60, 120] as const;
export type ClipboardClearSeconds = (typeof CLIPBOARD_CLEAR_CHOICES)[number];
export const DEFAULT_CLIPBOARD_CLEAR: ClipboardClearSeconds = 30;

const KEY = 'tadamun.clipboardClearSeconds';
const listeners = new Set<() => void>();

export function isClipboardClearChoice(value: unknown): value is ClipboardClearSeconds {
  return (CLIPBOARD_CLEAR_CHOICES as readonly unknown[]).includes(value);
}

export function clipboardClearSeconds(): ClipboardClearSeconds {
  const stored = Number(localStorage.getItem(KEY));
  return isClipboardClearChoice(stored) ? stored : DEFAULT_CLIPBOARD_CLEAR;
}

export function setClipboardClearSeconds(seconds: ClipboardClearSeconds): void {
  localStorage.setItem(KEY, String(seconds));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useClipboardClearSeconds(): ClipboardClearSeconds {
  return useSyncExternalStore(subscribe, clipboardClearSeconds);
}
