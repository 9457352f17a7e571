/**
 * "Hide from screen capture": off by default; kept in localStorage because the lock screen,
 * before any workspace is open, must be hidden too.
 */
import { useSyncExternalStore } from 'react';
import { bridge } from './bridge';

const KEY = 'tadamun.hideFromCapture';
const listeners = new Set<() => void>();

export function hidesFromCapture(): boolean {
  return localStorage.getItem(KEY) === 'true';
}

/** Asks main to protect the window as stored; call once at start. */
export function applyScreenCaptureSetting(): Promise<unknown> {
  return bridge.setContentProtection(hidesFromCapture());
}

export async function setHideFromCapture(hide: boolean): Promise<void> {
  const result = await bridge.setContentProtection(hide);
  if (!result.ok) throw new Error(result.error.message);
  localStorage.setItem(KEY, String(hide));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHideFromCapture(): boolean {
  return useSyncExternalStore(subscribe, hidesFromCapture);
}
