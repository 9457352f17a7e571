/**
 * Argon2id for the vault's key derivation. Node's own `crypto.argon2` where the runtime has it
 * (Node ≥ 24.7 built on OpenSSL ≥ 3.2); otherwise hash-wasm, WASM being fine here since the
 * main process has no CSP. Electron builds its Node on BoringSSL, which has no Argon2, so the
 * app is expected to take the second path; both give RFC 9106's Argon2id (the unit test checks
 * each against the reference implementation's vector).
 */
import * as nodeCrypto from 'node:crypto';
import { argon2idWithWasm } from '@shared/argon2id-wasm';
import type { Argon2idIpcRequest } from '@shared/ipc';

interface NodeArgon2Parameters {
  message: Uint8Array;
  nonce: Uint8Array;
  memory: number;
  passes: number;
  parallelism: number;
  tagLength: number;
}
/** `crypto.argon2` (Node ≥ 24.7); @types/node 20 does not declare it. */
export type NodeArgon2 = (
  algorithm: 'argon2id',
  parameters: NodeArgon2Parameters,
  callback: (error: Error | null, derivedKey: Uint8Array) => void,
) => void;

export function nodeArgon2(): NodeArgon2 | undefined {
  const candidate = (nodeCrypto as { argon2?: unknown }).argon2;
  return typeof candidate === 'function' ? (candidate as NodeArgon2) : undefined;
}

/** Node declares it but was built without Argon2 (OpenSSL < 3.2, or BoringSSL). */
const NOT_SUPPORTED = 'ERR_CRYPTO_ARGON2_NOT_SUPPORTED';

function withNode(argon2: NodeArgon2, request: Argon2idIpcRequest): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // Inside the executor: a synchronous throw (NOT_SUPPORTED) becomes a rejection.
    argon2(
      'argon2id',
      {
        message: request.password,
        nonce: request.salt,
        memory: request.memoryKiB,
        passes: request.iterations,
        parallelism: request.parallelism,
        tagLength: request.tagLength,
      },
      (error, derivedKey) => (error ? reject(error) : resolve(new Uint8Array(derivedKey))),
    );
  });
}

export async function argon2idInMain(
  request: Argon2idIpcRequest,
  native: NodeArgon2 | undefined = nodeArgon2(),
): Promise<Uint8Array> {
  if (native) {
    try {
      return await withNode(native, request);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== NOT_SUPPORTED) throw error;
    }
  }
  return argon2idWithWasm(request);
}
