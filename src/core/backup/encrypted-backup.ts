/**
 * Encrypted backup files: the JSON backup sealed (AES-GCM) with a key derived from a backup
 * passphrase, which may differ from the app's. A versioned plain header says how to derive
 * the key; the header is authenticated too, so editing it is detected like editing the data.
 * Restoring decrypts and validates everything before anything is written.
 */
import { sealedFromBase64, toBase64, utf8 } from '../crypto/bytes';
import { checkPbkdf2Params, deriveKey, newPbkdf2Params, type Pbkdf2Params } from '../crypto/kdf';
import { unseal } from '../crypto/sealed';
import type { RecordStore } from '../db/record-store';
import { readSavedFilters } from '../db/repositories/saved-filters';
import {
  BackupError,
  createBackup,
  restoreBackup,
  serializeBackup,
  type RestoreMode,
} from './backup';

export const ENCRYPTED_BACKUP_FORMAT = 'tadamun-encrypted-backup';
export const ENCRYPTED_BACKUP_VERSION = 1;
/** The file name extension the app offers. */
export const ENCRYPTED_BACKUP_EXTENSION = 'tadamun-backup';

interface EncryptedBackupFile {
  format: typeof ENCRYPTED_BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** PBKDF2 only: the header's authenticated text (below) names exactly its fields. */
  kdf: Pbkdf2Params;
  /** base64 of the 12-byte nonce */
  iv: string;
  /** base64 of the sealed backup JSON */
  ciphertext: string;
}

type Header = Omit<EncryptedBackupFile, 'ciphertext'>;

function context(header: Header): string {
  const { format, version, createdAt, kdf, iv } = header;
  return JSON.stringify([format, version, createdAt, kdf.algorithm, kdf.iterations, kdf.salt, iv]);
}

export async function createEncryptedBackup(
  store: RecordStore,
  passphrase: string,
  options: { now?: Date; iterations?: number } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const savedFilters = await readSavedFilters(store);
  const plaintext = utf8.encode(serializeBackup(createBackup(store, now, { savedFilters })));
  const kdf = newPbkdf2Params(options.iterations);
  const key = await deriveKey(passphrase, kdf);
  // The nonce is part of the authenticated header, so it is chosen before sealing.
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: Header = {
    format: ENCRYPTED_BACKUP_FORMAT,
    version: ENCRYPTED_BACKUP_VERSION,
    createdAt: now.toISOString(),
    kdf,
    iv: toBase64(iv),
  };
  const sealed = await sealWithIv(key, plaintext, context(header), iv);
  const file: EncryptedBackupFile = { ...header, ciphertext: toBase64(new Uint8Array(sealed)) };
  return JSON.stringify(file);
}

async function sealWithIv(
  key: CryptoKey,
  plaintext: Uint8Array<ArrayBuffer>,
  additional: string,
  iv: Uint8Array<ArrayBuffer>,
): Promise<ArrayBuffer> {
  return crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8.encode(additional) },
    key,
    plaintext,
  );
}

function parseFile(text: string): EncryptedBackupFile {
  let json: Partial<EncryptedBackupFile>;
  try {
    json = JSON.parse(text) as Partial<EncryptedBackupFile>;
  } catch {
    throw new BackupError('This is not a Tadamun backup file, or it is damaged (not JSON).');
  }
  if (json?.format !== ENCRYPTED_BACKUP_FORMAT) {
    throw new BackupError('This is not an encrypted Tadamun backup file.');
  }
  if (typeof json.version !== 'number' || json.version > ENCRYPTED_BACKUP_VERSION) {
    throw new BackupError(
      `This backup was made by a newer version of Tadamun (encrypted backup version ${String(json.version)}). Update Tadamun to restore it.`,
    );
  }
  try {
    checkPbkdf2Params(json.kdf);
  } catch (error) {
    throw new BackupError(`The backup file's header is damaged: ${(error as Error).message}.`);
  }
  if (
    typeof json.createdAt !== 'string' ||
    typeof json.iv !== 'string' ||
    typeof json.ciphertext !== 'string'
  ) {
    throw new BackupError('The backup file is incomplete: a part of its header is missing.');
  }
  return json as EncryptedBackupFile;
}

/** The plain backup JSON inside an encrypted file; BackupError on any problem. */
export async function decryptBackup(text: string, passphrase: string): Promise<string> {
  const file = parseFile(text);
  const sealed = sealedFromBase64(file);
  if (!sealed) {
    throw new BackupError('The backup file is damaged (its encrypted part is not readable).');
  }
  const key = await deriveKey(passphrase, file.kdf);
  try {
    const { ciphertext: _data, ...header } = file;
    const plaintext = await unseal(key, sealed, context(header));
    return utf8.decode(plaintext);
  } catch {
    throw new BackupError(
      'The backup could not be decrypted: the passphrase is wrong, or the file was altered or damaged. Nothing was changed.',
    );
  }
}

/** Decrypts, validates, then restores; a wrong passphrase or a bad file changes nothing. */
export async function restoreEncryptedBackup(
  store: RecordStore,
  text: string,
  passphrase: string,
  mode: RestoreMode,
): Promise<void> {
  await restoreBackup(store, await decryptBackup(text, passphrase), mode);
}
