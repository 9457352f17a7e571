/** IPC events from our own top frame or from elsewhere, and a call to a registered handler. */
import type { IpcResult } from '@shared/ipc';
import { senderFromOrigins } from '@main/ipc/handle-validated';
import { ipcMain } from '../../../helpers/electron-double';

export const trusted = senderFromOrigins(['app://tadamun']);

export function eventFrom(url: string, parent: unknown = null) {
  return { sender: {}, senderFrame: { url, parent } };
}
export const OWN_FRAME = eventFrom('app://tadamun/index.html#/letters');

export async function invoke<T>(
  channel: string,
  event: unknown,
  payload: unknown,
): Promise<IpcResult<T>> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, payload)) as IpcResult<T>;
}

export const validSave = () => ({
  suggestedName: '2026-11-25 Letter to Sen. Haddad.docx',
  bytes: new Uint8Array([80, 75, 3, 4]),
  filters: [{ name: 'Word document', extensions: ['docx'] }],
});
