/**
 * The key file: its encoding, and the vault keeping its keyring there (KeyFileStore) rather
 * than in the database: a workspace from before moves at its next unlock, all or nothing, and
 * erasing overwrites the file before deleting it.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import {
  MIN_PBKDF2_ITERATIONS,
  TamperedDataError,
  Vault,
  memoryKeyFileStore,
  type KeyFileStore,
  type MemoryKeyFileStore,
} from '@core/index';
import { createKeyring } from '@core/crypto';
import { TadamunDatabase } from '@core/db/database';
import { decodeKeyFile, encodeKeyFile, type KeyFile } from '@core/vault/key-file';
import { KeyFileWriteError } from '@core/vault/vault';
import { rawDatabaseText } from './raw-scan';

// Each unlock derives keys twice (the duress check): slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const PASS = 'a long enough passphrase';
const NAME = 'key-file-test';

function vaultOn(keyFile: KeyFileStore, factory = new IDBFactory()) {
  const vault = new Vault({
    name: NAME,
    indexedDB: factory,
    IDBKeyRange,
    iterations: MIN_PBKDF2_ITERATIONS,
    scrubBytes: 1 << 16,
    keyFile,
  });
  return { vault, factory };
}

const hex = (buffer: ArrayBuffer | Uint8Array) =>
  Buffer.from(new Uint8Array(buffer)).toString('hex');

/** The database's vault table, as a workspace from before the key file kept its keyring there. */
async function vaultTable(factory: IDBFactory) {
  const db = new TadamunDatabase(NAME, { indexedDB: factory, IDBKeyRange });
  await db.open();
  try {
    return await db.vault.toArray();
  } finally {
    db.close();
  }
}

/**
 * A workspace as the app kept it before the key file: keyring, lockout and duress slot in the
 * database's vault table, no key file. Returns the store it will use from now on.
 */
async function legacyWorkspace(failedAttempts = 0) {
  const setUpStore = memoryKeyFileStore();
  const { vault, factory } = vaultOn(setUpStore);
  const { core } = await vault.setUp(PASS, { withRecoveryKey: true });
  await core.contacts.create({ displayName: 'Rania Haddad' });
  await core.close();
  const file = decodeKeyFile(setUpStore.bytes ?? new Uint8Array());
  const db = new TadamunDatabase(NAME, { indexedDB: factory, IDBKeyRange });
  await db.open();
  await db.vault.bulkPut([
    { key: 'keyring', value: file.keyring },
    { key: 'lockout', value: { failedAttempts, wipeAfter: null } },
    { key: 'duress', value: file.duress },
  ]);
  db.close();
  return { factory, file };
}

describe('key file encoding', () => {
  it('keeps every byte string and parameter of the keyring as it was', async () => {
    const { keyring } = await createKeyring(PASS, {
      withRecoveryKey: true,
      iterations: MIN_PBKDF2_ITERATIONS,
    });
    const file: KeyFile = {
      format: 'tadamun-keyfile',
      version: 1,
      keyring,
      lockout: { failedAttempts: 2, wipeAfter: 5 },
    };
    const decoded = decodeKeyFile(encodeKeyFile(file));
    expect(decoded).toEqual(file);
    expect(decoded.keyring.passphrase.sealed.iv).toBeInstanceOf(Uint8Array);
    expect(decoded.keyring.passphrase.sealed.data).toBeInstanceOf(ArrayBuffer);
    expect(hex(decoded.keyring.passphrase.sealed.data)).toBe(hex(keyring.passphrase.sealed.data));
  });

  it.each([
    ['not JSON', new TextEncoder().encode('{"format":')],
    ['not UTF-8', new Uint8Array([0xff, 0xfe, 0x7b])],
    ['another format', new TextEncoder().encode('{"format":"other","version":1}')],
    ['far too large', new Uint8Array(65 * 1024).fill(32)],
  ])('refuses a file that is %s as altered', (_label, bytes) => {
    expect(() => decodeKeyFile(bytes)).toThrow(TamperedDataError);
  });

  it('refuses a lockout that is not a pair of counts', async () => {
    const { keyring } = await createKeyring(PASS, { iterations: MIN_PBKDF2_ITERATIONS });
    for (const lockout of [
      { failedAttempts: -1, wipeAfter: null },
      { failedAttempts: '0', wipeAfter: null },
      { failedAttempts: 0, wipeAfter: 2.5 },
      {},
    ]) {
      const text = new TextDecoder().decode(
        encodeKeyFile({
          format: 'tadamun-keyfile',
          version: 1,
          keyring,
          lockout: lockout as never,
        }),
      );
      expect(() => decodeKeyFile(new TextEncoder().encode(text))).toThrow(/keyfile/);
    }
  });
});

describe('vault: the key file', () => {
  it('keeps the keyring, the duress slot and the lockout in the key file; the database holds none', async () => {
    const keyFile = memoryKeyFileStore();
    const { vault, factory } = vaultOn(keyFile);
    const { core } = await vault.setUp(PASS);
    await core.contacts.create({ displayName: 'Nour' });
    await core.close();
    const file = decodeKeyFile(keyFile.bytes ?? new Uint8Array());
    expect(file.lockout).toEqual({ failedAttempts: 0, wipeAfter: null });
    expect(file.duress).toBeDefined();
    expect(await vaultTable(factory)).toEqual([]);
    const text = await rawDatabaseText(factory, NAME);
    expect(text).not.toContain(file.keyring.passphrase.kdf.salt);
    expect(text).not.toContain('tadamun-keyring');
  });

  it('after a passphrase change the old wrapped key is in no file: the key file was replaced whole', async () => {
    const keyFile = memoryKeyFileStore();
    const { vault, factory } = vaultOn(keyFile);
    const { core } = await vault.setUp(PASS, { withRecoveryKey: true });
    const old = decodeKeyFile(keyFile.bytes ?? new Uint8Array()).keyring;
    await vault.changePassphrase(core, PASS, 'the next passphrase');
    await core.close();
    const stored = new TextDecoder().decode(keyFile.bytes ?? new Uint8Array());
    for (const wrapped of [old.passphrase, old.recovery]) {
      const data = new Uint8Array(wrapped?.sealed.data ?? new ArrayBuffer(1));
      expect(stored).not.toContain(Buffer.from(data).toString('base64'));
      expect(await rawDatabaseText(factory, NAME)).not.toContain(old.passphrase.kdf.salt);
    }
    await (await vault.unlock('the next passphrase')).close();
  });

  it('refuses to open with a damaged key file, naming it', async () => {
    const keyFile = memoryKeyFileStore();
    const { vault } = vaultOn(keyFile);
    await (await vault.setUp(PASS)).core.close();
    const bytes = keyFile.bytes ?? new Uint8Array();
    keyFile.bytes = bytes.slice(0, bytes.length - 10);
    const refused = await vault.unlock(PASS).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TamperedDataError);
    expect((refused as TamperedDataError).where).toBe('keyfile');
  });

  it('erase overwrites the key file with random bytes of its length, then deletes it and the database', async () => {
    const keyFile = memoryKeyFileStore();
    const { vault, factory } = vaultOn(keyFile);
    await (await vault.setUp(PASS)).core.close();
    const before = keyFile.bytes ?? new Uint8Array();
    await vault.erase();
    expect(keyFile.bytes).toBeNull();
    expect(keyFile.overwrites).toHaveLength(1);
    const [overwrite] = keyFile.overwrites;
    expect(overwrite?.length).toBe(before.length);
    expect(hex(overwrite ?? new Uint8Array())).not.toBe(hex(before));
    expect(await factory.databases()).toEqual([]);
    expect(await vault.state()).toEqual({ kind: 'new' });
  });

  it('deletes the database even when the key file cannot be erased, and says so', async () => {
    const keyFile = memoryKeyFileStore();
    const { vault, factory } = vaultOn(keyFile);
    await (await vault.setUp(PASS)).core.close();
    keyFile.erase = () => Promise.reject(new Error('disk busy'));
    await expect(vault.erase()).rejects.toThrow(/disk busy/);
    expect(await factory.databases()).toEqual([]);
  });
});

describe('vault: moving a workspace from before the key file', () => {
  it('reads its state from the database without writing, then moves at the next unlock', async () => {
    const { factory, file } = await legacyWorkspace(2);
    const keyFile = memoryKeyFileStore();
    const { vault } = vaultOn(keyFile, factory);
    expect(await vault.state()).toEqual({
      kind: 'locked',
      hasRecoveryKey: true,
      lockout: { failedAttempts: 2, wipeAfter: null },
    });
    expect(keyFile.bytes).toBeNull();
    const core = await vault.unlock(PASS);
    expect(core.contacts.all().map((c) => c.displayName)).toEqual(['Rania Haddad']);
    await core.close();
    const moved = decodeKeyFile(keyFile.bytes ?? new Uint8Array());
    expect(moved.keyring).toEqual(file.keyring);
    expect(moved.duress).toEqual(file.duress);
    expect(moved.lockout).toEqual({ failedAttempts: 0, wipeAfter: null });
    expect(await vaultTable(factory)).toEqual([]);
    await (await vault.unlock(PASS)).close();
  });

  it('keeps counting a legacy failed-attempt count after moving, on a wrong passphrase', async () => {
    const { factory } = await legacyWorkspace(2);
    const keyFile = memoryKeyFileStore();
    const { vault } = vaultOn(keyFile, factory);
    await expect(vault.unlock('not it')).rejects.toThrow(/not correct/);
    expect(decodeKeyFile(keyFile.bytes ?? new Uint8Array()).lockout.failedAttempts).toBe(3);
    expect(await vaultTable(factory)).toEqual([]);
  });

  it('a key file that does not read back as written: nothing moves, the database keeps the only copy', async () => {
    const { factory } = await legacyWorkspace();
    const failing: MemoryKeyFileStore = memoryKeyFileStore();
    const write = failing.write;
    // A disk that loses the last bytes of what it is given.
    failing.write = (bytes) => write(bytes.slice(0, bytes.length - 1));
    const { vault } = vaultOn(failing, factory);
    await expect(vault.unlock(PASS)).rejects.toBeInstanceOf(KeyFileWriteError);
    expect(failing.bytes).toBeNull();
    expect((await vaultTable(factory)).map((row) => row.key).sort()).toEqual([
      'duress',
      'keyring',
      'lockout',
    ]);
    // A store that fails outright: the same.
    const refusing = memoryKeyFileStore();
    refusing.write = () => Promise.reject(new Error('no space left on device'));
    await expect(vaultOn(refusing, factory).vault.unlock(PASS)).rejects.toThrow(/no space/);
    expect(await vaultTable(factory)).toHaveLength(3);
    // Later, on a working disk, it moves and opens.
    const keyFile = memoryKeyFileStore();
    const core = await vaultOn(keyFile, factory).vault.unlock(PASS);
    expect(core.contacts.count()).toBe(1);
    await core.close();
    expect(await vaultTable(factory)).toEqual([]);
  });

  it('moves a lockout row that is not a pair of counts as zero attempts, wipe off', async () => {
    const { factory } = await legacyWorkspace();
    const db = new TadamunDatabase(NAME, { indexedDB: factory, IDBKeyRange });
    await db.open();
    await db.vault.put({ key: 'lockout', value: { failedAttempts: 'many', wipeAfter: 1 } });
    db.close();
    const keyFile = memoryKeyFileStore();
    await (await vaultOn(keyFile, factory).vault.unlock(PASS)).close();
    expect(decodeKeyFile(keyFile.bytes ?? new Uint8Array()).lockout).toEqual({
      failedAttempts: 0,
      wipeAfter: null,
    });
  });

  it('a move cut short after the file was written finishes: the file is used, the old rows deleted', async () => {
    const { factory, file } = await legacyWorkspace();
    const keyFile = memoryKeyFileStore(encodeKeyFile(file));
    const { vault } = vaultOn(keyFile, factory);
    const core = await vault.unlock(PASS);
    await core.close();
    expect(await vaultTable(factory)).toEqual([]);
  });

  it('a half-written key file beside the old rows is set aside for the rows', async () => {
    const { factory, file } = await legacyWorkspace();
    const bytes = encodeKeyFile(file);
    const keyFile = memoryKeyFileStore(bytes.slice(0, 20));
    const { vault } = vaultOn(keyFile, factory);
    expect(await vault.state()).toMatchObject({ kind: 'locked' });
    const core = await vault.unlock(PASS);
    await core.close();
    expect(decodeKeyFile(keyFile.bytes ?? new Uint8Array()).keyring).toEqual(file.keyring);
    expect(await vaultTable(factory)).toEqual([]);
  });
});
