/**
 * The coalition key: 32 random bytes every member holds (from the invitation). Three keys are
 * derived from it with HKDF-SHA-256, each for one purpose: sealing document bodies (AES-GCM),
 * naming documents (HMAC-SHA-256 of a record's kind and id), and a public key id that tells a
 * document sealed under an earlier key (or another coalition's) without trying to open it.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { randomBytes, utf8 } from '../crypto/bytes';

export const COALITION_KEY_BYTES = 32;

export interface CoalitionKeys {
  /** 32 hex digits; says which key sealed a document, reveals nothing of the key. */
  keyId: string;
  sealKey: CryptoKey;
  idKey: IdKey;
}

/**
 * The HMAC key naming documents. HMAC in JavaScript (@noble/hashes), not WebCrypto: opening a
 * document checks its name, and a WebCrypto round trip per document cost ten times as much
 * (docs/benchmarks.md, "Coalition sharing"). The bytes stay in a private field.
 */
export class IdKey {
  /** HMAC with the key already absorbed: each mac copies it rather than keying again. */
  readonly #keyed: ReturnType<typeof hmac.create>;
  /** What each mac runs in: copied into, not allocated, since a pull checks thousands of ids. */
  readonly #scratch: ReturnType<typeof hmac.create>;
  readonly #out = new Uint8Array(32);
  /** The text's UTF-8 bytes, written into rather than allocated per id (grown when short). */
  #input = new Uint8Array(256);
  constructor(bytes: Uint8Array) {
    this.#keyed = hmac.create(sha256, bytes);
    this.#scratch = this.#keyed.clone();
  }
  mac(text: string): Uint8Array {
    return this.#digest(text).slice();
  }
  /**
   * Whether `hexMac` is the mac of `text` in lower-case hex, compared in constant time: opening
   * a document checks its id this way without writing the expected id out.
   */
  matchesHex(text: string, hexMac: string): boolean {
    const mac = this.#digest(text);
    if (hexMac.length !== mac.length * 2) return false;
    let difference = 0;
    for (let i = 0; i < mac.length; i++) {
      const byte = mac[i] as number;
      difference |= (HEX_CODES[byte >> 4] as number) ^ hexMac.charCodeAt(2 * i);
      difference |= (HEX_CODES[byte & 15] as number) ^ hexMac.charCodeAt(2 * i + 1);
    }
    return difference === 0;
  }
  /** The mac in a buffer the next call overwrites. */
  #digest(text: string): Uint8Array {
    // A UTF-8 byte per UTF-16 unit at least, three at most: grown to fit before encoding.
    if (this.#input.length < text.length * 3) this.#input = new Uint8Array(text.length * 3);
    const { written } = utf8Encoder.encodeInto(text, this.#input);
    this.#keyed
      ._cloneInto(this.#scratch)
      .update(this.#input.subarray(0, written))
      .digestInto(this.#out);
    return this.#out;
  }
}

const utf8Encoder = new TextEncoder();
const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

export function newCoalitionKey(): Uint8Array<ArrayBuffer> {
  return randomBytes(COALITION_KEY_BYTES);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hex = (bytes: Uint8Array) => {
  let text = '';
  for (const byte of bytes) text += HEX[byte] as string;
  return text;
};

const hkdf = (info: string) => ({
  name: 'HKDF',
  hash: 'SHA-256',
  salt: new Uint8Array(32),
  info: utf8.encode(info),
});

export async function deriveCoalitionKeys(raw: Uint8Array<ArrayBuffer>): Promise<CoalitionKeys> {
  if (raw.byteLength !== COALITION_KEY_BYTES) {
    throw new Error(`A coalition key has ${COALITION_KEY_BYTES} bytes, not ${raw.byteLength}`);
  }
  const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, [
    'deriveKey',
    'deriveBits',
  ]);
  const [sealKey, idKey, keyId] = await Promise.all([
    crypto.subtle.deriveKey(
      hkdf('tadamun:coalition:seal'),
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    ),
    // The same 256 bits an HMAC key derived with deriveKey had: document ids are unchanged.
    crypto.subtle.deriveBits(hkdf('tadamun:coalition:document-id'), base, 256),
    crypto.subtle.deriveBits(hkdf('tadamun:coalition:key-id'), base, 128),
  ]);
  return { keyId: hex(new Uint8Array(keyId)), sealKey, idKey: new IdKey(new Uint8Array(idKey)) };
}

/**
 * A shared record's document id: HMAC-SHA-256 of its kind and id, in hex. The same on every
 * member's laptop, so edits of one record meet in one document; without the key it says
 * nothing of the record, nor whether two coalitions share the same one.
 */
export function documentIdOf(keys: CoalitionKeys, kind: string, recordId: string): string {
  return hex(keys.idKey.mac(`${kind}\n${recordId}`));
}

/** Whether `documentId` is the record's document id, compared in constant time. */
export function isDocumentIdOf(
  keys: CoalitionKeys,
  documentId: string,
  kind: string,
  recordId: string,
): boolean {
  return keys.idKey.matchesHex(`${kind}\n${recordId}`, documentId);
}

/**
 * A contact's id in one coalition when it travels code-named: HMAC of its id under the
 * coalition's id key, written as a UUID (version 4 bits set, as the domain's id schema wants).
 * The same on every sharing of it with this coalition, unrelated to its id anywhere else.
 */
export function contactAliasOf(keys: CoalitionKeys, contactId: string): string {
  const mac = keys.idKey.mac(`contact-alias\n${contactId}`).slice(0, 16);
  mac[6] = ((mac[6] ?? 0) & 0x0f) | 0x40;
  mac[8] = ((mac[8] ?? 0) & 0x3f) | 0x80;
  const text = hex(mac);
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
