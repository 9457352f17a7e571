/**
 * Argon2id in plain JavaScript (@noble/hashes, audited): no WASM, so it runs under any CSP, in
 * a worker or on the page. About 5× slower than native or WASM code: the app uses it where
 * nothing faster is allowed (the browser build's worker) or as the last fallback.
 */
import { argon2idAsync } from '@noble/hashes/argon2';
import type { Argon2idRequest } from './kdf';

export function argon2idInJs(request: Argon2idRequest): Promise<Uint8Array> {
  return argon2idAsync(request.password, request.salt, {
    m: request.memoryKiB,
    t: request.iterations,
    p: request.parallelism,
    dkLen: request.tagLength,
    ...(request.secret && { key: request.secret }),
    ...(request.associatedData && { personalization: request.associatedData }),
  });
}
