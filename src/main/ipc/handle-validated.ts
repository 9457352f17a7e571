/**
 * Every IPC handler goes through here: the sender must be our own top frame, the payload
 * must pass its schema, and failures come back as `{ ok: false, error }`, never as throws.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { IpcResult } from '@shared/ipc';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Node's error codes for a write refused for lack of room (disk or quota). */
const NO_ROOM = new Set<unknown>(['ENOSPC', 'EDQUOT']);

/** Trusts only the main frame of a page loaded from one of `allowedOrigins`. */
export function senderFromOrigins(allowedOrigins: readonly string[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    let origin: string;
    try {
      const url = new URL(frame.url);
      origin = `${url.protocol}//${url.host}`;
    } catch {
      return false;
    }
    return allowedOrigins.includes(origin);
  };
}

export function handleValidated<S extends z.ZodType, R>(
  channel: string,
  schema: S,
  isTrustedSender: SenderCheck,
  handler: (payload: z.output<S>, event: IpcMainInvokeEvent) => Promise<R> | R,
): void {
  ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<R>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden-sender', message: 'Sender is not trusted' } };
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
        .join('; ');
      return { ok: false, error: { code: 'invalid-request', message } };
    }
    try {
      return { ok: true, value: await handler(parsed.data, event) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = NO_ROOM.has((error as { code?: unknown } | null)?.code) ? 'disk-full' : 'failed';
      return { ok: false, error: { code, message } };
    }
  });
}
