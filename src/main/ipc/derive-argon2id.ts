import { IpcChannel } from '@shared/ipc';
import { argon2idRequestSchema } from '@shared/ipc-schemas';
import { argon2idInMain } from '../argon2id';
import type { Argon2idInMain } from '../argon2id-pool';
import { handleValidated, type SenderCheck } from './handle-validated';

/**
 * deriveArgon2id: the vault's key derivation, computed here so the page's CSP needs no
 * 'wasm-unsafe-eval' (the app passes `argon2idPool`: worker threads). The passphrase bytes are
 * wiped once the tag is computed.
 */
export function registerDeriveArgon2id(
  isTrustedSender: SenderCheck,
  derive: Argon2idInMain = argon2idInMain,
): void {
  handleValidated(
    IpcChannel.deriveArgon2id,
    argon2idRequestSchema,
    isTrustedSender,
    async (request) => {
      try {
        return await derive(request);
      } finally {
        request.password.fill(0);
      }
    },
  );
}
