import { createContext, useContext } from 'react';
import type { Vault } from '@core/vault';

export interface Session {
  readonly vault: Vault;
  /**
   * Closes the workspace: data screens unmount, decrypted records are dropped, text copied
   * from the app leaves the clipboard. Resolves once the clipboard was seen to.
   */
  lock(): Promise<void>;
  /** Locks, clears the clipboard if it holds text copied from the app, hides the window. */
  panic(): void;
  /** Closes and deletes the workspace and every stored setting, then starts afresh. */
  eraseAll(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <VaultGate>');
  return session;
}
