/**
 * How long Tadamun may sit unused before it locks itself. Not sensitive, and needed before
 * the workspace is open, so it lives in localStorage (cleared by "Erase all data").
 */
import { useSyncExternalStore } from 'react';

export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];
export const DEFAULT_AUTO_LOCK: AutoLockMinutes = 5;

const KEY = 'tadamun.autoLockMinutes';
const listeners = new Set<() => void>();

export function isAutoLockChoice(value: unknown): value is AutoLockMinutes {
  return (AUTO_LOCK_CHOICES as readonly unknown[]).includes(value);
}

function read(): AutoLockMinutes {
  const stored = Number(localStorage.getItem(KEY));
  return isAutoLockChoice(stored) ? stored : DEFAULT_AUTO_LOCK;
}

export function setAutoLockMinutes(minutes: AutoLockMinutes): void {
  localStorage.setItem(KEY, String(minutes));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAutoLockMinutes(): AutoLockMinutes {
  return useSyncExternalStore(subscribe, read);
}
