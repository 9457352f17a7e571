/// <reference lib="webworker" />
/**
 * Argon2id for the browser build (no main process): plain JS, since the worker's CSP, like the
 * page's, has no 'wasm-unsafe-eval'. One request per worker; the client then ends it.
 */
import { argon2idInJs } from '@core/crypto/argon2id-js';
import type { Argon2idIpcRequest } from '@shared/ipc';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<Argon2idIpcRequest>) => {
  const request = event.data;
  argon2idInJs(request).then(
    (tag) => {
      request.password.fill(0);
      self.postMessage({ tag }, [tag.buffer]);
    },
    (error: unknown) => {
      request.password.fill(0);
      self.postMessage({ error: error instanceof Error ? error.message : 'Argon2id failed' });
    },
  );
};
