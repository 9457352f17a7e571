import type { Argon2idDeriver } from '@core/crypto';
import { bridge } from '@renderer/lib/bridge';

/**
 * The vault's Argon2id: computed in the main process (a worker in the browser build), never on
 * the page. Only what the IPC contract carries is sent.
 */
export const appArgon2id: Argon2idDeriver = async (request) => {
  const { password, salt, memoryKiB, iterations, parallelism, tagLength } = request;
  const result = await bridge.deriveArgon2id({
    password,
    salt,
    memoryKiB,
    iterations,
    parallelism,
    tagLength,
  });
  if (!result.ok) throw new Error(`Key derivation failed: ${result.error.message}`);
  return result.value;
};
