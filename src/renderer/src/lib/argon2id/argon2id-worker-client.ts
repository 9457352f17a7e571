/**
 * The browser adapter's deriveArgon2id: each request in its own worker, so that the unlock's
 * two derivations (passphrase and duress slot) run side by side, as in the main process.
 */
import type { Argon2idIpcRequest, IpcResult } from '@shared/ipc';

type Answer = { tag: Uint8Array } | { error: string };

export function deriveArgon2idInWorker(
  request: Argon2idIpcRequest,
): Promise<IpcResult<Uint8Array>> {
  return new Promise((resolve) => {
    const fail = (message: string) => resolve({ ok: false, error: { code: 'failed', message } });
    let worker: Worker;
    try {
      worker = new Worker(new URL('./argon2id.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      fail(error instanceof Error ? error.message : 'The key derivation worker did not start');
      return;
    }
    worker.onmessage = (event: MessageEvent<Answer>) => {
      worker.terminate();
      const answer = event.data;
      if ('tag' in answer) resolve({ ok: true, value: answer.tag });
      else fail(answer.error);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      fail(event.message || 'The key derivation worker failed');
    };
    // A copy goes to the worker (which wipes it); the caller wipes its own.
    worker.postMessage(request);
  });
}
