/** Runtime checks of every IPC payload, applied by the main process before it acts. */
import { z } from 'zod';
import { UI_LANGUAGES } from './i18n/languages';
import type {
  Argon2idIpcRequest,
  CoalitionFetchRequest,
  CoalitionRemote,
  NotifyDueRequest,
  SaveFileRequest,
} from './ipc';

/** Largest file the renderer may hand to main in one call (a big batch of letters fits). */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

// Windows forbids these in file names; '/' and '\\' would also escape the chosen folder.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_NAME_CHARS = /[<>:"/\\|?*\u0000-\u001f]/;

export const saveFileRequestSchema = z.strictObject({
  suggestedName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((name) => !FORBIDDEN_NAME_CHARS.test(name), 'file name contains a forbidden character')
    .refine((name) => !/^\.+$/.test(name), 'file name is only dots'),
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, 'file is too large'),
  filters: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(100),
        extensions: z
          .array(z.string().regex(/^[a-z0-9]{1,10}$/i, 'extension must be letters and digits'))
          .min(1)
          .max(10),
      }),
    )
    .max(10),
}) satisfies z.ZodType<SaveFileRequest>;

export const uiLanguageSchema = z.enum(UI_LANGUAGES);

/** For calls that carry nothing (hideWindow, eraseAppStorage): anything sent is refused. */
export const noPayloadSchema = z.undefined();

/** Whether the window is hidden from screen capture. */
export const contentProtectionSchema = z.boolean();

/** A SHA-256 digest in hex, as clearClipboardIfCopied receives it; compared in lower case. */
export const sha256HexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/i, 'must be a SHA-256 digest: 64 hexadecimal digits')
  .transform((hex) => hex.toLowerCase());

/** A due-items notification: short texts (no names, see NotifyDueRequest) and a count. */
export const notifyDueRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(300),
  count: z.number().int().min(1).max(1_000_000),
}) satisfies z.ZodType<NotifyDueRequest>;

/** The key file's size limit: a few kilobytes in use; the same limit as core's key-file.ts. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

/** The key file's bytes, as the renderer hands them to main to store. */
export const keyFileBytesSchema = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength > 0, 'key file is empty')
  .refine((bytes) => bytes.byteLength <= MAX_KEY_FILE_BYTES, 'key file is too large');
/**
 * An Argon2id request: the same ceilings as core's checks (src/core/crypto/kdf.ts), so a
 * compromised page cannot make main allocate gigabytes; core refuses costs below OWASP's.
 */
export const argon2idRequestSchema = z.strictObject({
  password: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= 4096, 'passphrase is too long'),
  salt: z
    .instanceof(Uint8Array)
    .refine(
      (bytes) => bytes.byteLength >= 16 && bytes.byteLength <= 64,
      'salt must be 16-64 bytes',
    ),
  memoryKiB: z
    .number()
    .int()
    .min(8)
    .max(1024 * 1024),
  iterations: z.number().int().min(1).max(32),
  parallelism: z.number().int().min(1).max(16),
  tagLength: z.literal(32),
}) satisfies z.ZodType<Argon2idIpcRequest>;

/** Largest request body main sends to a coalition's server (a `_bulk_docs` batch fits many times). */
export const MAX_COALITION_REQUEST_BYTES = 16 * 1024 * 1024;
/** Largest answer main reads from it; a longer one is cut off and refused. */
export const MAX_COALITION_RESPONSE_BYTES = 64 * 1024 * 1024;
/** A workspace has a few coalitions; more than this is a bug or an attack. */
export const MAX_COALITION_REMOTES = 64;

// CouchDB's rule for database names.
const COUCH_DATABASE = /^[a-z][a-z0-9_$()+/-]*$/;

export const coalitionRemotesSchema = z
  .array(
    z.strictObject({
      url: z.string().min(1).max(2048),
      database: z.string().max(238).regex(COUCH_DATABASE, 'not a CouchDB database name'),
    }),
  )
  .max(MAX_COALITION_REMOTES) satisfies z.ZodType<CoalitionRemote[]>;

// A header name as RFC 9110 allows it; values without line breaks.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

export const coalitionFetchRequestSchema = z.strictObject({
  url: z.string().min(1).max(8192),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT']),
  headers: z
    .record(
      z.string().regex(HEADER_NAME),
      z
        .string()
        .max(8192)
        .regex(/^[^\r\n]*$/),
    )
    .refine((headers) => Object.keys(headers).length <= 32, 'too many headers'),
  body: z.string().max(MAX_COALITION_REQUEST_BYTES, 'request body is too large').nullable(),
}) satisfies z.ZodType<CoalitionFetchRequest>;
