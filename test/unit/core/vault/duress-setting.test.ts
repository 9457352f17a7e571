import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DuressErasedError,
  DuressSameAsPassphraseError,
  MIN_PBKDF2_ITERATIONS,
  Vault,
  WorkspaceWipedError,
  WrongPassphraseAttemptError,
  WrongPassphraseError,
  isDuressSet,
  memoryKeyFileStore,
  rememberDuressSet,
} from '@core/index';
import { decodeKeyFile, encodeKeyFile } from '@core/vault';
import { rawDatabaseText } from './raw-scan';

// Each unlock derives keys twice (the duress check): slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const PASS = 'a long enough passphrase';
const DURESS = 'the sky is green today';
const NAME = 'duress-test';

function vaultOn(factory = new IDBFactory(), keyFile = memoryKeyFileStore()) {
  return {
    factory,
    keyFile,
    vault: new Vault({
      keyFile,
      name: NAME,
      indexedDB: factory,
      IDBKeyRange,
      iterations: MIN_PBKDF2_ITERATIONS,
    }),
  };
}

async function databaseNames(factory: IDBFactory): Promise<string[]> {
  return (await factory.databases()).map((info) => info.name ?? '');
}

/** A workspace with a contact, a duress passphrase set, locked. */
async function lockedWithDuress(wipeAfter: number | null = null) {
  const opened = vaultOn();
  const { core } = await opened.vault.setUp(PASS, { withRecoveryKey: true });
  await opened.vault.setWipeAfter(core.store, wipeAfter);
  await core.contacts.create({ displayName: 'Rania Haddad' });
  await opened.vault.setDuressPassphrase(PASS, DURESS);
  await rememberDuressSet(core.store, true);
  expect(await isDuressSet(core.store)).toBe(true);
  await core.close();
  return opened;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('duress passphrase', () => {
  it('is off by default; its slot is there all the same, and nothing opens it', async () => {
    const { keyFile, vault } = vaultOn();
    const { core } = await vault.setUp(PASS);
    expect(await isDuressSet(core.store)).toBe(false);
    await core.close();
    expect(decodeKeyFile(keyFile.bytes ?? new Uint8Array()).duress?.kdf.salt).toBeTruthy();
    await expect(vault.unlock('the sky is green today')).rejects.toBeInstanceOf(
      WrongPassphraseAttemptError,
    );
    expect(await vault.state()).toMatchObject({ kind: 'locked', lockout: { failedAttempts: 1 } });
  });

  it('entered at unlock, erases everything: no database, no sealed row, no keyring', async () => {
    const { factory, vault, keyFile } = await lockedWithDuress();
    expect(await databaseNames(factory)).toContain(NAME);
    const size = keyFile.bytes?.length;
    await expect(vault.unlock(DURESS)).rejects.toBeInstanceOf(DuressErasedError);
    expect(await databaseNames(factory)).not.toContain(NAME);
    // The key file was overwritten with random bytes of its length, then deleted.
    expect(keyFile.bytes).toBeNull();
    expect(keyFile.overwrites.map((bytes) => bytes.length)).toEqual([size]);
    // Opening it again makes an empty database: no row of any table.
    expect(await vault.state()).toEqual({ kind: 'new' });
    expect((await rawDatabaseText(factory, NAME)).trim()).toBe('');
    // A new workspace can be set up, and holds nothing of the old one.
    const { core } = await vault.setUp('a brand new passphrase');
    expect(core.contacts.count()).toBe(0);
    expect(await isDuressSet(core.store)).toBe(false);
    await core.close();
  });

  it('wrong passphrases are still counted (and wipe-after-N still applies) with duress set', async () => {
    const { vault } = await lockedWithDuress(3);
    const first = await vault.unlock('not it').catch((error: unknown) => error);
    expect(first).toBeInstanceOf(WrongPassphraseAttemptError);
    expect((first as WrongPassphraseAttemptError).attemptsLeft).toBe(2);
    expect(await vault.state()).toMatchObject({ lockout: { failedAttempts: 1 } });
    const core = await vault.unlock(PASS);
    expect(core.contacts.all().map((c) => c.displayName)).toEqual(['Rania Haddad']);
    expect(await vault.state()).toMatchObject({ lockout: { failedAttempts: 0 } });
    await core.close();
    await vault.unlock('no 1').catch(() => undefined);
    await vault.unlock('no 2').catch(() => undefined);
    await expect(vault.unlock('no 3')).rejects.toBeInstanceOf(WorkspaceWipedError);
  });

  it('setting it needs the current passphrase and refuses one equal to it', async () => {
    const { vault } = vaultOn();
    const { core } = await vault.setUp(PASS);
    await core.close();
    await expect(vault.setDuressPassphrase('wrong', DURESS)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(vault.setDuressPassphrase(PASS, PASS)).rejects.toBeInstanceOf(
      DuressSameAsPassphraseError,
    );
    // The same once normalized (a decomposed é) is the same passphrase.
    const { vault: other } = vaultOn();
    await (await other.setUp('Café au lait, 4 sugars')).core.close();
    await expect(
      other.setDuressPassphrase('Café au lait, 4 sugars', 'Cafe\u0301 au lait, 4 sugars'),
    ).rejects.toBeInstanceOf(DuressSameAsPassphraseError);
    await expect(vault.setDuressPassphrase(PASS, '')).rejects.toThrow(/empty/);
    // Nothing was set by the refusals: the would-be duress passphrase is just wrong.
    await expect(vault.unlock(DURESS)).rejects.toBeInstanceOf(WrongPassphraseAttemptError);
  });

  it('the passphrase cannot be changed (or reset) to the duress passphrase', async () => {
    const { vault } = await lockedWithDuress();
    const core = await vault.unlock(PASS);
    await expect(vault.changePassphrase(core, PASS, DURESS)).rejects.toBeInstanceOf(
      DuressSameAsPassphraseError,
    );
    await core.close();
    await (await vault.unlock(PASS)).close();
  });

  it('can be turned off: the duress passphrase is then only a wrong one', async () => {
    const { vault } = await lockedWithDuress();
    await vault.setDuressPassphrase(PASS, null);
    await expect(vault.unlock(DURESS)).rejects.toBeInstanceOf(WrongPassphraseAttemptError);
    const core = await vault.unlock(PASS);
    expect(core.contacts.count()).toBe(1);
    await core.close();
  });

  it('survives a passphrase change: the duress passphrase still erases', async () => {
    const { factory, vault } = await lockedWithDuress();
    const core = await vault.unlock(PASS);
    await vault.changePassphrase(core, PASS, 'the next passphrase');
    await core.close();
    await expect(vault.unlock(DURESS)).rejects.toBeInstanceOf(DuressErasedError);
    expect(await databaseNames(factory)).not.toContain(NAME);
  });

  it('costs the same derivations whatever is entered: timing parity by construction', async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveKey');
    const derivationsFor = async (vault: Vault, passphrase: string) => {
      derive.mockClear();
      const core = await vault.unlock(passphrase).catch(() => null);
      await core?.close();
      return derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations);
    };
    const off = vaultOn();
    await (await off.vault.setUp(PASS)).core.close();
    const wrongWhenOff = await derivationsFor(off.vault, 'not it');
    const rightWhenOff = await derivationsFor(off.vault, PASS);
    const { vault } = await lockedWithDuress();
    const wrongWhenOn = await derivationsFor(vault, 'not it');
    const right = await derivationsFor(vault, PASS);
    const duress = await derivationsFor(vault, DURESS);
    const two = [MIN_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS];
    expect({ wrongWhenOff, rightWhenOff, wrongWhenOn, right, duress }).toEqual({
      wrongWhenOff: two,
      rightWhenOff: two,
      wrongWhenOn: two,
      right: two,
      duress: two,
    });
  });

  it('a workspace from before duress derives for an empty slot, and gets one stored', async () => {
    const { keyFile, vault } = vaultOn();
    await (await vault.setUp(PASS)).core.close();
    const { duress: _slot, ...before } = decodeKeyFile(keyFile.bytes ?? new Uint8Array());
    keyFile.bytes = encodeKeyFile(before);
    const derive = vi.spyOn(crypto.subtle, 'deriveKey');
    await expect(vault.unlock('not it')).rejects.toBeInstanceOf(WrongPassphraseAttemptError);
    expect(derive).toHaveBeenCalledTimes(2);
    await (await vault.unlock(PASS)).close();
    expect(decodeKeyFile(keyFile.bytes ?? new Uint8Array()).duress).toBeDefined();
  });
});
