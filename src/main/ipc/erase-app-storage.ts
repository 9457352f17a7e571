import type { Session } from 'electron';
import { IpcChannel } from '@shared/ipc';
import { noPayloadSchema } from '@shared/ipc-schemas';
import type { KeyFileKeeper } from '../key-file';
import { handleValidated, type SenderCheck } from './handle-validated';

/** Every store the app keeps, cleared in this order; each one is attempted. */
function clearSteps(
  session: Session,
  keyFile: KeyFileKeeper,
): [name: string, run: () => Promise<void>][] {
  return [
    // Normally erased by the renderer already; overwritten with random bytes, then deleted.
    ['key file', () => keyFile.erase()],
    // IndexedDB, local storage, cookies, file systems, service workers, cache storage…
    ['storage data', () => session.clearStorageData()],
    // Chromium's whole browsing-data remover: also covers types the list above does not name.
    ['browsing data', () => session.clearData()],
    ['HTTP cache', () => session.clearCache()],
    ['authentication cache', () => session.clearAuthCache()],
    // V8's compiled code of our scripts; an empty list clears all of it.
    ['code caches', () => session.clearCodeCaches({ urls: [] })],
  ];
}

/**
 * eraseAppStorage: after the renderer deleted its database, erases the key file and clears
 * everything the session stores on disk, then reloads the window into a fresh first run. The app writes no temporary
 * files of its own (saved files are written beside their target, see write-file-atomic.ts), so
 * there is no temporary folder to delete. If any store fails to clear, the error names it and
 * the window is not reloaded, so the renderer can tell the user.
 */
export function registerEraseAppStorage(
  isTrustedSender: SenderCheck,
  keyFile: KeyFileKeeper,
): void {
  handleValidated(
    IpcChannel.eraseAppStorage,
    noPayloadSchema,
    isTrustedSender,
    async (_none, event) => {
      const contents = event.sender;
      const failed: string[] = [];
      for (const [name, run] of clearSteps(contents.session, keyFile)) {
        try {
          await run();
        } catch (error) {
          failed.push(`${name} (${error instanceof Error ? error.message : String(error)})`);
        }
      }
      if (failed.length > 0) throw new Error(`Could not clear: ${failed.join(', ')}`);
      // After the reply is on its way: the page that asked is replaced by a fresh one.
      setTimeout(() => {
        if (!contents.isDestroyed()) contents.reloadIgnoringCache();
      }, 0);
      return null;
    },
  );
}
