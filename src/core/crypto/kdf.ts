/**
 * Passphrase → key-encryption key. New wrappings use Argon2id (RFC 9106: memory-hard, so a GPU
 * rig gains far less over a laptop than with PBKDF2); PBKDF2-SHA256 (WebCrypto) still opens
 * what earlier versions wrapped, and older backups. The parameters are stored with what they protect.
 * Argon2id is computed by an `Argon2idDeriver` the caller gives: the app runs it in the main
 * process, the browser build in a worker, so that the page's CSP never needs
 * 'wasm-unsafe-eval' and the page does not freeze. Core's own fallback is plain JS.
 */
import { fromBase64, randomBytes, toBase64, utf8 } from './bytes';
import { argon2idInJs } from './argon2id-js';

export const KDF_ALGORITHM = 'PBKDF2-SHA256';
export const ARGON2ID_ALGORITHM = 'argon2id';
/** OWASP's 2023 floor for PBKDF2-SHA256; nothing weaker is accepted, even from a file. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** Twice OWASP's floor, still a fraction of a second at unlock (docs/benchmarks.md). */
export const DEFAULT_PBKDF2_ITERATIONS = 1_200_000;
/** Refuse absurd values from a file (a hostile backup could otherwise hang the app). */
const MAX_PBKDF2_ITERATIONS = 50_000_000;

export interface Pbkdf2Params {
  algorithm: typeof KDF_ALGORITHM;
  iterations: number;
  /** base64 of 16 random bytes */
  salt: string;
}

export interface Argon2idParams {
  algorithm: typeof ARGON2ID_ALGORITHM;
  /** m: memory in KiB */
  memoryKiB: number;
  /** t: passes over the memory */
  iterations: number;
  /** p: lanes */
  parallelism: number;
  /** base64 of 16 random bytes */
  salt: string;
}

export type KdfParams = Pbkdf2Params | Argon2idParams;

/** What a new wrapping costs: its parameters without the salt. */
export type KdfCost = Omit<Pbkdf2Params, 'salt'> | Omit<Argon2idParams, 'salt'>;

/** 64 MiB, 3 passes, 1 lane: RFC 9106's second recommendation with one lane (≈0.3–0.7 s here). */
export const DEFAULT_ARGON2ID_COST: Omit<Argon2idParams, 'salt'> = {
  algorithm: ARGON2ID_ALGORITHM,
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 1,
};
export const DEFAULT_KDF_COST: KdfCost = DEFAULT_ARGON2ID_COST;

/**
 * OWASP's Argon2id minimums (Password Storage Cheat Sheet), all equivalent: parameters must
 * reach at least one row in memory and passes. Nothing weaker is accepted, even from a file.
 */
const ARGON2ID_FLOORS: readonly { memoryKiB: number; iterations: number }[] = [
  { memoryKiB: 47_104, iterations: 1 },
  { memoryKiB: 19_456, iterations: 2 },
  { memoryKiB: 12_288, iterations: 3 },
  { memoryKiB: 9_216, iterations: 4 },
  { memoryKiB: 7_168, iterations: 5 },
];
/** 1 GiB, 32 passes, 16 lanes: beyond this a stored value is refused, not tried. */
const MAX_ARGON2ID = { memoryKiB: 1024 * 1024, iterations: 32, parallelism: 16 };
const KEY_BYTES = 32;

/** One Argon2id computation (version 0x13), as the deriver receives it. */
export interface Argon2idRequest {
  password: Uint8Array;
  salt: Uint8Array;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  tagLength: number;
  /** K and X of RFC 9106: the app uses neither; here so its test vector can be checked. */
  secret?: Uint8Array;
  associatedData?: Uint8Array;
}

/** Computes Argon2id's tag; the platform decides where (main process, worker, here). */
export type Argon2idDeriver = (request: Argon2idRequest) => Promise<Uint8Array>;

export function newPbkdf2Params(iterations = DEFAULT_PBKDF2_ITERATIONS): Pbkdf2Params {
  const params: Pbkdf2Params = {
    algorithm: KDF_ALGORITHM,
    iterations,
    salt: toBase64(randomBytes(16)),
  };
  checkPbkdf2Params(params);
  return params;
}

/** Fresh parameters (a new salt) at the given cost: Argon2id unless told otherwise. */
export function newKdfParams(cost: KdfCost = DEFAULT_KDF_COST): KdfParams {
  const params = { ...cost, salt: toBase64(randomBytes(16)) } as KdfParams;
  checkKdfParams(params);
  return params;
}

export function kdfCostOf(params: KdfParams): KdfCost {
  const { salt: _salt, ...cost } = params;
  return cost;
}

/**
 * Whether a stored wrapping should be re-wrapped at `target`: PBKDF2 when the target is
 * Argon2id, or the same algorithm at a lower cost. Never a move down.
 */
export function kdfBelow(params: KdfParams, target: KdfCost): boolean {
  if (target.algorithm === ARGON2ID_ALGORITHM) {
    return (
      params.algorithm !== ARGON2ID_ALGORITHM ||
      params.memoryKiB < target.memoryKiB ||
      params.iterations < target.iterations
    );
  }
  return params.algorithm === KDF_ALGORITHM && params.iterations < target.iterations;
}

function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function checkSalt(salt: unknown): void {
  let bytes: Uint8Array | undefined;
  try {
    bytes = typeof salt === 'string' ? fromBase64(salt) : undefined;
  } catch {
    bytes = undefined;
  }
  if (!bytes || bytes.length < 16) throw new Error('Key derivation: missing or short salt');
}

export function checkPbkdf2Params(value: unknown): asserts value is Pbkdf2Params {
  const params = value as Partial<Pbkdf2Params> | null | undefined;
  if (params?.algorithm !== KDF_ALGORITHM) {
    throw new Error(`Key derivation: unknown algorithm ${String(params?.algorithm)}`);
  }
  if (!isCount(params.iterations, MIN_PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS)) {
    throw new Error(
      `Key derivation: ${String(params.iterations)} iterations is outside ${MIN_PBKDF2_ITERATIONS}-${MAX_PBKDF2_ITERATIONS}`,
    );
  }
  checkSalt(params.salt);
}

function checkArgon2idParams(params: Partial<Argon2idParams>): void {
  const { memoryKiB, iterations, parallelism } = params;
  const shown = `m=${String(memoryKiB)} KiB, t=${String(iterations)}, p=${String(parallelism)}`;
  if (
    !isCount(memoryKiB, 8, MAX_ARGON2ID.memoryKiB) ||
    !isCount(iterations, 1, MAX_ARGON2ID.iterations) ||
    !isCount(parallelism, 1, MAX_ARGON2ID.parallelism) ||
    memoryKiB < 8 * parallelism
  ) {
    throw new Error(`Key derivation: Argon2id parameters out of range (${shown})`);
  }
  if (!ARGON2ID_FLOORS.some((row) => memoryKiB >= row.memoryKiB && iterations >= row.iterations)) {
    throw new Error(`Key derivation: Argon2id ${shown} is below OWASP's minimum`);
  }
  checkSalt(params.salt);
}

/** Throws a plain Error naming what is wrong when the stored parameters are not usable. */
export function checkKdfParams(value: unknown): asserts value is KdfParams {
  const params = value as Partial<Argon2idParams> | null | undefined;
  if (params?.algorithm === ARGON2ID_ALGORITHM) checkArgon2idParams(params);
  else checkPbkdf2Params(value);
}

/**
 * For files this app writes at its own cost (backups, invitations): Argon2id below that cost
 * was lowered by someone, so it is refused before deriving rather than tried.
 */
export function checkArgon2idNotWeakened(
  params: KdfParams,
  floor: Omit<Argon2idParams, 'salt'> = DEFAULT_ARGON2ID_COST,
): void {
  if (params.algorithm !== ARGON2ID_ALGORITHM) return;
  const { memoryKiB, iterations } = params;
  if (memoryKiB < floor.memoryKiB || iterations < floor.iterations) {
    throw new Error(
      `Key derivation: Argon2id m=${memoryKiB} KiB, t=${iterations} is weaker than the m=${floor.memoryKiB} KiB, t=${floor.iterations} Tadamun writes`,
    );
  }
}

/**
 * What is wrong with KDF settings read from a file (an invitation, a bundle), before any
 * derivation: weakened or absurd values, or an algorithm this version does not know.
 */
export function kdfSettingsProblem(
  value: unknown,
): 'kdf-out-of-range' | 'kdf-unknown-algorithm' | undefined {
  try {
    checkKdfParams(value);
    checkArgon2idNotWeakened(value);
    return undefined;
  } catch {
    const { algorithm } = (value ?? {}) as { algorithm?: unknown };
    const known = algorithm === ARGON2ID_ALGORITHM || algorithm === KDF_ALGORITHM;
    return known ? 'kdf-out-of-range' : 'kdf-unknown-algorithm';
  }
}

/** Imports 32 derived bytes as a non-extractable AES-GCM key and wipes them. */
async function importKek(bytes: Uint8Array): Promise<CryptoKey> {
  try {
    if (bytes.byteLength !== KEY_BYTES) {
      throw new Error(`Key derivation: Argon2id gave ${bytes.byteLength} bytes, not ${KEY_BYTES}`);
    }
    return await crypto.subtle.importKey(
      'raw',
      new Uint8Array(bytes),
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  } finally {
    bytes.fill(0);
  }
}

async function argon2idKey(
  secret: string,
  params: Argon2idParams,
  derive: Argon2idDeriver,
): Promise<CryptoKey> {
  const password = utf8.encode(secret.normalize('NFC'));
  const { memoryKiB, iterations, parallelism } = params;
  const request = { salt: fromBase64(params.salt), memoryKiB, iterations, parallelism };
  try {
    return await importKek(await derive({ ...request, password, tagLength: KEY_BYTES }));
  } finally {
    password.fill(0);
  }
}

async function pbkdf2Key(secret: string, params: Pbkdf2Params): Promise<CryptoKey> {
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

/** The key-encryption key for `secret` (NFC); Argon2id through `argon2id` when given. */
export async function deriveKey(
  secret: string,
  params: KdfParams,
  argon2id: Argon2idDeriver = argon2idInJs,
): Promise<CryptoKey> {
  checkKdfParams(params);
  return params.algorithm === ARGON2ID_ALGORITHM
    ? argon2idKey(secret, params, argon2id)
    : pbkdf2Key(secret, params);
}
