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
import { fromBase64, toBase64, utf8 } from '../crypto/bytes';
import type { Argon2idDeriver, KdfCost } from '../crypto/kdf';
import { COALITION_KEY_BYTES } from './coalition-key';
import { InvitationError, type InvitationFieldProblem } from './errors';
import {
  openPassphraseFile,
  PassphraseFileError,
  readPassphraseFile,
  sealPassphraseFile,
  type PassphraseFile,
  type SealedPassphraseFile,
} from './passphrase-file';

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

/** One step of a coalition's key history (see `KeyLink` in rotation.ts). */
export const keyLinkSchema = z.strictObject({
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  proof: z.string().regex(/^[0-9a-f]{64}$/),
});

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
   * After a member was removed: the keys this one replaced, oldest first, each with the proof
   * that the next was made by one of its holders (rotation.ts). A workspace whose coalition is
   * under one of them, with a valid proof, on the same server, takes the new key in place.
   */
  keyLinks: z.array(keyLinkSchema).min(1).max(1_000).optional(),
});
export type Invitation = z.output<typeof invitationSchema>;

const KIND = { format: INVITATION_FORMAT, version: INVITATION_VERSION };

function checked(invitation: unknown): Invitation {
  const parsed = invitationSchema.safeParse(invitation);
  if (parsed.success) return parsed.data;
  const fields: InvitationFieldProblem[] = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    code: issue.code === 'custom' ? issue.message : issue.code,
  }));
  throw new InvitationError('invalid-content', fields);
}

export interface SealedInvitation extends SealedPassphraseFile {
  /** The same file, as a text block to paste into a message. */
  text: string;
}

/** Seals an invitation under a new one-time passphrase; InvitationError if it is not valid. */
export async function createInvitation(
  invitation: Invitation,
  options: { argon2id: Argon2idDeriver; cost?: KdfCost },
): Promise<SealedInvitation> {
  const sealed = await sealPassphraseFile(KIND, {}, checked(invitation), options);
  return { ...sealed, text: invitationText(sealed.file) };
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

/** Invitation problems for the passphrase file's own. */
const PROBLEMS = {
  'not-this-format': 'not-an-invitation',
  'newer-version': 'newer-version',
  damaged: 'damaged',
  'wrong-passphrase': 'wrong-passphrase',
  'invalid-content': 'invalid-content',
} as const;

const asInvitationError = (error: unknown) =>
  error instanceof PassphraseFileError
    ? new InvitationError(
        PROBLEMS[error.problem],
        error.kdfProblem ? [{ field: 'kdf', code: error.kdfProblem }] : [],
      )
    : error;

async function readFile(input: string): Promise<PassphraseFile> {
  const text = fileTextOf(input);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A block whose base64 was cut at a multiple of four still decodes, to JSON cut short.
    throw new InvitationError(text.trimEnd().endsWith('}') ? 'damaged' : 'truncated');
  }
  return readPassphraseFile(KIND, json);
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
  try {
    const file = await readFile(input);
    return checked(await openPassphraseFile(KIND, file, passphrase, argon2id));
  } catch (error) {
    throw asInvitationError(error);
  }
}
