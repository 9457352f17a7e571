/**
 * The key file's contents and its encoding: JSON, with byte strings as tagged base64, so
 * that the keyring and its KDF parameters are stored as they are, whatever they hold.
 */
import { fromBase64, toBase64, utf8 } from '../crypto/bytes';
import { TamperedDataError } from '../crypto/errors';
import { isDuressSlot, type DuressSlot } from '../crypto/duress';
import { isKeyring, type Keyring } from '../crypto/keyring';

export const KEY_FILE_FORMAT = 'tadamun-keyfile';
export const KEY_FILE_VERSION = 1;
/** Far above any real key file (a few kilobytes): a larger one is refused unread. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

export interface Lockout {
  failedAttempts: number;
  /** Erase everything after this many failed unlocks in a row; null: never (the default). */
  wipeAfter: number | null;
}

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: typeof KEY_FILE_VERSION;
  keyring: Keyring;
  duress?: DuressSlot;
  lockout: Lockout;
}

const BYTES_TAG = '$bytes';
const BUFFER_TAG = '$buffer';

export function encodeKeyFile(file: KeyFile): Uint8Array<ArrayBuffer> {
  const text = JSON.stringify(file, function (this: unknown, _key, value: unknown) {
    if (value instanceof Uint8Array) return { [BYTES_TAG]: toBase64(value) };
    if (value instanceof ArrayBuffer) return { [BUFFER_TAG]: toBase64(new Uint8Array(value)) };
    return value;
  });
  return utf8.encode(text);
}

function isLockout(value: unknown): value is Lockout {
  const lockout = value as Partial<Lockout> | null | undefined;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  return (
    !!lockout &&
    count(lockout.failedAttempts) &&
    (lockout.wipeAfter === null || count(lockout.wipeAfter))
  );
}

/** Throws TamperedDataError ("keyfile") when the bytes are not a key file this app wrote. */
export function decodeKeyFile(bytes: Uint8Array): KeyFile {
  let parsed: unknown;
  try {
    if (bytes.byteLength > MAX_KEY_FILE_BYTES) throw new Error('too large');
    parsed = JSON.parse(utf8.decode(new Uint8Array(bytes)), (_key, value: unknown) => {
      const tagged = value as Record<string, unknown> | null;
      if (tagged && typeof tagged === 'object' && Object.keys(tagged).length === 1) {
        if (typeof tagged[BYTES_TAG] === 'string') return fromBase64(tagged[BYTES_TAG]);
        if (typeof tagged[BUFFER_TAG] === 'string') return fromBase64(tagged[BUFFER_TAG]).buffer;
      }
      return value;
    });
  } catch {
    throw new TamperedDataError('keyfile');
  }
  const file = parsed as Partial<KeyFile> | null;
  if (
    file?.format !== KEY_FILE_FORMAT ||
    file.version !== KEY_FILE_VERSION ||
    !isKeyring(file.keyring) ||
    !isLockout(file.lockout) ||
    (file.duress !== undefined && !isDuressSlot(file.duress))
  ) {
    throw new TamperedDataError('keyfile');
  }
  return file as KeyFile;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}
