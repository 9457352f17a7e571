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

export type IpcErrorCode = 'invalid-request' | 'forbidden-sender' | 'failed';
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
export type MenuCommand = { type: 'navigate'; route: AppRoute };

/** The whole API the renderer gets as `window.tadamun` (or from the browser adapter). */
export interface TadamunApi {
  readonly runtime: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<IpcResult<SaveFileOutcome>>;
  setUiLanguage(language: UiLanguage): Promise<IpcResult<null>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
