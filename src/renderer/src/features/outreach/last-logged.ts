import { useSyncExternalStore } from 'react';
import type { Interaction } from '@core/domain/interaction';

/**
 * The interaction logged last, while its confirmation shows. Several log dialogs can be
 * mounted at once (the global Ctrl+I one, a campaign's, a contact's): one shared value means
 * one confirmation on screen, shown by the dialog that logged it.
 */
export interface LastLogged {
  /** The dialog that logged it (a React id). */
  by: string;
  interaction: Interaction;
}

let current: LastLogged | null = null;
const listeners = new Set<() => void>();

function set(value: LastLogged | null): void {
  current = value;
  for (const listener of listeners) listener();
}

export const announceLogged = (by: string, interaction: Interaction) => set({ by, interaction });
export const dismissLogged = () => set(null);

export function useLastLogged(): LastLogged | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
