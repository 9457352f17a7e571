/**
 * Stands in for the preload bridge when the renderer runs in a plain browser (end-to-end
 * tests, `vite` preview): saving a file becomes a download, hiding the window and desktop
 * notifications do nothing, erasing clears what the page itself can reach (coalition replicas
 * included), menu commands
 * arrive as a window event, the key file is a local-storage item, coalition requests go only
 * through a host the e2e harness exposes (refused without one).
 */
import type {
  IpcResult,
  MenuCommand,
  SaveFileOutcome,
  SaveFileRequest,
  TadamunApi,
} from '@shared/ipc';
import { deriveArgon2idInWorker } from './argon2id/argon2id-worker-client';
import { sha256Hex } from './sha256';
import { errorText } from './error-text';
import { hostedKeyFile, localStorageKeyFile } from './local-key-file';
import { browserCoalitionFetch } from './coalition-fetch-host';
import { eraseReplicaDatabases } from './replica-databases';

/**
 * Without a native menu, tests send its commands as this window event (detail: a MenuCommand).
 */
export const MENU_COMMAND_EVENT = 'tadamun:menu-command';

function download(request: SaveFileRequest): IpcResult<SaveFileOutcome> {
  const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or Chromium may cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, value: { saved: true, fileName: request.suggestedName } };
}

async function permitted(name: 'clipboard-read' | 'clipboard-write'): Promise<boolean> {
  try {
    const status = await navigator.permissions.query({ name: name as PermissionName });
    return status.state === 'granted';
  } catch {
    return false;
  }
}

/**
 * A browser page may write the clipboard only when allowed to. When it may also read it,
 * the text is compared first, as main does; otherwise nothing is touched.
 */
async function clearClipboardIfCopied(
  expectedSha256: string,
): Promise<IpcResult<{ cleared: boolean }>> {
  try {
    if (!(await permitted('clipboard-write'))) return { ok: true, value: { cleared: false } };
    if (await permitted('clipboard-read')) {
      const current = await navigator.clipboard.readText();
      if ((await sha256Hex(current)) !== expectedSha256) {
        return { ok: true, value: { cleared: false } };
      }
    }
    await navigator.clipboard.writeText('');
    return { ok: true, value: { cleared: true } };
  } catch {
    return { ok: true, value: { cleared: false } };
  }
}

const localKeyFile = hostedKeyFile(window.tadamunKeyFileHost) ?? localStorageKeyFile();

/** Runs a local key-file operation as the bridge's call would answer. */
async function keyFileCall<T>(work: () => Promise<T>): Promise<IpcResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: errorText(error) } };
  }
}

async function eraseAppStorage(): Promise<IpcResult<null>> {
  try {
    await localKeyFile.erase();
    // The workspace's database is already deleted (vault.erase); the coalition replicas here.
    await eraseReplicaDatabases();
    localStorage.clear();
    sessionStorage.clear();
    if ('caches' in window) {
      for (const name of await caches.keys()) await caches.delete(name);
    }
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: errorText(error) } };
  }
  location.reload();
  return { ok: true, value: null };
}

export function createBrowserAdapter(): TadamunApi {
  return {
    runtime: 'browser',
    saveFile: (request) => Promise.resolve(download(request)),
    setUiLanguage: () => Promise.resolve({ ok: true, value: null }),
    onMenuCommand: (listener) => {
      const forward = (event: Event) => listener((event as CustomEvent<MenuCommand>).detail);
      window.addEventListener(MENU_COMMAND_EVENT, forward);
      return () => window.removeEventListener(MENU_COMMAND_EVENT, forward);
    },
    hideWindow: () => Promise.resolve({ ok: true, value: null }),
    clearClipboardIfCopied,
    setContentProtection: () => Promise.resolve({ ok: true, value: null }),
    // A browser tab cannot act when the browser quits.
    rememberCopied: () => Promise.resolve({ ok: true, value: null }),
    eraseAppStorage,
    // Browsers would ask for a permission; the app never asks for any.
    notifyDue: () => Promise.resolve({ ok: true, value: null }),
    readKeyFile: () => keyFileCall(() => localKeyFile.read()),
    writeKeyFile: (bytes) => keyFileCall(() => localKeyFile.write(bytes).then(() => null)),
    eraseKeyFile: () => keyFileCall(() => localKeyFile.erase().then(() => null)),
    deriveArgon2id: deriveArgon2idInWorker,
    ...browserCoalitionFetch(window.tadamunCoalitionHost),
  };
}
