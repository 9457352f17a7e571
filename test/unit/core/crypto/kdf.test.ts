import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_KDF_COST,
  aesGcmCipher,
  checkKdfParams,
  deriveKey,
  kdfBelow,
  kdfSettingsProblem,
  newKdfParams,
  newPbkdf2Params,
  type Argon2idDeriver,
  type Argon2idParams,
} from '@core/crypto';
import { argon2idInJs } from '@core/crypto/argon2id-js';
import { fromBase64 } from '@core/crypto/bytes';

vi.setConfig({ testTimeout: 60_000 });

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const filled = (length: number, byte: number) => new Uint8Array(length).fill(byte);
const text = (value: string) => new TextEncoder().encode(value);

/** The cheapest cost OWASP accepts: keeps the tests quick with real Argon2id. */
const OWASP_MIN = {
  algorithm: 'argon2id',
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
} as const;

describe('Argon2id in plain JS', () => {
  it("gives RFC 9106's test vector (section 5.3: with secret and associated data)", async () => {
    const tag = await argon2idInJs({
      password: filled(32, 0x01),
      salt: filled(16, 0x02),
      secret: filled(8, 0x03),
      associatedData: filled(12, 0x04),
      memoryKiB: 32,
      iterations: 3,
      parallelism: 4,
      tagLength: 32,
    });
    expect(hex(tag)).toBe('0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659');
  });

  it("gives the reference implementation's vector (m=64 MiB, t=2, p=1, no secret or data)", async () => {
    const tag = await argon2idInJs({
      password: text('password'),
      salt: text('somesalt'),
      memoryKiB: 65_536,
      iterations: 2,
      parallelism: 1,
      tagLength: 32,
    });
    expect(hex(tag)).toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
  });
});

describe('key derivation parameters', () => {
  it('new wrappings default to Argon2id, 64 MiB, 3 passes, 1 lane, with a 16-byte salt', () => {
    const params = newKdfParams();
    expect(params).toMatchObject({
      algorithm: 'argon2id',
      memoryKiB: 65_536,
      iterations: 3,
      parallelism: 1,
    });
    expect(fromBase64(params.salt)).toHaveLength(16);
    expect(newKdfParams().salt).not.toBe(params.salt);
    expect(DEFAULT_KDF_COST).toMatchObject({ algorithm: 'argon2id' });
  });

  it("accepts each of OWASP's Argon2id minimums and refuses anything below them", () => {
    const salt = newKdfParams().salt;
    const at = (memoryKiB: number, iterations: number, parallelism = 1) =>
      ({ algorithm: 'argon2id', memoryKiB, iterations, parallelism, salt }) as Argon2idParams;
    for (const [m, t] of [
      [47_104, 1],
      [19_456, 2],
      [12_288, 3],
      [9_216, 4],
      [7_168, 5],
    ] as const) {
      expect(() => checkKdfParams(at(m, t))).not.toThrow();
      expect(() => checkKdfParams(at(m - 1, t))).toThrow(/below OWASP's minimum/);
    }
    expect(() => checkKdfParams(at(47_103, 5))).not.toThrow();
    expect(() => checkKdfParams(at(19_456, 1))).toThrow(/below OWASP's minimum/);
    expect(() => checkKdfParams(at(65_536, 3, 0))).toThrow(/out of range/);
    // A hostile file must not make the app allocate gigabytes or loop for minutes.
    expect(() => checkKdfParams(at(2 * 1024 * 1024, 3))).toThrow(/out of range/);
    expect(() => checkKdfParams(at(65_536, 1000))).toThrow(/out of range/);
    expect(() => checkKdfParams(at(65_536, 2.5))).toThrow(/out of range/);
    expect(() => checkKdfParams({ ...at(65_536, 3), salt: 'AAAA' })).toThrow(/salt/);
    expect(() => checkKdfParams({ ...at(65_536, 3), salt: '%%%' })).toThrow(/salt/);
    expect(() => checkKdfParams({ ...at(65_536, 3), algorithm: 'argon2d' })).toThrow(/algorithm/);
  });

  it('re-wrapping is due for PBKDF2 or a lower cost, never as a move down', () => {
    const pbkdf2 = newPbkdf2Params();
    const argon = newKdfParams();
    expect(kdfBelow(pbkdf2, DEFAULT_KDF_COST)).toBe(true);
    expect(kdfBelow(argon, DEFAULT_KDF_COST)).toBe(false);
    expect(kdfBelow(newKdfParams(OWASP_MIN), DEFAULT_KDF_COST)).toBe(true);
    expect(kdfBelow(argon, OWASP_MIN)).toBe(false);
    expect(kdfBelow(argon, { algorithm: 'PBKDF2-SHA256', iterations: 600_000 })).toBe(false);
    expect(kdfBelow(pbkdf2, { algorithm: 'PBKDF2-SHA256', iterations: 1_200_000 })).toBe(false);
  });
});

describe('KDF settings read from a file', () => {
  it('names weakened, absurd and unknown settings before any derivation', () => {
    const argon2id = newKdfParams();
    expect(kdfSettingsProblem(argon2id)).toBeUndefined();
    expect(kdfSettingsProblem(newPbkdf2Params())).toBeUndefined();
    expect(kdfSettingsProblem({ ...argon2id, memoryKiB: 1024 })).toBe('kdf-out-of-range');
    expect(kdfSettingsProblem({ ...argon2id, iterations: 1 })).toBe('kdf-out-of-range');
    expect(kdfSettingsProblem({ ...argon2id, algorithm: 'scrypt' })).toBe('kdf-unknown-algorithm');
    expect(kdfSettingsProblem(undefined)).toBe('kdf-unknown-algorithm');
  });
});

describe('deriveKey with Argon2id', () => {
  it('uses the given deriver with the stored parameters and the NFC passphrase', async () => {
    const params = newKdfParams(OWASP_MIN) as Argon2idParams;
    const requests: { password: string; salt: string; m: number; t: number; p: number }[] = [];
    const derive: Argon2idDeriver = async (request) => {
      requests.push({
        password: new TextDecoder().decode(request.password),
        salt: hex(request.salt),
        m: request.memoryKiB,
        t: request.iterations,
        p: request.parallelism,
      });
      return argon2idInJs(request);
    };
    const key = await deriveKey('Cafe\u0301 سر', params, derive);
    expect(requests).toEqual([
      { password: 'Café سر', salt: hex(fromBase64(params.salt)), m: 19_456, t: 2, p: 1 },
    ]);
    // The key is Argon2id's 32-byte tag itself, as an AES-256-GCM key.
    const tag = await argon2idInJs({
      password: text('Café سر'),
      salt: fromBase64(params.salt),
      memoryKiB: 19_456,
      iterations: 2,
      parallelism: 1,
      tagLength: 32,
    });
    const expected = await crypto.subtle.importKey('raw', new Uint8Array(tag), 'AES-GCM', false, [
      'decrypt',
    ]);
    const sealed = await aesGcmCipher(key).seal({ ok: 1 }, 'ctx');
    expect(await aesGcmCipher(expected).open(sealed, 'ctx')).toEqual({ ok: 1 });
  });

  it("wipes the deriver's bytes and the passphrase bytes it was given; refuses a short tag", async () => {
    const params = newKdfParams(OWASP_MIN);
    const given: Uint8Array[] = [];
    const derive: Argon2idDeriver = async (request) => {
      given.push(request.password);
      const tag = new Uint8Array(32).fill(7);
      given.push(tag);
      return tag;
    };
    await deriveKey('secret words', params, derive);
    expect(given.every((bytes) => bytes.every((byte) => byte === 0))).toBe(true);
    await expect(deriveKey('x', params, async () => new Uint8Array(16))).rejects.toThrow(
      /16 bytes, not 32/,
    );
    await expect(
      deriveKey('x', { ...params, memoryKiB: 1024 } as Argon2idParams, derive),
    ).rejects.toThrow(/below OWASP/);
  });
});
