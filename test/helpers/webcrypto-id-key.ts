import { utf8 } from '@core/crypto/bytes';

/**
 * The coalition's id key as the app derived it before it computed HMACs itself: a WebCrypto
 * HMAC key from HKDF. Tests compare the app's ids and proofs with what this key signs.
 */
export async function webCryptoIdKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(32),
      info: utf8.encode('tadamun:coalition:document-id'),
    },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
}
