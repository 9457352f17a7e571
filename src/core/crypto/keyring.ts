/**
 * The workspace's data key, wrapped (AES-GCM) by a key derived from the passphrase and,
 * optionally, by one derived from a recovery key. The keyring itself holds no secret: it is
 * stored in plain next to the encrypted data, since it must be read before unlocking.
 * Changing the passphrase re-wraps the same data key: the data is not re-encrypted.
 */
import { randomBytes } from './bytes';
import { WrongPassphraseError } from './errors';
import { deriveKey, newKdfParams, type KdfParams } from './kdf';
import { normalizeRecoveryKey, newRecoveryKey } from './recovery-key';
import { importAesKey, seal, unseal, type Sealed } from './sealed';

export const KEYRING_FORMAT = 'tadamun-keyring';
export const KEYRING_VERSION = 1;

export interface WrappedKey {
  kdf: KdfParams;
  sealed: Sealed;
}

export interface Keyring {
  format: typeof KEYRING_FORMAT;
  version: typeof KEYRING_VERSION;
  passphrase: WrappedKey;
  recovery?: WrappedKey;
}

const PASSPHRASE_CONTEXT = 'tadamun:data-key:passphrase';
const RECOVERY_CONTEXT = 'tadamun:data-key:recovery';

export interface KeyringOptions {
  /** PBKDF2 iterations for new wrappings (default DEFAULT_PBKDF2_ITERATIONS). */
  iterations?: number;
}

async function wrap(
  raw: Uint8Array<ArrayBuffer>,
  secret: string,
  context: string,
  options: KeyringOptions,
): Promise<WrappedKey> {
  const kdf = newKdfParams(options.iterations);
  const kek = await deriveKey(secret, kdf);
  return { kdf, sealed: await seal(kek, raw, context) };
}

async function unwrap(
  wrapped: WrappedKey,
  secret: string,
  context: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const kek = await deriveKey(secret, wrapped.kdf);
  try {
    return new Uint8Array(await unseal(kek, wrapped.sealed, context));
  } catch {
    throw new WrongPassphraseError();
  }
}

/** Imports the raw key for use (non-extractable) and wipes the raw bytes. */
async function useKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  try {
    return await importAesKey(raw);
  } finally {
    raw.fill(0);
  }
}

export interface NewKeyring {
  keyring: Keyring;
  dataKey: CryptoKey;
  /** Shown to the user once; not stored anywhere. */
  recoveryKey?: string;
}

export async function createKeyring(
  passphrase: string,
  options: KeyringOptions & { withRecoveryKey?: boolean } = {},
): Promise<NewKeyring> {
  const raw = randomBytes(32);
  const recoveryKey = options.withRecoveryKey ? newRecoveryKey() : undefined;
  const keyring: Keyring = {
    format: KEYRING_FORMAT,
    version: KEYRING_VERSION,
    passphrase: await wrap(raw, passphrase, PASSPHRASE_CONTEXT, options),
    ...(recoveryKey && {
      recovery: await wrap(raw, normalizeRecoveryKey(recoveryKey) ?? '', RECOVERY_CONTEXT, options),
    }),
  };
  return { keyring, dataKey: await useKey(raw), ...(recoveryKey && { recoveryKey }) };
}

/** Throws WrongPassphraseError when the passphrase does not open the keyring. */
export async function openKeyring(keyring: Keyring, passphrase: string): Promise<CryptoKey> {
  return useKey(await unwrap(keyring.passphrase, passphrase, PASSPHRASE_CONTEXT));
}

/** The keyring with the data key wrapped by a new passphrase (the current one must open it). */
export async function changePassphrase(
  keyring: Keyring,
  current: string,
  next: string,
  options: KeyringOptions = {},
): Promise<Keyring> {
  const raw = await unwrap(keyring.passphrase, current, PASSPHRASE_CONTEXT);
  try {
    return { ...keyring, passphrase: await wrap(raw, next, PASSPHRASE_CONTEXT, options) };
  } finally {
    raw.fill(0);
  }
}

/** A forgotten passphrase: the recovery key opens the data key and sets a new passphrase. */
export async function resetPassphrase(
  keyring: Keyring,
  recoveryKey: string,
  next: string,
  options: KeyringOptions = {},
): Promise<{ keyring: Keyring; dataKey: CryptoKey }> {
  const normalized = normalizeRecoveryKey(recoveryKey);
  if (!keyring.recovery || !normalized)
    throw new WrongPassphraseError('The recovery key is not correct.');
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await unwrap(keyring.recovery, normalized, RECOVERY_CONTEXT);
  } catch {
    throw new WrongPassphraseError('The recovery key is not correct.');
  }
  const passphrase = await wrap(raw, next, PASSPHRASE_CONTEXT, options);
  return { keyring: { ...keyring, passphrase }, dataKey: await useKey(raw) };
}

export function isKeyring(value: unknown): value is Keyring {
  const candidate = value as Partial<Keyring> | null | undefined;
  return (
    candidate?.format === KEYRING_FORMAT &&
    candidate.version === KEYRING_VERSION &&
    typeof candidate.passphrase === 'object'
  );
}
