/** Argon2id through hash-wasm, as the main process and the browser build's worker both run it. */
import { argon2id } from 'hash-wasm';
import type { Argon2idIpcRequest } from './ipc';

export function argon2idWithWasm(request: Argon2idIpcRequest): Promise<Uint8Array> {
  return argon2id({
    password: request.password,
    salt: request.salt,
    memorySize: request.memoryKiB,
    iterations: request.iterations,
    parallelism: request.parallelism,
    hashLength: request.tagLength,
    outputType: 'binary',
  });
}
