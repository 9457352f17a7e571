/** Windows whose pages call IPC, from our own top frame or from elsewhere. */
import { createHash } from 'node:crypto';
import type { IpcResult } from '@shared/ipc';
import { senderFromOrigins } from '@main/ipc/handle-validated';
import { BrowserWindow, ipcMain } from '../../../helpers/electron-double';

export const trusted = senderFromOrigins(['app://tadamun']);
export const APP_URL = 'app://tadamun/index.html#/settings';

export function openWindow(): BrowserWindow {
  const window = new BrowserWindow({});
  window.show();
  return window;
}
export function eventFrom(window: BrowserWindow, url = APP_URL, parent: unknown = null) {
  return { sender: window.webContents, senderFrame: { url, parent } };
}

export async function invoke<T>(channel: string, event: unknown, ...args: unknown[]) {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, ...args)) as IpcResult<T>;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const FOREIGN_SENDERS: [string, string, unknown][] = [
  ['a remote page', 'https://evil.example/', null],
  ['another app:// host', 'app://evil/index.html', null],
  ['a subframe of our page', APP_URL, {}],
];
