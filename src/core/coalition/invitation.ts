/**
 * Invitations: what a new member needs to join (the server, the database and the member's own
 * credentials, or "files only"; the coalition key and name; their member id), sealed under a
 * one-time passphrase that the organizers pass out of band (in person, by phone). As a file
 * (JSON) or as a text block for copy and paste; the block carries a checksum so that a
 * cut or garbled paste is told apart from a wrong passphrase.
 *
 * The passphrase is generated (160 random bits, written like a recovery key), never chosen:
 * the invitation travels through chats and email, so only its passphrase protects the key.
 * The key derivation goes through crypto/kdf (its parameters stored in the file), like backups:
 * Argon2id at the workspace's cost by default, computed by the deriver the caller must give
 * (the app's: main process or worker), never on the page's thread.
 */
import { z } from 'zod';
import { fromBase64, sealedFromBase64, sha256Hex, toBase64, utf8 } from '../crypto/bytes';
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
import { COALITION_KEY_BYTES } from './coalition-key';
import { InvitationError, type InvitationFieldProblem } from './errors';
import { canonicalJson } from './shared-record';

export const INVITATION_FORMAT = 'tadamun-invitation';
export const INVITATION_VERSION = 1;
/** The file name extension the app will offer. */
export const INVITATION_EXTENSION = 'tadamun-invitation';
export const TEXT_BEGIN = '-----BEGIN TADAMUN INVITATION-----';
export const TEXT_END = '-----END TADAMUN INVITATION-----';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why a server URL is refused, or undefined when it is fine. */
export function serverUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not-a-url';
  }
  if (url.username || url.password) return 'credentials-in-url';
  if (url.search || url.hash) return 'not-a-url';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return undefined;
  return 'https-required';
}

const problem = (check: (value: string) => string | undefined) =>
  z.string().superRefine((value, context) => {
    const code = check(value);
    if (code) context.addIssue({ code: 'custom', message: code });
  });

const isCoalitionKey = (text: string) => {
  try {
    return fromBase64(text).byteLength === COALITION_KEY_BYTES;
  } catch {
    return false;
  }
};

export const invitationSchema = z.strictObject({
  coalitionName: z.string().trim().min(1).max(200),
  /** base64 of the 32-byte coalition key */
  coalitionKey: problem((text) => (isCoalitionKey(text) ? undefined : 'bad-key')),
  /** The new member's id in the coalition (their clock readings carry it). */
  memberId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  transport: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('server'),
      url: problem(serverUrlProblem),
      /** CouchDB's rule for database names. */
      database: z
        .string()
        .max(238)
        .regex(/^[a-z][a-z0-9_$()+/-]*$/),
      username: z.string().min(1).max(200),
      password: z.string().min(1).max(1_000),
    }),
    z.strictObject({ kind: z.literal('files') }),
  ]),
  /**
   * After a member was removed: the ids of the keys this one replaces. A workspace whose
   * coalition is under one of them (and on the same server) takes the new key in place.
   */
  replacesKeyIds: z
    .array(z.string().regex(/^[0-9a-f]{32}$/))
    .min(1)
    .max(1_000)
    .optional(),
});
export type Invitation = z.output<typeof invitationSchema>;

interface InvitationFile {
  format: typeof INVITATION_FORMAT;
  version: number;
  kdf: KdfParams;
  /** base64 of the 12-byte nonce */
  iv: string;
  /** base64 of the sealed invitation */
  ciphertext: string;
  /** SHA-256 (hex) of the fields above: catches a garbled copy before any key derivation */
  checksum: string;
}

type Unchecked = Omit<InvitationFile, 'checksum'>;

/** The authenticated header (GCM authenticates the nonce itself). */
const contextOf = (file: Pick<Unchecked, 'format' | 'version' | 'kdf'>) =>
  JSON.stringify([file.format, file.version, canonicalJson(file.kdf)]);

async function checksumOf(file: Unchecked): Promise<string> {
  const text = JSON.stringify([contextOf(file), file.iv, file.ciphertext]);
  return sha256Hex(utf8.encode(text));
}

function checked(invitation: unknown): Invitation {
  const parsed = invitationSchema.safeParse(invitation);
  if (parsed.success) return parsed.data;
  const fields: InvitationFieldProblem[] = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    code: issue.code === 'custom' ? issue.message : issue.code,
  }));
  throw new InvitationError('invalid-content', fields);
}

export interface SealedInvitation {
  /** The invitation file's text (JSON). */
  file: string;
  /** The same, as a text block to paste into a message. */
  text: string;
  /** The one-time passphrase, to pass on separately. */
  passphrase: string;
}

/** Seals an invitation under a new one-time passphrase; InvitationError if it is not valid. */
export async function createInvitation(
  invitation: Invitation,
  options: { argon2id: Argon2idDeriver; cost?: KdfCost },
): Promise<SealedInvitation> {
  const content = checked(invitation);
  const passphrase = newRecoveryKey();
  const kdf = newKdfParams(options.cost);
  const key = await deriveKey(normalizeRecoveryKey(passphrase) ?? '', kdf, options.argon2id);
  const header = { format: INVITATION_FORMAT, version: INVITATION_VERSION, kdf } as const;
  const sealed = await seal(key, utf8.encode(JSON.stringify(content)), contextOf(header));
  const unchecked: Unchecked = {
    ...header,
    iv: toBase64(sealed.iv),
    ciphertext: toBase64(new Uint8Array(sealed.data)),
  };
  const file = JSON.stringify({ ...unchecked, checksum: await checksumOf(unchecked) });
  return { file, text: invitationText(file), passphrase };
}

/** An invitation file as a text block: its JSON in base64, 64 characters a line. */
export function invitationText(file: string): string {
  const lines = toBase64(utf8.encode(file)).match(/.{1,64}/g) ?? [];
  return [TEXT_BEGIN, ...lines, TEXT_END].join('\n');
}

/** The file's JSON text from a pasted block or a file's text. */
function fileTextOf(input: string): string {
  const text = input.trim();
  const begin = text.indexOf(TEXT_BEGIN);
  if (begin < 0) {
    if (!text.startsWith('{')) throw new InvitationError('not-an-invitation');
    if (!text.endsWith('}')) throw new InvitationError('truncated');
    return text;
  }
  const end = text.indexOf(TEXT_END, begin);
  if (end < 0) throw new InvitationError('truncated');
  // Chat apps rewrap lines and add spaces: only the base64 characters count.
  const body = text.slice(begin + TEXT_BEGIN.length, end).replace(/\s+/g, '');
  try {
    return utf8.decode(fromBase64(body));
  } catch {
    throw new InvitationError('damaged');
  }
}

const fileSchema = z.object({
  format: z.literal(INVITATION_FORMAT),
  version: z.number().int().min(1),
  kdf: z.unknown(),
  iv: z.string().min(1),
  ciphertext: z.string().min(1),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

async function readFile(input: string): Promise<InvitationFile> {
  const text = fileTextOf(input);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A block whose base64 was cut at a multiple of four still decodes, to JSON cut short.
    throw new InvitationError(text.trimEnd().endsWith('}') ? 'damaged' : 'truncated');
  }
  if ((json as { format?: unknown } | null)?.format !== INVITATION_FORMAT)
    throw new InvitationError('not-an-invitation');
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > INVITATION_VERSION)
    throw new InvitationError('newer-version');
  const file = fileSchema.safeParse(json);
  if (!file.success) throw new InvitationError('damaged');
  const { checksum, ...unchecked } = file.data;
  if ((await checksumOf(unchecked as Unchecked)) !== checksum) throw new InvitationError('damaged');
  // Before any derivation: weakened, absurd or unknown settings are named, not tried.
  const code = kdfSettingsProblem(unchecked.kdf);
  if (code) throw new InvitationError('damaged', [{ field: 'kdf', code }]);
  return file.data as InvitationFile;
}

/**
 * Reads a pasted text block or a file's text and opens it with the one-time passphrase (typed
 * in any case, with or without dashes). Throws InvitationError saying what is wrong; the KDF
 * runs only once the text is known to be whole.
 */
export async function openInvitation(
  input: string,
  passphrase: string,
  argon2id: Argon2idDeriver,
): Promise<Invitation> {
  const file = await readFile(input);
  const normalized = normalizeRecoveryKey(passphrase);
  if (!normalized) throw new InvitationError('wrong-passphrase');
  const sealed = sealedFromBase64(file);
  if (!sealed) throw new InvitationError('damaged');
  const key = await deriveKey(normalized, file.kdf, argon2id);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await unseal(key, sealed, contextOf(file));
  } catch {
    throw new InvitationError('wrong-passphrase');
  }
  let content: unknown;
  try {
    content = JSON.parse(utf8.decode(plaintext));
  } catch {
    throw new InvitationError('invalid-content');
  }
  return checked(content);
}
