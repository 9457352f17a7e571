import { beforeEach, describe, expect, it } from 'vitest';
import { argon2id as jsArgon2id } from '@noble/hashes/argon2';
import { IpcChannel } from '@shared/ipc';
import { registerDeriveArgon2id } from '@main/ipc/derive-argon2id';
import { resetElectronDouble } from '../../../helpers/electron-double';
import { OWN_FRAME, eventFrom, invoke, trusted } from './frames';

const request = () => ({
  password: new TextEncoder().encode('a long enough passphrase'),
  salt: new Uint8Array(16).fill(9),
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
  tagLength: 32,
});

describe('deriveArgon2id', () => {
  beforeEach(resetElectronDouble);

  it("answers our own page with Argon2id's tag and wipes the passphrase bytes it got", async () => {
    registerDeriveArgon2id(trusted);
    const payload = request();
    const expected = jsArgon2id(payload.password, payload.salt, { m: 19_456, t: 2, p: 1 });
    const result = await invoke<Uint8Array>(IpcChannel.deriveArgon2id, OWN_FRAME, payload);
    expect(result.ok && Buffer.from(result.value).toString('hex')).toBe(
      Buffer.from(expected).toString('hex'),
    );
    expect(payload.password.every((byte) => byte === 0)).toBe(true);
  }, 60_000);

  it('computes with the deriver it is given (the app gives worker threads)', async () => {
    const seen: number[][] = [];
    registerDeriveArgon2id(trusted, (payload) => {
      seen.push([...payload.password]);
      return Promise.resolve(new Uint8Array(32).fill(7));
    });
    const payload = request();
    const result = await invoke<Uint8Array>(IpcChannel.deriveArgon2id, OWN_FRAME, payload);
    expect(result).toMatchObject({ ok: true, value: new Uint8Array(32).fill(7) });
    expect(seen).toEqual([[...new TextEncoder().encode('a long enough passphrase')]]);
    expect(payload.password.every((byte) => byte === 0)).toBe(true);
  });

  it('refuses another sender', async () => {
    registerDeriveArgon2id(trusted);
    const result = await invoke(
      IpcChannel.deriveArgon2id,
      eventFrom('https://evil.example/'),
      request(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it.each([
    ['2 GiB of memory', { memoryKiB: 2 * 1024 * 1024 }],
    ['1000 passes', { iterations: 1000 }],
    ['no lanes', { parallelism: 0 }],
    ['a 64-byte tag', { tagLength: 64 }],
    ['a short salt', { salt: new Uint8Array(8) }],
    ['a passphrase as text', { password: 'a long enough passphrase' }],
    ['a secret (not part of the contract)', { secret: new Uint8Array(8) }],
  ])('refuses %s before computing anything', async (_name, change) => {
    registerDeriveArgon2id(trusted);
    const result = await invoke(IpcChannel.deriveArgon2id, OWN_FRAME, { ...request(), ...change });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
