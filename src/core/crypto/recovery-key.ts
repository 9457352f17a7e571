/**
 * Recovery keys: 160 random bits written as 32 Crockford base32 characters in groups of four
 * (easy to copy onto paper, no 0/O or 1/I/L confusion). Typed back in any case, with or
 * without dashes and spaces.
 */
import { randomBytes } from './bytes';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 32;

export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += ALPHABET[(value >>> (bits - 5)) & 31] ?? '';
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return text.match(/.{4}/g)?.join('-') ?? text;
}

/** The canonical form of a typed recovery key, or null when it cannot be one. */
export function normalizeRecoveryKey(typed: string): string | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== LENGTH || [...text].some((c) => !ALPHABET.includes(c))) return null;
  return text;
}
