/**
 * AES-GCM (WebCrypto) with a fresh 96-bit nonce per message. The `context` is authenticated
 * data: a sealed value only opens in the place it was sealed for (a chunk cannot be swapped
 * for another, a backup header cannot be edited).
 */
import { randomBytes, utf8 } from './bytes';

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export async function seal(
  key: CryptoKey,
  plaintext: Uint8Array<ArrayBuffer>,
  context: string,
): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8.encode(context) },
    key,
    plaintext,
  );
  return { iv, data };
}

/** Rejects (with the WebCrypto OperationError) when the key, context or bytes do not match. */
export async function unseal(
  key: CryptoKey,
  sealed: Sealed,
  context: string,
): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: utf8.encode(context) },
    key,
    sealed.data,
  );
}

export function isSealed(value: unknown): value is Sealed {
  const candidate = value as Partial<Sealed> | null | undefined;
  return candidate?.iv instanceof Uint8Array && candidate.data instanceof ArrayBuffer;
}

export async function importAesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}
