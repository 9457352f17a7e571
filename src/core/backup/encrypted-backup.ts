/**
 * Encrypted backup files: the JSON backup sealed (AES-GCM) with a key derived from a backup
 * passphrase, which may differ from the app's. A versioned plain header says how to derive
 * the key; the header is authenticated too, so editing it is detected like editing the data.
 * Version 2 derives with Argon2id at the workspace's cost, through the app's deriver (main
 * process or worker); version 1 files (PBKDF2-SHA256) still restore. KDF parameters weaker
 * than their version allows, or unknown, are refused before any derivation.
 * Restoring decrypts and validates everything before anything is written.
 */
import { sealedFromBase64, toBase64, utf8 } from '../crypto/bytes';
import {
  ARGON2ID_ALGORITHM,
  DEFAULT_ARGON2ID_COST,
  KDF_ALGORITHM,
  checkArgon2idNotWeakened,
  checkKdfParams,
  checkPbkdf2Params,
  deriveKey,
  newKdfParams,
  type Argon2idDeriver,
  type Argon2idParams,
  type Pbkdf2Params,
} from '../crypto/kdf';
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
export const ENCRYPTED_BACKUP_VERSION = 2;
/** Version 1 files were sealed under PBKDF2-SHA256; they are still read. */
const PBKDF2_BACKUP_VERSION = 1;
/** The file name extension the app offers. */
export const ENCRYPTED_BACKUP_EXTENSION = 'tadamun-backup';

interface EncryptedBackupFile {
  format: typeof ENCRYPTED_BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Argon2id from version 2, PBKDF2 in version 1; the authenticated text names each field. */
  kdf: Argon2idParams | Pbkdf2Params;
  /** base64 of the 12-byte nonce */
  iv: string;
  /** base64 of the sealed backup JSON */
  ciphertext: string;
}

type Header = Omit<EncryptedBackupFile, 'ciphertext'>;

function context(header: Header): string {
  const { format, version, createdAt, kdf, iv } = header;
  const cost =
    kdf.algorithm === ARGON2ID_ALGORITHM
      ? [kdf.memoryKiB, kdf.iterations, kdf.parallelism]
      : [kdf.iterations];
  return JSON.stringify([format, version, createdAt, kdf.algorithm, ...cost, kdf.salt, iv]);
}

/**
 * Seals the workspace under `passphrase` with Argon2id at the workspace's cost (64 MiB, 3
 * passes, 1 lane), computed by `argon2id`: the app's deriver, never the page.
 */
export async function createEncryptedBackup(
  store: RecordStore,
  passphrase: string,
  options: { argon2id: Argon2idDeriver; now?: Date },
): Promise<string> {
  const now = options.now ?? new Date();
  const savedFilters = await readSavedFilters(store);
  const plaintext = utf8.encode(serializeBackup(createBackup(store, now, { savedFilters })));
  const kdf = newKdfParams(DEFAULT_ARGON2ID_COST);
  const key = await deriveKey(passphrase, kdf, options.argon2id);
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
  checkBackupKdf(json.version, json.kdf);
  if (
    typeof json.createdAt !== 'string' ||
    typeof json.iv !== 'string' ||
    typeof json.ciphertext !== 'string'
  ) {
    throw new BackupError('The backup file is incomplete: a part of its header is missing.');
  }
  return json as EncryptedBackupFile;
}

/** The header's KDF settings were altered: told apart from a wrong passphrase. */
export class BackupKdfError extends BackupError {
  constructor(detail: string) {
    super(
      `The backup file's key settings were altered (${detail}); it was not opened. Nothing was changed.`,
    );
    this.name = 'BackupKdfError';
  }
}

/**
 * Version 1: PBKDF2 at OWASP's floor or more. Version 2: Argon2id at no less than Tadamun
 * writes (it never writes weaker, so a weaker file was altered) and no absurd cost (which would
 * hang the app). Checked before any derivation, so the user is told why, not "wrong passphrase".
 */
function checkBackupKdf(version: number, kdf: unknown): void {
  const params = kdf as Partial<Argon2idParams> | null | undefined;
  const expected = version <= PBKDF2_BACKUP_VERSION ? KDF_ALGORITHM : ARGON2ID_ALGORITHM;
  if (params?.algorithm !== expected) {
    throw new BackupKdfError(
      `algorithm ${JSON.stringify(params?.algorithm ?? null)}, expected ${expected}`,
    );
  }
  try {
    if (expected === ARGON2ID_ALGORITHM) {
      checkKdfParams(kdf);
      checkArgon2idNotWeakened(kdf);
    } else checkPbkdf2Params(kdf);
  } catch (error) {
    throw new BackupKdfError((error as Error).message.replace(/^Key derivation: /, ''));
  }
}

/** The plain backup JSON inside an encrypted file; BackupError on any problem. */
export async function decryptBackup(
  text: string,
  passphrase: string,
  argon2id: Argon2idDeriver,
): Promise<string> {
  const file = parseFile(text);
  const sealed = sealedFromBase64(file);
  if (!sealed) {
    throw new BackupError('The backup file is damaged (its encrypted part is not readable).');
  }
  const key = await deriveKey(passphrase, file.kdf, argon2id);
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
  argon2id: Argon2idDeriver,
): Promise<void> {
  await restoreBackup(store, await decryptBackup(text, passphrase, argon2id), mode);
}
