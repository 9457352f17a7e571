/**
 * Passphrase → key-encryption key. PBKDF2-SHA256 through WebCrypto: no WASM (the CSP stays
 * without 'wasm-unsafe-eval'), runs in Node and Chromium alike. The parameters are stored
 * with what they protect, so a later version can raise them for new keys and still open old
 * ones.
 */
import { fromBase64, randomBytes, toBase64, utf8 } from './bytes';

export const KDF_ALGORITHM = 'PBKDF2-SHA256';
/** OWASP's 2023 floor for PBKDF2-SHA256; nothing weaker is accepted, even from a file. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** Twice OWASP's floor, still a fraction of a second at unlock (docs/benchmarks.md). */
export const DEFAULT_PBKDF2_ITERATIONS = 1_200_000;
/** Refuse absurd values from a file (a hostile backup could otherwise hang the app). */
const MAX_PBKDF2_ITERATIONS = 50_000_000;

export interface KdfParams {
  algorithm: typeof KDF_ALGORITHM;
  iterations: number;
  /** base64 of 16 random bytes */
  salt: string;
}

export function newKdfParams(iterations = DEFAULT_PBKDF2_ITERATIONS): KdfParams {
  checkIterations(iterations);
  return { algorithm: KDF_ALGORITHM, iterations, salt: toBase64(randomBytes(16)) };
}

function checkIterations(iterations: unknown): asserts iterations is number {
  if (
    typeof iterations !== 'number' ||
    !Number.isInteger(iterations) ||
    iterations < MIN_PBKDF2_ITERATIONS ||
    iterations > MAX_PBKDF2_ITERATIONS
  ) {
    throw new Error(
      `Key derivation: ${String(iterations)} iterations is outside ${MIN_PBKDF2_ITERATIONS}-${MAX_PBKDF2_ITERATIONS}`,
    );
  }
}

/** Throws a plain Error naming what is wrong when the stored parameters are not usable. */
export function checkKdfParams(value: unknown): asserts value is KdfParams {
  const params = value as Partial<KdfParams> | null | undefined;
  if (params?.algorithm !== KDF_ALGORITHM) {
    throw new Error(`Key derivation: unknown algorithm ${String(params?.algorithm)}`);
  }
  checkIterations(params.iterations);
  if (typeof params.salt !== 'string' || fromBase64(params.salt).length < 16) {
    throw new Error('Key derivation: missing or short salt');
  }
}

export async function deriveKey(secret: string, params: KdfParams): Promise<CryptoKey> {
  checkKdfParams(params);
  const material = await crypto.subtle.importKey(
    'raw',
    utf8.encode(secret.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: fromBase64(params.salt),
      iterations: params.iterations,
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
