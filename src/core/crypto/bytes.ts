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

/** Throws on anything that is not base64: callers turn that into their own clear error. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('not base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
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

/**
 * Empties `buffer` (it is detached: length 0) and returns its memory now, instead of when the
 * garbage collector finds it: a large ArrayBuffer kept by an object that lived a little while
 * is freed only by a full collection, which may be long in coming.
 */
export function releaseBuffer(buffer: ArrayBufferLike): void {
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength === 0) return;
  const movable = buffer as ArrayBuffer & { transfer?(length: number): ArrayBuffer };
  // transfer(0) frees at once; where it is missing (Node 20), the memory moves to a young
  // object that the next minor collection frees.
  if (movable.transfer) movable.transfer(0);
  else structuredClone(buffer, { transfer: [buffer] });
}
