/**
 * The IPC contract between the renderer (through the preload bridge) and the main process:
 * channel names and the `window.tadamun` API type. No runtime dependencies: the sandboxed
 * preload bundles this file. Payload schemas, used by main, are in ipc-schemas.ts.
 * Only purpose-named calls; nothing here gives general file-system access.
 */
import type { UiLanguage } from './i18n/languages';

export const IpcChannel = {
  saveFile: 'tadamun:save-file',
  setUiLanguage: 'tadamun:set-ui-language',
  menuCommand: 'tadamun:menu-command',
  hideWindow: 'tadamun:hide-window',
  clearClipboardIfCopied: 'tadamun:clear-clipboard-if-copied',
  rememberCopied: 'tadamun:remember-copied',
  setContentProtection: 'tadamun:set-content-protection',
  eraseAppStorage: 'tadamun:erase-app-storage',
  notifyDue: 'tadamun:notify-due',
  readKeyFile: 'tadamun:read-key-file',
  writeKeyFile: 'tadamun:write-key-file',
  eraseKeyFile: 'tadamun:erase-key-file',
  deriveArgon2id: 'tadamun:derive-argon2id',
  setCoalitionOrigins: 'tadamun:set-coalition-origins',
  coalitionFetch: 'tadamun:coalition-fetch',
} as const;

export interface FileFilter {
  name: string;
  extensions: string[];
}
export interface SaveFileRequest {
  /** A bare file name, e.g. "2026-11-25 Letter to Sen. Haddad.docx": never a path. */
  suggestedName: string;
  bytes: Uint8Array;
  filters: FileFilter[];
}
export type SaveFileOutcome = { saved: true; fileName: string } | { saved: false };

/** 'disk-full': the main process could not write for lack of room (ENOSPC, EDQUOT). */
export type IpcErrorCode = 'invalid-request' | 'forbidden-sender' | 'disk-full' | 'failed';
export interface IpcError {
  code: IpcErrorCode;
  message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Routes the renderer knows; the native menu can ask it to open one. */
export const APP_ROUTES = [
  'dashboard',
  'campaigns',
  'contacts',
  'templates',
  'letters',
  'settings',
] as const;
export type AppRoute = (typeof APP_ROUTES)[number];
/**
 * What main asks of the renderer: open a route; lock now (menu, shortcut, the system going
 * to sleep or locking its screen); panic (hide and lock: lock, clear the clipboard if it holds
 * text copied from the app, minimize).
 */
export type MenuCommand =
  | { type: 'navigate'; route: AppRoute }
  | { type: 'lock'; reason: 'user' | 'suspend' | 'lock-screen' }
  | { type: 'panic' }
  | { type: 'new-campaign' }
  | { type: 'log-interaction' }
  | { type: 'focus-search' };

/**
 * A desktop notification about what is due. The text must name no one (a locked screen may
 * show it): counts only, e.g. "3 follow-ups are due today".
 */
export interface NotifyDueRequest {
  title: string;
  body: string;
  count: number;
}

/**
 * One Argon2id computation (RFC 9106, version 0x13) for the vault's key derivation: the
 * passphrase's UTF-8 bytes (NFC) and the stored salt and cost. The answer is the 32-byte tag.
 */
export interface Argon2idIpcRequest {
  password: Uint8Array;
  salt: Uint8Array;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  tagLength: number;
}

/**
 * One coalition's CouchDB database, as an invitation names it: the server's URL (`https:`, or
 * `http:` on 127.0.0.1, localhost or [::1]; it may have a path, e.g. behind a proxy) and the
 * database. Main sends requests only to these, and only under the database's path.
 */
export interface CoalitionRemote {
  url: string;
  database: string;
}

/** One HTTP request of the replication engine, carried by main (the page never reaches the network). */
export interface CoalitionFetchRequest {
  url: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  headers: Record<string, string>;
  /** JSON text: the engine sends no attachments. */
  body: string | null;
}

/**
 * Why a request got no answer from the server: `refused` (main's policy: not a registered
 * database, a method or path it does not carry, a redirect), `unreachable` (no connection,
 * DNS), `tls` (certificate or handshake), `timeout`, `too-large` (request or answer over the limit).
 */
export type CoalitionFetchProblem = 'refused' | 'unreachable' | 'tls' | 'timeout' | 'too-large';

export type CoalitionFetchOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'failure'; problem: CoalitionFetchProblem; message: string };

/** The whole API the renderer gets as `window.tadamun` (or from the browser adapter). */
export interface TadamunApi {
  readonly runtime: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<IpcResult<SaveFileOutcome>>;
  setUiLanguage(language: UiLanguage): Promise<IpcResult<null>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Minimizes (hides) the window at once: the panic action's last step. */
  hideWindow(): Promise<IpcResult<null>>;
  /**
   * Clears the system clipboard only if it still holds the text the app last copied, named
   * by its SHA-256 (hex): the app never reads what other programs put there.
   */
  clearClipboardIfCopied(sha256Hex: string): Promise<IpcResult<{ cleared: boolean }>>;
  /** Hides the window from screenshots and screen sharing where the OS allows; a no-op in the browser. */
  setContentProtection(enabled: boolean): Promise<IpcResult<null>>;
  /** Names (by SHA-256) the text the app just copied, so quitting can clear it. */
  rememberCopied(sha256Hex: string): Promise<IpcResult<null>>;
  /**
   * Erase all data, after the renderer deleted its database: clears the session's storage
   * (IndexedDB, local storage, caches, service workers) and the app's temporary files, then
   * reloads the window into a fresh first run.
   */
  eraseAppStorage(): Promise<IpcResult<null>>;
  /** Shows a silent desktop notification (offline); a no-op in the browser. */
  notifyDue(request: NotifyDueRequest): Promise<IpcResult<null>>;
  /**
   * The key file (wrapped data keys, KDF parameters, duress slot, lockout state): kept by
   * main in the app's data folder; in the browser, in local storage. null: there is none.
   */
  readKeyFile(): Promise<IpcResult<Uint8Array | null>>;
  /** Replaces the key file atomically (written beside it, flushed, renamed over it). */
  writeKeyFile(bytes: Uint8Array): Promise<IpcResult<null>>;
  /** Overwrites the key file with random bytes of its length, flushes, then deletes it. */
  eraseKeyFile(): Promise<IpcResult<null>>;
  /**
   * Argon2id for unlocking, off the page (no 'wasm-unsafe-eval' in its CSP, no frozen UI):
   * in the main process, or in a worker in the browser.
   */
  deriveArgon2id(request: Argon2idIpcRequest): Promise<IpcResult<Uint8Array>>;
  /**
   * The coalitions' databases main may reach, after unlock; `[]` on lock (main also forgets
   * them when the page reloads). Requests in flight to a database no longer listed are aborted.
   */
  setCoalitionOrigins(remotes: CoalitionRemote[]): Promise<IpcResult<null>>;
  /** One replication request, made by main with Node's fetch under its checks. */
  coalitionFetch(request: CoalitionFetchRequest): Promise<IpcResult<CoalitionFetchOutcome>>;
}
