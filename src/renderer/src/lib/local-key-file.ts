/**
 * The key file in a browser, as a local-storage item (the browser build has no main process).
 * Chromium keeps local storage in LevelDB, which may keep overwritten values until it
 * compacts (docs/security.md): unlike main's file, not a place that can surely be overwritten.
 */
import type { KeyFileStore } from '@core/vault';

/** The app's key file item. */
export const KEY_FILE_ITEM = 'tadamun.keyFile';

/** The key file is JSON (ASCII), kept as its text. */
export function localStorageKeyFile(item = KEY_FILE_ITEM): KeyFileStore {
  return {
    read: async () => {
      const text = localStorage.getItem(item);
      return text === null ? null : new TextEncoder().encode(text);
    },
    write: async (bytes) => {
      localStorage.setItem(item, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    },
    // Overwritten with random text of the same length first, then removed.
    erase: async () => {
      const length = localStorage.getItem(item)?.length ?? 0;
      if (length > 0) {
        const random = crypto.getRandomValues(new Uint8Array(length));
        const filler = Array.from(random, (byte) => String.fromCharCode(33 + (byte % 94)));
        localStorage.setItem(item, filler.join(''));
      }
      localStorage.removeItem(item);
    },
  };
}

/** What the e2e harness exposes to play main's key-file keeper (a real file on disk). */
export type KeyFileHost = (
  operation: 'read' | 'write' | 'erase',
  text?: string,
) => Promise<string | null>;

declare global {
  interface Window {
    tadamunKeyFileHost?: KeyFileHost;
  }
}

/**
 * The key file through the harness's host, when one is exposed (test/helpers/key-file-host.ts):
 * the profile scans then see the desktop app's layout, a file replaced whole, not LevelDB.
 */
export function hostedKeyFile(host: KeyFileHost | undefined): KeyFileStore | undefined {
  if (!host) return undefined;
  return {
    read: async () => {
      const text = await host('read');
      return text === null ? null : new TextEncoder().encode(text);
    },
    write: async (bytes) => {
      await host('write', new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    },
    erase: async () => {
      await host('erase');
    },
  };
}
