import { describe, expect, it } from 'vitest';
import { argon2id as jsArgon2id } from '@noble/hashes/argon2';
import { argon2idInMain, nodeArgon2, type NodeArgon2 } from '@main/argon2id';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (value: string) => new TextEncoder().encode(value);

/** The reference implementation's Argon2id vector (m=64 MiB, t=2, p=1, "password", "somesalt"). */
const REFERENCE = {
  request: {
    password: text('password'),
    salt: text('somesalt'),
    memoryKiB: 65_536,
    iterations: 2,
    parallelism: 1,
    tagLength: 32,
  },
  tag: '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7',
};

/** Node's crypto.argon2 as documented (message, nonce, memory, passes), computed in plain JS. */
const documentedNodeArgon2: NodeArgon2 = (_algorithm, p, callback) => {
  const tag = jsArgon2id(p.message, p.nonce, {
    m: p.memory,
    t: p.passes,
    p: p.parallelism,
    dkLen: p.tagLength,
  });
  setTimeout(() => callback(null, tag), 0);
};

describe('Argon2id in the main process', () => {
  it("gives the reference vector through hash-wasm, the path where Node's has none", async () => {
    expect(hex(await argon2idInMain(REFERENCE.request, undefined))).toBe(REFERENCE.tag);
  }, 60_000);

  it('agrees with the plain-JS implementation on other inputs (Arabic passphrase, random salt)', async () => {
    const request = {
      password: text('كلمة سر طويلة'.normalize('NFC')),
      salt: crypto.getRandomValues(new Uint8Array(16)),
      memoryKiB: 19_456,
      iterations: 2,
      parallelism: 1,
      tagLength: 32,
    };
    const expected = jsArgon2id(request.password, request.salt, { m: 19_456, t: 2, p: 1 });
    expect(hex(await argon2idInMain(request, undefined))).toBe(hex(expected));
  }, 60_000);

  it("hands Node's crypto.argon2 the parameters by its documented names", async () => {
    expect(hex(await argon2idInMain(REFERENCE.request, documentedNodeArgon2))).toBe(REFERENCE.tag);
  }, 60_000);

  it('falls back to hash-wasm when Node was built without Argon2; other errors are not hidden', async () => {
    const unsupported: NodeArgon2 = () => {
      throw Object.assign(new Error('Argon2 is not supported'), {
        code: 'ERR_CRYPTO_ARGON2_NOT_SUPPORTED',
      });
    };
    expect(hex(await argon2idInMain(REFERENCE.request, unsupported))).toBe(REFERENCE.tag);
    const failing: NodeArgon2 = (_a, _p, callback) =>
      callback(new Error('out of memory'), new Uint8Array());
    await expect(argon2idInMain(REFERENCE.request, failing)).rejects.toThrow(/out of memory/);
  }, 60_000);

  // Node 20 (here) has no crypto.argon2; where the runtime has it, check the real thing too.
  it.skipIf(!nodeArgon2())(
    "Node's own crypto.argon2, where present, gives the vector",
    async () => {
      expect(hex(await argon2idInMain(REFERENCE.request))).toBe(REFERENCE.tag);
    },
  );
});
