/// <reference lib="webworker" />
/**
 * Argon2id for the browser build (no main process). hash-wasm when this worker may compile
 * WebAssembly (its own CSP allows it, see main/app-files.ts; the page's never does); plain JS
 * otherwise, about 5× slower. One request per worker; the client then ends it.
 */
import { argon2idWithWasm } from '@shared/argon2id-wasm';
import { argon2idInJs } from '@core/crypto/argon2id-js';
import type { Argon2idIpcRequest } from '@shared/ipc';

declare const self: DedicatedWorkerGlobalScope;

async function derive(request: Argon2idIpcRequest): Promise<Uint8Array> {
  try {
    return await argon2idWithWasm(request);
  } catch {
    // WebAssembly refused (a CSP without 'wasm-unsafe-eval') or unavailable.
    return argon2idInJs(request);
  }
}

self.onmessage = (event: MessageEvent<Argon2idIpcRequest>) => {
  const request = event.data;
  derive(request).then(
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
