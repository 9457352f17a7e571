/**
 * The workspace's data key, wrapped (AES-GCM) by a key derived from the passphrase and,
 * optionally, by one derived from a recovery key. The keyring itself holds no secret: it is
 * stored in plain next to the encrypted data, since it must be read before unlocking.
 * Changing the passphrase (or recovering) rotates the data key: a new key is wrapped, the old
 * one is kept sealed under it (`rotation`) until every row is re-sealed, then dropped.
 */
import { randomBytes, utf8 } from './bytes';
import { TamperedDataError, WrongPassphraseError } from './errors';
import {
  DEFAULT_KDF_COST,
  KDF_ALGORITHM,
  deriveKey,
  kdfBelow,
  newKdfParams,
  type Argon2idDeriver,
  type KdfCost,
  type KdfParams,
} from './kdf';
import { normalizeRecoveryKey, newRecoveryKey } from './recovery-key';
import { importAesKey, seal, unseal, type Sealed } from './sealed';

export const KEYRING_FORMAT = 'tadamun-keyring';
export const KEYRING_VERSION = 1;

export interface WrappedKey {
  kdf: KdfParams;
  sealed: Sealed;
}

/** A key rotation under way: rows still sealed with the previous key remain readable. */
export interface KeyRotation {
  /** The generation of the key being replaced (rows carry the generation that sealed them). */
  generation: number;
  /** The previous data key, sealed with the current one: the new passphrase opens both. */
  previousKey: Sealed;
  /** The new recovery key's text, sealed with the current data key, until it is shown. */
  recoveryKey?: Sealed;
}

export interface Keyring {
  format: typeof KEYRING_FORMAT;
  version: typeof KEYRING_VERSION;
  passphrase: WrappedKey;
  recovery?: WrappedKey;
  /** Counts data keys: 0 (absent) for the first, one more at each rotation. */
  generation?: number;
  rotation?: KeyRotation;
}

const PASSPHRASE_CONTEXT = 'tadamun:data-key:passphrase';
const RECOVERY_CONTEXT = 'tadamun:data-key:recovery';
const previousKeyContext = (generation: number) => `tadamun:data-key:previous/${generation}`;
const RECOVERY_TEXT_CONTEXT = 'tadamun:recovery-key:new';

export interface KeyringOptions {
  /** The KDF and cost of new wrappings (default DEFAULT_KDF_COST: Argon2id). */
  cost?: KdfCost;
  /** Shorthand for a PBKDF2 cost with this many iterations (fast tests). */
  iterations?: number;
  /** Where Argon2id is computed (default: plain JS on this thread). */
  argon2id?: Argon2idDeriver;
}

/** The cost new wrappings get under `options`. */
export function wrappingCost(options: KeyringOptions): KdfCost {
  if (options.cost) return options.cost;
  if (options.iterations !== undefined) {
    return { algorithm: KDF_ALGORITHM, iterations: options.iterations };
  }
  return DEFAULT_KDF_COST;
}

async function wrap(
  raw: Uint8Array<ArrayBuffer>,
  secret: string,
  context: string,
  options: KeyringOptions,
): Promise<WrappedKey> {
  const kdf = newKdfParams(wrappingCost(options));
  const kek = await deriveKey(secret, kdf, options.argon2id);
  return { kdf, sealed: await seal(kek, raw, context) };
}

async function unwrap(
  wrapped: WrappedKey,
  secret: string,
  context: string,
  options: KeyringOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const kek = await deriveKey(secret, wrapped.kdf, options.argon2id);
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
  // Side by side: where Argon2id runs in workers, set-up waits for one derivation, not two.
  const [passphraseWrapping, recovery] = await Promise.all([
    wrap(raw, passphrase, PASSPHRASE_CONTEXT, options),
    recoveryKey
      ? wrap(raw, normalizeRecoveryKey(recoveryKey) ?? '', RECOVERY_CONTEXT, options)
      : undefined,
  ]);
  const keyring: Keyring = {
    format: KEYRING_FORMAT,
    version: KEYRING_VERSION,
    passphrase: passphraseWrapping,
    ...(recovery && { recovery }),
  };
  return { keyring, dataKey: await useKey(raw), ...(recoveryKey && { recoveryKey }) };
}

/** Throws WrongPassphraseError when the passphrase does not open the keyring. */
export async function openKeyring(
  keyring: Keyring,
  passphrase: string,
  options: KeyringOptions = {},
): Promise<CryptoKey> {
  return useKey(await unwrap(keyring.passphrase, passphrase, PASSPHRASE_CONTEXT, options));
}

/**
 * Opens the keyring (WrongPassphraseError otherwise) and, when its passphrase wrapping is
 * below the cost of new wrappings (PBKDF2 from before Argon2id), wraps the same data key again
 * at that cost: `upgraded` replaces the stored keyring in one write, the old wrapping with it.
 * The recovery wrapping cannot follow without the recovery key: it moves at the next rotation.
 */
export async function unlockKeyring(
  keyring: Keyring,
  passphrase: string,
  options: KeyringOptions = {},
): Promise<{ dataKey: CryptoKey; upgraded?: Keyring }> {
  const raw = await unwrap(keyring.passphrase, passphrase, PASSPHRASE_CONTEXT, options);
  let upgraded: Keyring | undefined;
  if (kdfBelow(keyring.passphrase.kdf, wrappingCost(options))) {
    upgraded = await rewrapped(keyring, raw, passphrase, options).catch(() => undefined);
  }
  return { dataKey: await useKey(raw), ...(upgraded && { upgraded }) };
}

/**
 * The keyring with `raw` wrapped again by the passphrase at the current cost, checked by
 * opening it (one more derivation, once): the only wrapping of the data key is replaced only
 * by one known to open. Fails (and the old one stays) when the deriver fails.
 */
async function rewrapped(
  keyring: Keyring,
  raw: Uint8Array<ArrayBuffer>,
  passphrase: string,
  options: KeyringOptions,
): Promise<Keyring> {
  const passphraseWrapping = await wrap(raw, passphrase, PASSPHRASE_CONTEXT, options);
  const check = await unwrap(passphraseWrapping, passphrase, PASSPHRASE_CONTEXT, options);
  const same = check.length === raw.length && check.every((byte, i) => byte === raw[i]);
  check.fill(0);
  if (!same) throw new Error('Key derivation: the new wrapping does not open');
  return { ...keyring, passphrase: passphraseWrapping };
}

export interface Rotation {
  /** To store at once: the new key's wrappings, and the old key sealed under the new one. */
  keyring: Keyring;
  /** The new data key: rows are sealed with it from now on. */
  dataKey: CryptoKey;
  /** Replaces the old recovery key when the keyring had one; shown to the user once. */
  recoveryKey?: string;
}

/** Refuses a second rotation before the first is finished (its previous key would be lost). */
function checkNotRotating(keyring: Keyring): void {
  if (keyring.rotation) {
    throw new Error('A change of key is still under way: unlock the workspace to finish it.');
  }
}

/** A new data key for `oldRaw` (wiped here), wrapped by `next` and a new recovery key. */
async function rotateFrom(
  keyring: Keyring,
  oldRaw: Uint8Array<ArrayBuffer>,
  next: string,
  options: KeyringOptions,
): Promise<Rotation> {
  try {
    const raw = randomBytes(32);
    const generation = (keyring.generation ?? 0) + 1;
    const recoveryKey = keyring.recovery ? newRecoveryKey() : undefined;
    const [passphrase, recovery] = await Promise.all([
      wrap(raw, next, PASSPHRASE_CONTEXT, options),
      recoveryKey
        ? wrap(raw, normalizeRecoveryKey(recoveryKey) ?? '', RECOVERY_CONTEXT, options)
        : undefined,
    ]);
    const dataKey = await useKey(raw);
    const rotation: KeyRotation = {
      generation: generation - 1,
      previousKey: await seal(dataKey, oldRaw, previousKeyContext(generation - 1)),
      ...(recoveryKey && {
        recoveryKey: await seal(dataKey, utf8.encode(recoveryKey), RECOVERY_TEXT_CONTEXT),
      }),
    };
    const { recovery: _old, rotation: _none, ...rest } = keyring;
    return {
      keyring: { ...rest, passphrase, ...(recovery && { recovery }), generation, rotation },
      dataKey,
      ...(recoveryKey && { recoveryKey }),
    };
  } finally {
    oldRaw.fill(0);
  }
}

/**
 * Begins a rotation with the current passphrase (WrongPassphraseError if it does not open
 * the keyring): the returned keyring must be stored before any row is sealed with the new key.
 */
export async function rotateWithPassphrase(
  keyring: Keyring,
  current: string,
  next: string,
  options: KeyringOptions = {},
): Promise<Rotation> {
  checkNotRotating(keyring);
  const raw = await unwrap(keyring.passphrase, current, PASSPHRASE_CONTEXT, options);
  return rotateFrom(keyring, raw, next, options);
}

/** A forgotten passphrase: the recovery key opens the old data key and a rotation begins. */
export async function rotateWithRecoveryKey(
  keyring: Keyring,
  recoveryKey: string,
  next: string,
  options: KeyringOptions = {},
): Promise<Rotation & { previousKey: CryptoKey }> {
  checkNotRotating(keyring);
  const normalized = normalizeRecoveryKey(recoveryKey);
  if (!keyring.recovery || !normalized)
    throw new WrongPassphraseError('The recovery key is not correct.');
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await unwrap(keyring.recovery, normalized, RECOVERY_CONTEXT, options);
  } catch {
    throw new WrongPassphraseError('The recovery key is not correct.');
  }
  const previousKey = await useKey(new Uint8Array(raw));
  return { ...(await rotateFrom(keyring, raw, next, options)), previousKey };
}

/** What a stored, unfinished rotation holds, opened with the current data key. */
export async function openRotation(
  keyring: Keyring,
  dataKey: CryptoKey,
): Promise<{ generation: number; previousKey: CryptoKey; recoveryKey?: string } | undefined> {
  const { rotation } = keyring;
  if (!rotation) return undefined;
  const context = previousKeyContext(rotation.generation);
  const raw = new Uint8Array(await unsealKey(dataKey, rotation.previousKey, context));
  const text = rotation.recoveryKey
    ? utf8.decode(await unsealKey(dataKey, rotation.recoveryKey, RECOVERY_TEXT_CONTEXT))
    : undefined;
  return {
    generation: rotation.generation,
    previousKey: await useKey(raw),
    ...(text && { recoveryKey: text }),
  };
}

async function unsealKey(key: CryptoKey, sealed: Sealed, context: string): Promise<ArrayBuffer> {
  try {
    return await unseal(key, sealed, context);
  } catch {
    throw new TamperedDataError(`keyring/${context}`);
  }
}

/** Every row is sealed with the current key: the keyring without the previous one. */
export function endRotation(keyring: Keyring): Keyring {
  const { rotation: _done, ...rest } = keyring;
  return rest;
}

export function isKeyring(value: unknown): value is Keyring {
  const candidate = value as Partial<Keyring> | null | undefined;
  return (
    candidate?.format === KEYRING_FORMAT &&
    candidate.version === KEYRING_VERSION &&
    typeof candidate.passphrase === 'object'
  );
}
