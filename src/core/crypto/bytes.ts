/** Byte helpers shared by the crypto code: base64 for JSON headers, UTF-8, random bytes. */

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const BASE64_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) values[alphabet.charCodeAt(i)] = i;
  return values;
})();

const base64Value = (text: string, index: number): number => {
  const code = text.charCodeAt(index);
  const value = code < 128 ? (BASE64_VALUES[code] as number) : -1;
  if (value < 0) throw new Error('not base64');
  return value;
};

/**
 * Throws on anything that is not base64: callers turn that into their own clear error. Accepts
 * what `atob` accepts of the plain alphabet (padding optional); decoded in one pass, since a
 * regular expression and `atob` cost more than the decryption on a pull of thousands of
 * documents.
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  let end = text.length;
  if (end % 4 === 0 && text.endsWith('=')) end -= text.endsWith('==') ? 2 : 1;
  if (end % 4 === 1) throw new Error('not base64');
  const bytes = new Uint8Array((end * 3) >> 2);
  let out = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const quad =
      (base64Value(text, i) << 18) |
      (base64Value(text, i + 1) << 12) |
      (base64Value(text, i + 2) << 6) |
      base64Value(text, i + 3);
    bytes[out++] = quad >> 16;
    bytes[out++] = (quad >> 8) & 0xff;
    bytes[out++] = quad & 0xff;
  }
  if (end - i >= 2) {
    bytes[out] = (base64Value(text, i) << 2) | (base64Value(text, i + 1) >> 4);
    if (end - i === 3)
      bytes[out + 1] = ((base64Value(text, i + 1) & 0x0f) << 4) | (base64Value(text, i + 2) >> 2);
  }
  return bytes;
}

/**
 * A sealed part stored as base64 text (a file's `iv` and `ciphertext`), ready to unseal; null
 * when either is not base64, for the caller to name in its own error.
 */
export function sealedFromBase64(stored: {
  iv: string;
  ciphertext: string;
}): { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer } | null {
  try {
    return { iv: fromBase64(stored.iv), data: fromBase64(stored.ciphertext).buffer };
  } catch {
    return null;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = {
  encode: (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text),
  decode: (bytes: BufferSource): string => decoder.decode(bytes),
};

/** SHA-256 of bytes, lower-case hex, through WebCrypto (Node, renderer and workers alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A port whose other end is closed: what is posted to it is dropped, transferred buffers freed. */
let nowhere: MessagePort | undefined;
function droppingPort(): MessagePort | undefined {
  if (!nowhere && typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    channel.port2.close();
    nowhere = channel.port1;
  }
  return nowhere;
}

/**
 * Empties `buffer` (it is detached: length 0) and returns its memory now, instead of when the
 * garbage collector finds it: a large ArrayBuffer kept by an object that lived a little while
 * is freed only by a full collection, which may be long in coming. Moved into a message that
 * nobody receives, not `transfer(0)`: Chromium keeps a buffer it made (WebCrypto's output, a
 * message's) until a full collection even once script detached it, and the collector, no
 * longer counting it, is in no hurry (docs/benchmarks.md).
 */
export function releaseBuffer(buffer: ArrayBufferLike): void {
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength === 0) return;
  const port = droppingPort();
  if (port) port.postMessage(null, [buffer]);
  else structuredClone(buffer, { transfer: [buffer] });
}
