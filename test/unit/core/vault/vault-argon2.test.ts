import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import {
  DuressErasedError,
  MIN_PBKDF2_ITERATIONS,
  Vault,
  WrongPassphraseAttemptError,
  type KdfCost,
} from '@core/index';
import { isKeyring, type Argon2idDeriver, type Keyring } from '@core/crypto';
import { argon2idInJs } from '@core/crypto/argon2id-js';
import { isDuressSlot } from '@core/crypto/duress';
import { toBase64 } from '@core/crypto/bytes';
import { decodeKeyFile } from '@core/vault/key-file';
import { memoryKeyFileStore, type KeyFileStore } from '@core/vault/key-file-store';

// Real Argon2id in plain JS at OWASP's lowest cost: a few seconds a test on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const PASS = 'a long enough passphrase';
const DURESS = 'the sky is green today';
const NAME = 'argon2-test';
const ARGON2ID: KdfCost = {
  algorithm: 'argon2id',
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
};

/** Counts Argon2id computations; `broken` makes them fail or give random bytes. */
function countingDeriver() {
  const state = { calls: 0, broken: undefined as 'fails' | 'random' | undefined };
  const derive: Argon2idDeriver = async (request) => {
    state.calls += 1;
    if (state.broken === 'fails') throw new Error('deriver unavailable');
    if (state.broken === 'random') return crypto.getRandomValues(new Uint8Array(32));
    return argon2idInJs(request);
  };
  return { state, derive };
}

/** A workspace set up by a version before Argon2id (PBKDF2), then opened by this one. */
function workspace() {
  const factory = new IDBFactory();
  const keyFile = memoryKeyFileStore();
  const common = { name: NAME, indexedDB: factory, IDBKeyRange, scrubBytes: 1 << 20, keyFile };
  const counting = countingDeriver();
  return {
    keyFile,
    counting,
    before: new Vault({ ...common, iterations: MIN_PBKDF2_ITERATIONS }),
    after: new Vault({ ...common, kdfCost: ARGON2ID, argon2id: counting.derive }),
  };
}

/** What the key file holds: the keyring, the duress slot, the lockout (undefined: no file). */
async function stored(keyFile: KeyFileStore, key: 'keyring' | 'duress'): Promise<unknown> {
  const bytes = await keyFile.read();
  return bytes ? decodeKeyFile(bytes)[key] : undefined;
}

async function storedKeyring(keyFile: KeyFileStore): Promise<Keyring> {
  const value = await stored(keyFile, 'keyring');
  if (!isKeyring(value)) throw new Error('no keyring stored');
  return value;
}

const sealedText = (keyring: Keyring) => toBase64(new Uint8Array(keyring.passphrase.sealed.data));

describe('vault: moving to Argon2id', () => {
  it('re-wraps a PBKDF2 keyring at the next unlock, in one write, and opens it ever after', async () => {
    const { keyFile, counting, before, after } = workspace();
    const { core } = await before.setUp(PASS);
    await core.contacts.create({ displayName: 'Rania Haddad' });
    await core.close();
    const old = await storedKeyring(keyFile);
    expect(old.passphrase.kdf.algorithm).toBe('PBKDF2-SHA256');

    // A wrong passphrase changes nothing.
    await expect(after.unlock('not it')).rejects.toBeInstanceOf(WrongPassphraseAttemptError);
    expect(await storedKeyring(keyFile)).toEqual(old);

    const opened = await after.unlock(PASS);
    expect(opened.contacts.all().map((contact) => contact.displayName)).toEqual(['Rania Haddad']);
    await opened.close();
    const moved = await storedKeyring(keyFile);
    expect(moved.passphrase.kdf).toMatchObject({ ...ARGON2ID });
    expect(sealedText(moved)).not.toBe(sealedText(old));
    // Wrapping (once), the check that it opens (once): nothing else used Argon2id.
    expect(counting.state.calls).toBe(2);

    const again = await after.unlock(PASS);
    expect(again.contacts.all()).toHaveLength(1);
    await again.close();
    expect(await storedKeyring(keyFile)).toEqual(moved);
    // A vault set to PBKDF2 for new wrappings opens it and leaves it: nothing moves down.
    await (await before.unlock(PASS)).close();
    expect(await storedKeyring(keyFile)).toEqual(moved);
  });

  it('keeps the old wrapping when Argon2id fails or does not give the same key twice', async () => {
    const { keyFile, counting, before, after } = workspace();
    await (await before.setUp(PASS)).core.close();
    const old = await storedKeyring(keyFile);
    for (const broken of ['fails', 'random'] as const) {
      counting.state.broken = broken;
      const core = await after.unlock(PASS);
      await core.close();
      expect(await storedKeyring(keyFile)).toEqual(old);
    }
    counting.state.broken = undefined;
    await (await after.unlock(PASS)).close();
    expect((await storedKeyring(keyFile)).passphrase.kdf.algorithm).toBe('argon2id');
  });

  it('a duress passphrase set before still erases; its slot keeps its KDF (on or off alike)', async () => {
    const { keyFile, before, after } = workspace();
    await (await before.setUp(PASS)).core.close();
    await before.setDuressPassphrase(PASS, DURESS);
    await (await after.unlock(PASS)).close();
    expect((await storedKeyring(keyFile)).passphrase.kdf.algorithm).toBe('argon2id');
    const slot = await stored(keyFile, 'duress');
    expect(isDuressSlot(slot) && slot.kdf.algorithm).toBe('PBKDF2-SHA256');
    await expect(after.unlock(DURESS)).rejects.toBeInstanceOf(DuressErasedError);
    expect(await keyFile.read()).toBeNull();
  });

  it('the recovery key still resets the passphrase; the new wrappings are all Argon2id', async () => {
    const { keyFile, before, after } = workspace();
    const { core, recoveryKey } = await before.setUp(PASS, { withRecoveryKey: true });
    await core.close();
    await (await after.unlock(PASS)).close();
    const moved = await storedKeyring(keyFile);
    // Without the recovery key its wrapping cannot be redone: it waits for the next rotation.
    expect(moved.recovery?.kdf.algorithm).toBe('PBKDF2-SHA256');
    const recovered = await after.recover(recoveryKey ?? '', 'a brand new passphrase');
    await recovered.core.close();
    const rotated = await storedKeyring(keyFile);
    expect(rotated.passphrase.kdf.algorithm).toBe('argon2id');
    expect(rotated.recovery?.kdf.algorithm).toBe('argon2id');
    await (await after.unlock('a brand new passphrase')).close();
  });

  it('a new workspace: every attempt costs the same two Argon2id derivations, duress on or off', async () => {
    const { counting, after } = workspace();
    await (await after.setUp(PASS)).core.close();
    const derivationsFor = async (passphrase: string) => {
      counting.state.calls = 0;
      const core = await after.unlock(passphrase).catch(() => null);
      await core?.close();
      return counting.state.calls;
    };
    const off = [await derivationsFor('not it'), await derivationsFor(PASS)];
    await after.setDuressPassphrase(PASS, DURESS);
    const on = [await derivationsFor('not it'), await derivationsFor(PASS)];
    expect({ off, on, duress: await derivationsFor(DURESS) }).toEqual({
      off: [2, 2],
      on: [2, 2],
      duress: 2,
    });
  });
});
