/**
 * Worker entry (built as out/main/argon2id-worker.js): computes one Argon2id request off the
 * main process's thread, answers once and wipes its copy of the passphrase. See argon2id-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { Argon2idIpcRequest } from '@shared/ipc';
import { argon2idInMain } from './argon2id';

/** What the worker answers: the tag, or why it could not compute one. */
export type Argon2idWorkerAnswer = { ok: true; tag: Uint8Array } | { ok: false; message: string };

parentPort?.once('message', (request: Argon2idIpcRequest) => {
  argon2idInMain(request)
    .then(
      (tag) => parentPort?.postMessage({ ok: true, tag } satisfies Argon2idWorkerAnswer),
      (error: unknown) =>
        parentPort?.postMessage({
          ok: false,
          message: error instanceof Error ? error.message : 'Argon2id failed',
        } satisfies Argon2idWorkerAnswer),
    )
    .finally(() => request.password.fill(0));
});
