/**
 * The lockout against someone who can write the disk (issue 19, attack 5): the wipe setting
 * changed in the key file is found and undone at the next unlock, and an attempt cut short
 * (the window closed while the key is derived) is still counted. Each test fails without its
 * fix: with the setting only in the file, and with the count written after the derivation.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WrongPassphraseAttemptError } from '@core/index';
import {
  MIN_PBKDF2_ITERATIONS,
  Vault,
  WorkspaceWipedError,
  memoryKeyFileStore,
  type MemoryKeyFileStore,
} from '@core/index';
import { decodeKeyFile, encodeKeyFile, type Lockout } from '@core/vault/key-file';
import { LOCKOUT_META_KEY, sealedWipeAfter } from '@core/vault/lockout-seal';

// Each unlock derives keys twice (the duress check): slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const PASS = 'a long enough passphrase';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A fresh start of the app on the same disk: a new Vault over the same database and key file. */
function appOn(keyFile: MemoryKeyFileStore, factory: IDBFactory) {
  return new Vault({
    name: 'lockout-test',
    indexedDB: factory,
    IDBKeyRange,
    iterations: MIN_PBKDF2_ITERATIONS,
    keyFile,
  });
}

/** A workspace with wipe-after-3 set, locked. */
async function armedWorkspace() {
  const keyFile = memoryKeyFileStore();
  const factory = new IDBFactory();
  const vault = appOn(keyFile, factory);
  const { core } = await vault.setUp(PASS);
  await core.contacts.create({ displayName: 'Rania Haddad' });
  await vault.setWipeAfter(core.store, 3);
  await core.close();
  return { keyFile, factory, vault };
}

const lockoutIn = (keyFile: MemoryKeyFileStore) =>
  decodeKeyFile(keyFile.bytes ?? new Uint8Array()).lockout;

/** What someone who can write the disk does: rewrite the key file's lockout. */
function rewriteLockout(keyFile: MemoryKeyFileStore, lockout: Lockout): void {
  const file = decodeKeyFile(keyFile.bytes ?? new Uint8Array());
  keyFile.bytes = encodeKeyFile({ ...file, lockout });
}

describe('lockout: someone who can write the disk', () => {
  it('disarming wipe-after-N in the key file is found and undone at the next unlock', async () => {
    const { keyFile, vault } = await armedWorkspace();
    rewriteLockout(keyFile, { failedAttempts: 0, wipeAfter: null });
    // Until the passphrase is typed nothing can tell (docs/security.md): guesses go uncapped.
    for (const guess of ['guess 1', 'guess 2', 'guess 3']) {
      const refused = await vault.unlock(guess).catch((error: unknown) => error);
      expect((refused as WrongPassphraseAttemptError).attemptsLeft).toBeNull();
    }
    const core = await vault.unlock(PASS);
    expect(vault.takeAlteredLockout()).toEqual({ found: null, restored: 3 });
    expect(vault.takeAlteredLockout()).toBeUndefined();
    expect(await sealedWipeAfter(core.store)).toBe(3);
    await core.close();
    expect(lockoutIn(keyFile)).toEqual({ failedAttempts: 0, wipeAfter: 3 });
    // The user's setting applies again.
    await vault.unlock('no 1').catch(() => undefined);
    await vault.unlock('no 2').catch(() => undefined);
    await expect(vault.unlock('no 3')).rejects.toBeInstanceOf(WorkspaceWipedError);
  });

  it('raising the limit, or arming it when it was off, is found and undone too', async () => {
    const { keyFile, vault } = await armedWorkspace();
    rewriteLockout(keyFile, { failedAttempts: 0, wipeAfter: 20 });
    await (await vault.unlock(PASS)).close();
    expect(vault.takeAlteredLockout()).toEqual({ found: 20, restored: 3 });

    const off = memoryKeyFileStore();
    const offVault = appOn(off, new IDBFactory());
    await (await offVault.setUp(PASS)).core.close();
    rewriteLockout(off, { failedAttempts: 0, wipeAfter: 5 });
    await (await offVault.unlock(PASS)).close();
    expect(offVault.takeAlteredLockout()).toEqual({ found: 5, restored: null });
    expect(lockoutIn(off).wipeAfter).toBeNull();
  });

  it('an untouched setting reports nothing; a workspace without a sealed copy gets one', async () => {
    const { vault } = await armedWorkspace();
    await (await vault.unlock(PASS)).close();
    expect(vault.takeAlteredLockout()).toBeUndefined();

    const keyFile = memoryKeyFileStore();
    const older = appOn(keyFile, new IDBFactory());
    const { core } = await older.setUp(PASS);
    await core.store.writeMeta(LOCKOUT_META_KEY, undefined);
    await core.close();
    rewriteLockout(keyFile, { failedAttempts: 0, wipeAfter: 4 });
    const opened = await older.unlock(PASS);
    expect(older.takeAlteredLockout()).toBeUndefined();
    expect(await sealedWipeAfter(opened.store)).toBe(4);
    await opened.close();
  });

  it('an attempt is counted before the key is derived: closing the app mid-attempt does not undo it', async () => {
    const { keyFile, factory } = await armedWorkspace();
    const order: string[] = [];
    const write = keyFile.write;
    keyFile.write = (bytes) => {
      order.push(`count ${decodeKeyFile(bytes).lockout.failedAttempts}`);
      return write(bytes);
    };
    // The derivation never ends: the window is closed while it runs.
    vi.spyOn(crypto.subtle, 'deriveKey').mockImplementation(() => {
      order.push('derive');
      return new Promise<CryptoKey>(() => undefined);
    });
    void appOn(keyFile, factory).unlock('a guess');
    await vi.waitFor(() => expect(order).toContain('derive'));
    expect(order[0]).toBe('count 1');
    expect(lockoutIn(keyFile).failedAttempts).toBe(1);
    vi.restoreAllMocks();

    // The next start sees the attempt; the right passphrase sets the count back to zero.
    const next = appOn(keyFile, factory);
    expect(await next.state()).toMatchObject({ lockout: { failedAttempts: 1, wipeAfter: 3 } });
    await (await next.unlock(PASS)).close();
    expect(lockoutIn(keyFile).failedAttempts).toBe(0);
  });

  it('a right passphrase writes the key file twice (the count, then zero), a wrong one once', async () => {
    const { keyFile, factory } = await armedWorkspace();
    const counts: number[] = [];
    const write = keyFile.write;
    keyFile.write = (bytes) => {
      counts.push(decodeKeyFile(bytes).lockout.failedAttempts);
      return write(bytes);
    };
    await appOn(keyFile, factory)
      .unlock('a guess')
      .catch(() => undefined);
    expect(counts).toEqual([1]);
    await (await appOn(keyFile, factory).unlock(PASS)).close();
    expect(counts).toEqual([1, 2, 0]);
  });

  it('nothing is decided before the count is on disk: a count write that hangs answers nothing, one that fails opens nothing', async () => {
    const { keyFile, factory } = await armedWorkspace();
    const write = keyFile.write;
    let land: () => void = () => undefined;
    keyFile.write = (bytes) => {
      keyFile.write = write;
      return new Promise<void>((resolve) => {
        land = () => void write(bytes).then(resolve);
      });
    };
    const derive = crypto.subtle.deriveKey.bind(crypto.subtle);
    let derived = 0;
    vi.spyOn(crypto.subtle, 'deriveKey').mockImplementation(async (...args) => {
      const key = await derive(...args);
      derived += 1;
      return key;
    });
    let keyReady = false;
    let settled = false;
    const unlocking = appOn(keyFile, factory)
      .unlock(PASS, { onKeyReady: () => (keyReady = true) })
      .finally(() => (settled = true));
    // Both derivations finish (they run while the count is written), and still no answer.
    await vi.waitFor(() => expect(derived).toBe(2), { timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect({ keyReady, settled }).toEqual({ keyReady: false, settled: false });
    land();
    await (await unlocking).close();
    expect(keyReady).toBe(true);

    keyFile.write = () => Promise.reject(new Error('disk full'));
    const error = await appOn(keyFile, factory)
      .unlock(PASS)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('disk full');
  });

  it('attempts cut short up to the limit erase the workspace at the next try, without deriving', async () => {
    const { keyFile, factory, vault } = await armedWorkspace();
    await vault.unlock('no 1').catch(() => undefined);
    await vault.unlock('no 2').catch(() => undefined);
    const hung = vi
      .spyOn(crypto.subtle, 'deriveKey')
      .mockImplementation(() => new Promise<CryptoKey>(() => undefined));
    void appOn(keyFile, factory).unlock('no 3, cut short');
    await vi.waitFor(() => expect(lockoutIn(keyFile).failedAttempts).toBe(3));
    hung.mockRestore();
    const derive = vi.spyOn(crypto.subtle, 'deriveKey');
    await expect(appOn(keyFile, factory).unlock(PASS)).rejects.toBeInstanceOf(WorkspaceWipedError);
    expect(derive).not.toHaveBeenCalled();
    expect(keyFile.bytes).toBeNull();
  });
});
