/**
 * One replicated document per shared record. The server sees only:
 * - `_id`: HMAC of the record's kind and id under the coalition key (coalition-key.ts);
 * - `key`: which coalition key sealed it (a public key id);
 * - `iv` and `data`: the body sealed with AES-GCM, the body padded to a size bucket.
 * The associated data binds the format version, the key id and the `_id`, so a body moved to
 * another document or relabelled does not open. Inside, the body names its record again, and a
 * body that belongs to another document id is refused as moved.
 */
import { fromBase64, toBase64, utf8 } from '../crypto/bytes';
import { seal, unseal } from '../crypto/sealed';
import { documentIdOf, isDocumentIdOf, type CoalitionKeys } from './coalition-key';
import { RefusedDocumentError } from './errors';
import { isHlcText } from './hlc';
import { bodyFromCompact, compactBody } from './compact-body';
import { padJson } from './padding';
import { latestClock, type RecordClocks } from './record-clocks';
import { SHARED_KINDS, type SharedKind, type SharedRecord } from './shared-record';

/** Version 2 writes the body compactly (compact-body.ts); version 1 documents still open. */
export const SEALED_DOCUMENT_VERSION = 2;
type SealedFormat = 1 | typeof SEALED_DOCUMENT_VERSION;

/** What a document holds once opened. */
export interface DocumentBody {
  kind: SharedKind;
  record: SharedRecord;
  /** Which edit wrote each field and item (record-clocks.ts). */
  clocks: RecordClocks;
  /** The latest clock in `clocks`: when this revision's newest edit was made. */
  hlc: string;
  /** The member id that wrote this revision (for a merged revision, who merged). */
  author: string;
}

/** The document as the replication engine stores it (`_rev` and the like are the engine's). */
export interface SealedDocument {
  _id: string;
  _rev?: string;
  v: SealedFormat;
  key: string;
  /** base64 of the 12-byte nonce */
  iv: string;
  /** base64 of the sealed, padded body */
  data: string;
}

const contextOf = (version: number, keyId: string, id: string) =>
  `tadamun:coalition-document:${version}:${keyId}:${id}`;

/** Seals a revision; its `hlc` is taken from its clocks. */
export async function sealDocument(
  keys: CoalitionKeys,
  revision: Omit<DocumentBody, 'hlc'>,
): Promise<SealedDocument> {
  const { kind, record, clocks, author } = revision;
  const hlc = latestClock(clocks);
  if (!hlc) throw new Error(`A revision of ${kind} ${record.id} without any clock`);
  const _id = documentIdOf(keys, kind, record.id);
  const body = compactBody({ kind, record, clocks, author });
  const plaintext = padJson(utf8.encode(JSON.stringify(body)));
  const context = contextOf(SEALED_DOCUMENT_VERSION, keys.keyId, _id);
  const sealed = await seal(keys.sealKey, plaintext, context);
  return {
    _id,
    v: SEALED_DOCUMENT_VERSION,
    key: keys.keyId,
    iv: toBase64(sealed.iv),
    data: toBase64(new Uint8Array(sealed.data)),
  };
}

// Checked by hand rather than with zod: on a pull of thousands of documents the schemas cost
// more than the decryption (docs/benchmarks.md, "Coalition sharing"). Same rules as a strict
// schema: every field required unless marked optional, no field besides.
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnly = (value: Json, allowed: ReadonlySet<string>) =>
  Object.keys(value).every((name) => allowed.has(name));
const isHlc = (value: unknown) => typeof value === 'string' && isHlcText(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

interface Envelope {
  v: number;
  key: string;
  iv: string;
  data: string;
}

function envelopeOf(document: unknown, keyId: string): Envelope | undefined {
  if (!isObject(document) || !isText(document['_id'])) return undefined;
  const { v, key, iv, data } = document;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return undefined;
  // The current key id is 32 hex digits: only another key's needs the pattern checked.
  if (typeof key !== 'string' || (key !== keyId && !/^[0-9a-f]{32}$/.test(key))) return undefined;
  if (!isText(iv) || !isText(data)) return undefined;
  return { v, key, iv, data };
}

// Version 1's body: DocumentBody as JSON, every clock as HLC text.
const BODY_FIELDS = new Set(['kind', 'record', 'clocks', 'hlc', 'author']);
const CLOCKS_FIELDS = new Set(['fields', 'items', 'removed']);
const ITEM_FIELDS = new Set(['added', 'place', 'written', 'deleted']);
const KINDS: ReadonlySet<unknown> = new Set(SHARED_KINDS);

function isItemClock(clock: unknown): boolean {
  if (!isObject(clock) || !hasOnly(clock, ITEM_FIELDS)) return false;
  const { added, place, written, deleted } = clock;
  if (added !== '' && !isHlc(added)) return false;
  if (!isHlc(written)) return false;
  if (
    'place' in clock &&
    !(Number.isInteger(place) && (place as number) >= 0 && (place as number) <= 1_000_000)
  )
    return false;
  return !('deleted' in clock) || deleted === true;
}

function isClocks(clocks: unknown): clocks is RecordClocks {
  if (!isObject(clocks) || !hasOnly(clocks, CLOCKS_FIELDS)) return false;
  const { fields, items } = clocks;
  if (!isObject(fields) || !Object.values(fields).every(isHlc)) return false;
  if (!isObject(items)) return false;
  for (const collection of Object.values(items))
    if (!isObject(collection) || !Object.values(collection).every(isItemClock)) return false;
  return !('removed' in clocks) || isHlc(clocks['removed']);
}

function bodyOf(json: unknown): DocumentBody | undefined {
  if (!isObject(json) || !hasOnly(json, BODY_FIELDS)) return undefined;
  const { kind, record, clocks, hlc, author } = json;
  if (!KINDS.has(kind) || !isObject(record) || !isText(record['id'])) return undefined;
  if (!isClocks(clocks) || !isHlc(hlc)) return undefined;
  if (typeof author !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(author)) return undefined;
  return json as unknown as DocumentBody;
}

export interface OpenOptions {
  /** Ids of keys this coalition used before its rotations: their documents are 'old-key'. */
  retiredKeyIds?: readonly string[];
}

/**
 * The body of a replicated document; throws RefusedDocumentError naming the document and the
 * reason when it is not one of ours, not under the current key, altered, moved or malformed.
 */
export async function openDocument(
  document: unknown,
  keys: CoalitionKeys,
  options: OpenOptions = {},
): Promise<DocumentBody> {
  const sealed = sealedPartsOf(document, keys, options);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await decrypt(keys, sealed);
  } catch {
    throw new RefusedDocumentError(sealed.id, 'altered');
  }
  return bodyOfPlaintext(sealed, plaintext, keys);
}

/**
 * `openDocument` of each document, in order: its body, or the RefusedDocumentError it throws.
 * One promise for the lot rather than a chain of them per document (a pull opens thousands);
 * the decryptions are all queued at once.
 */
export async function openDocuments(
  documents: readonly unknown[],
  keys: CoalitionKeys,
  options: OpenOptions = {},
): Promise<(DocumentBody | RefusedDocumentError)[]> {
  const parts: (SealedParts | RefusedDocumentError)[] = [];
  const decrypting: Promise<ArrayBuffer | undefined>[] = [];
  for (const document of documents) {
    try {
      const sealed = sealedPartsOf(document, keys, options);
      parts.push(sealed);
      decrypting.push(decrypt(keys, sealed).catch(() => undefined));
    } catch (error) {
      if (!(error instanceof RefusedDocumentError)) throw error;
      parts.push(error);
      decrypting.push(Promise.resolve(undefined));
    }
  }
  const plaintexts = await Promise.all(decrypting);
  return parts.map((sealed, index) => {
    if (sealed instanceof RefusedDocumentError) return sealed;
    const plaintext = plaintexts[index];
    if (plaintext === undefined) return new RefusedDocumentError(sealed.id, 'altered');
    try {
      return bodyOfPlaintext(sealed, plaintext, keys);
    } catch (error) {
      if (!(error instanceof RefusedDocumentError)) throw error;
      return error;
    }
  });
}

/** What decrypting a document takes, its envelope checked. */
interface SealedParts {
  id: string;
  v: number;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
  context: string;
}

function sealedPartsOf(document: unknown, keys: CoalitionKeys, options: OpenOptions): SealedParts {
  const id = idOf(document);
  const envelope = envelopeOf(document, keys.keyId);
  if (!envelope) throw new RefusedDocumentError(id, 'malformed');
  const { v, key, iv, data } = envelope;
  if (v > SEALED_DOCUMENT_VERSION) throw new RefusedDocumentError(id, 'newer-format');
  if (key !== keys.keyId) {
    throw new RefusedDocumentError(
      id,
      options.retiredKeyIds?.includes(key) ? 'old-key' : 'foreign',
    );
  }
  try {
    return {
      id,
      v,
      iv: fromBase64(iv),
      data: fromBase64(data).buffer,
      context: contextOf(v, key, id),
    };
  } catch {
    throw new RefusedDocumentError(id, 'malformed');
  }
}

const decrypt = (keys: CoalitionKeys, sealed: SealedParts) =>
  unseal(keys.sealKey, sealed, sealed.context);

function bodyOfPlaintext(
  sealed: SealedParts,
  plaintext: ArrayBuffer,
  keys: CoalitionKeys,
): DocumentBody {
  const { id, v } = sealed;
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(withoutPadding(plaintext)));
  } catch {
    throw new RefusedDocumentError(id, 'malformed');
  }
  const opened = v === 1 ? bodyOf(json) : bodyFromCompact(json);
  if (!opened) throw new RefusedDocumentError(id, 'malformed');
  // Format 2 computes its hlc from the clocks; format 1 stored one that must agree with them.
  if (v === 1 && opened.hlc !== latestClock(opened.clocks))
    throw new RefusedDocumentError(id, 'malformed');
  // Sealed by someone with the key, under another record's document id.
  if (!isDocumentIdOf(keys, id, opened.kind, opened.record.id)) {
    throw new RefusedDocumentError(id, 'moved');
  }
  return opened;
}

const SPACE = 0x20;

/**
 * The plaintext without its trailing spaces (padding.ts): JSON.parse reads the same value
 * without them, and the text decoded is up to half as long.
 */
function withoutPadding(plaintext: ArrayBuffer): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(plaintext);
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === SPACE) end--;
  return bytes.subarray(0, end);
}

function idOf(document: unknown): string {
  const id = (document as { _id?: unknown } | null | undefined)?._id;
  return typeof id === 'string' ? id.slice(0, 200) : '';
}
