/**
 * Files sealed under a one-time passphrase the app generates (coalition invitations and
 * bundles): a public header (format, version, any fields of the kind's own such as a key id,
 * the KDF settings), the sealed JSON content, and a checksum of all of it, so that a damaged
 * copy is told from a wrong passphrase before any key derivation. Callers turn
 * PassphraseFileError into their own errors.
 */
import { z } from 'zod';
import { sealedFromBase64, sha256Hex, toBase64, utf8 } from '../crypto/bytes';
import {
  deriveKey,
  kdfSettingsProblem,
  newKdfParams,
  type Argon2idDeriver,
  type KdfCost,
  type KdfParams,
} from '../crypto/kdf';
import { newRecoveryKey, normalizeRecoveryKey } from '../crypto/recovery-key';
import { seal, unseal } from '../crypto/sealed';
import { canonicalJson } from './shared-record';

export type PassphraseFileProblem =
  /** Another format (or not JSON of an object with this format). */
  | 'not-this-format'
  | 'newer-version'
  /** Structure, checksum, nonce or KDF settings wrong: cut short or changed in transit. */
  | 'damaged'
  | 'wrong-passphrase'
  /** It opens, but what is inside is not JSON. */
  | 'invalid-content';

export class PassphraseFileError extends Error {
  constructor(
    readonly problem: PassphraseFileProblem,
    /** For 'damaged' by its KDF settings: kdfSettingsProblem's code. */
    readonly kdfProblem?: string,
  ) {
    super(`Passphrase file refused: ${problem}${kdfProblem ? ` (${kdfProblem})` : ''}`);
    this.name = 'PassphraseFileError';
  }
}

export interface PassphraseFileKind {
  format: string;
  version: number;
  /** Public header fields of this kind, in the order they are authenticated (before the KDF). */
  fields?: Readonly<Record<string, z.ZodString>>;
}

/** A file whose structure, checksum and KDF settings were checked, not yet opened. */
export interface PassphraseFile {
  format: string;
  version: number;
  kdf: KdfParams;
  /** The kind's own header fields. */
  fields: Record<string, string>;
  iv: string;
  ciphertext: string;
}

const fieldNames = (kind: PassphraseFileKind) => Object.keys(kind.fields ?? {});

/** The authenticated header (GCM authenticates the nonce itself). */
const contextOf = (kind: PassphraseFileKind, header: Omit<PassphraseFile, 'iv' | 'ciphertext'>) =>
  JSON.stringify([
    header.format,
    header.version,
    ...fieldNames(kind).map((name) => header.fields[name]),
    canonicalJson(header.kdf),
  ]);

const checksumOf = (kind: PassphraseFileKind, file: PassphraseFile) =>
  sha256Hex(utf8.encode(JSON.stringify([contextOf(kind, file), file.iv, file.ciphertext])));

export interface SealedPassphraseFile {
  /** The file's text (JSON). */
  file: string;
  /** The one-time passphrase, to pass on separately. */
  passphrase: string;
}

/** Seals `content` (as JSON) under a new one-time passphrase. */
export async function sealPassphraseFile(
  kind: PassphraseFileKind,
  fields: Record<string, string>,
  content: unknown,
  options: { cost?: KdfCost | undefined; argon2id?: Argon2idDeriver | undefined },
): Promise<SealedPassphraseFile> {
  const passphrase = newRecoveryKey();
  const kdf = newKdfParams(options.cost);
  const key = await deriveKey(normalizeRecoveryKey(passphrase) ?? '', kdf, options.argon2id);
  const header = { format: kind.format, version: kind.version, kdf, fields };
  const sealed = await seal(key, utf8.encode(JSON.stringify(content)), contextOf(kind, header));
  const file: PassphraseFile = {
    ...header,
    iv: toBase64(sealed.iv),
    ciphertext: toBase64(new Uint8Array(sealed.data)),
  };
  const { format, version, iv, ciphertext } = file;
  const text = JSON.stringify({
    format,
    version,
    ...fields,
    kdf,
    iv,
    ciphertext,
    checksum: await checksumOf(kind, file),
  });
  return { file: text, passphrase };
}

/** Checks a parsed file's format, version, structure, checksum and KDF settings, in that order. */
export async function readPassphraseFile(
  kind: PassphraseFileKind,
  json: unknown,
): Promise<PassphraseFile> {
  if ((json as { format?: unknown } | null)?.format !== kind.format)
    throw new PassphraseFileError('not-this-format');
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > kind.version)
    throw new PassphraseFileError('newer-version');
  const parsed = z
    .object({
      format: z.literal(kind.format),
      version: z.number().int().min(1),
      ...kind.fields,
      kdf: z.unknown(),
      iv: z.string().min(1),
      ciphertext: z.string().min(1),
      checksum: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .safeParse(json);
  if (!parsed.success) throw new PassphraseFileError('damaged');
  const data = parsed.data as Record<string, unknown>;
  const file: PassphraseFile = {
    format: kind.format,
    version: data['version'] as number,
    kdf: data['kdf'] as KdfParams,
    fields: Object.fromEntries(fieldNames(kind).map((name) => [name, data[name] as string])),
    iv: data['iv'] as string,
    ciphertext: data['ciphertext'] as string,
  };
  if ((await checksumOf(kind, file)) !== data['checksum']) throw new PassphraseFileError('damaged');
  // Before any derivation: weakened, absurd or unknown settings are named, not tried.
  const code = kdfSettingsProblem(file.kdf);
  if (code) throw new PassphraseFileError('damaged', code);
  return file;
}

/** Opens a checked file with its passphrase (any case, with or without dashes): its JSON content. */
export async function openPassphraseFile(
  kind: PassphraseFileKind,
  file: PassphraseFile,
  passphrase: string,
  argon2id?: Argon2idDeriver,
): Promise<unknown> {
  const normalized = normalizeRecoveryKey(passphrase);
  if (!normalized) throw new PassphraseFileError('wrong-passphrase');
  const sealed = sealedFromBase64(file);
  if (!sealed) throw new PassphraseFileError('damaged');
  const key = await deriveKey(normalized, file.kdf, argon2id);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await unseal(key, sealed, contextOf(kind, file));
  } catch {
    throw new PassphraseFileError('wrong-passphrase');
  }
  try {
    return JSON.parse(utf8.decode(plaintext));
  } catch {
    throw new PassphraseFileError('invalid-content');
  }
}
