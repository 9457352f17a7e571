import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import {
  DuressErasedError,
  MIN_PBKDF2_ITERATIONS,
  openDataCore,
  TamperedDataError,
  Vault,
  WorkspaceWipedError,
  WrongPassphraseAttemptError,
  type DataCore,
  type KdfCost,
} from '@core/index';
import {
  aesGcmCipher,
  isKeyring,
  openKeyring,
  WrongPassphraseError,
  type Argon2idDeriver,
  type Keyring,
} from '@core/crypto';
import { argon2idInJs } from '@core/crypto/argon2id-js';
import { isDuressSlot } from '@core/crypto/duress';
import { toBase64 } from '@core/crypto/bytes';
import {
  decodeKeyFile,
  memoryKeyFileStore,
  type KeyFileStore,
  type MemoryKeyFileStore,
} from '@core/vault';
import { TadamunDatabase, type PendingRow } from '@core/db/database';
import { isMetaPart, RowCodec } from '@core/db/row-codec';
import { RotationIncompleteError } from '@core/vault/vault';
import { failNthWrite } from '../../../helpers/fail-nth-write';
import { rawDatabaseText } from './raw-scan';

// Each unlock derives keys twice (the duress check): slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const PASS = 'a long enough passphrase';
const MARKERS = ['QZXMARKERLATIN', 'علامةسريةفريدة'];

function vaultOn(factory = new IDBFactory(), name = 'vault-test', keyFile = memoryKeyFileStore()) {
  return {
    factory,
    keyFile,
    vault: new Vault({
      keyFile,
      name,
      indexedDB: factory,
      IDBKeyRange,
      iterations: MIN_PBKDF2_ITERATIONS,
      scrubBytes: 1 << 20,
    }),
  };
}

/** Writes a marker into every kind of record that holds free text, and searches for it. */
async function writeMarkers(core: DataCore): Promise<void> {
  const [latin, arabic] = MARKERS;
  const contact = await core.contacts.create({
    givenName: latin,
    familyName: arabic,
    notes: `${latin} ${arabic}`,
  });
  const campaign = await core.campaigns.create({ name: `${arabic} campaign`, description: latin });
  const template = await core.templates.create({ name: `${latin} template`, body: arabic });
  await core.letters.create({
    campaignId: campaign.id,
    templateId: template.id,
    contactId: contact.id,
    renderedText: `${latin} ${arabic}`,
  });
  expect(core.search.search(arabic ?? '')[0]?.contact.id).toBe(contact.id);
}

const containsMarker = (text: string) => MARKERS.some((marker) => text.includes(marker));

describe('vault: encryption at rest', () => {
  it('leaves no plaintext in the database; the same data unencrypted does (the scan works)', async () => {
    const { factory, vault } = vaultOn();
    const { core } = await vault.setUp(PASS);
    await writeMarkers(core);
    await core.close();
    expect(containsMarker(await rawDatabaseText(factory, 'vault-test'))).toBe(false);

    const plainFactory = new IDBFactory();
    const plain = await openDataCore({ name: 'plain', indexedDB: plainFactory, IDBKeyRange });
    await writeMarkers(plain);
    await plain.close();
    expect(containsMarker(await rawDatabaseText(plainFactory, 'plain'))).toBe(true);
  });

  it('locks and unlocks: wrong passphrases counted and refused, data intact after', async () => {
    const { vault } = vaultOn();
    expect(await vault.state()).toEqual({ kind: 'new' });
    const { core } = await vault.setUp(PASS);
    await core.contacts.create({ displayName: 'Rania Haddad' });
    await core.close();
    expect(await vault.state()).toMatchObject({ kind: 'locked', hasRecoveryKey: false });
    const wrong = await vault.unlock('not it').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(WrongPassphraseAttemptError);
    expect((wrong as WrongPassphraseAttemptError).attemptsLeft).toBeNull();
    expect(await vault.state()).toMatchObject({ lockout: { failedAttempts: 1 } });
    const unlocked = await vault.unlock(PASS);
    expect(unlocked.search.search('rania')[0]?.contact.displayName).toBe('Rania Haddad');
    expect(await vault.state()).toMatchObject({ lockout: { failedAttempts: 0 } });
    await unlocked.close();
  });

  it('locking drops the decrypted records and the search index', async () => {
    const { vault } = vaultOn();
    const { core } = await vault.setUp(PASS);
    await core.contacts.create({ displayName: 'Omar Saleh' });
    expect(core.search.size).toBe(1);
    await core.close();
    expect(core.search.size).toBe(0);
    expect(core.search.search('omar')).toEqual([]);
    expect(core.contacts.all()).toEqual([]);
    expect(core.store.isDisposed).toBe(true);
    await expect(core.contacts.create({ displayName: 'After lock' })).rejects.toThrow(/locked/);
  });

  it('changing the passphrase keeps the data readable; the old one stops working', async () => {
    const { vault } = vaultOn();
    const { core } = await vault.setUp(PASS);
    await core.contacts.create({ displayName: 'Nour' });
    await expect(vault.changePassphrase(core, 'wrong', 'x y z w')).rejects.toThrow(/passphrase/);
    expect(await vault.changePassphrase(core, PASS, 'the new passphrase')).toEqual({});
    await core.close();
    await expect(vault.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseAttemptError);
    const again = await vault.unlock('the new passphrase');
    expect(again.contacts.all().map((c) => c.displayName)).toEqual(['Nour']);
    await again.close();
  });

  it('recovers with the recovery key and sets a new passphrase', async () => {
    const { vault } = vaultOn();
    const { core, recoveryKey } = await vault.setUp(PASS, { withRecoveryKey: true });
    await core.contacts.create({ displayName: 'Layla' });
    await core.close();
    const recovered = await vault.recover(recoveryKey ?? '', 'after recovery');
    expect(recovered.core.contacts.count()).toBe(1);
    await recovered.core.close();
    await (await vault.unlock('after recovery')).close();
  });

  it('detects a tampered or moved row instead of loading it', async () => {
    const { factory, vault, keyFile } = vaultOn();
    const { core } = await vault.setUp(PASS);
    await core.contacts.createMany(
      Array.from({ length: 1500 }, (_, i) => ({ displayName: `P${i}` })),
    );
    const db = core.store.db;
    const [first, second] = await db.chunks.toArray();
    await core.close();
    if (!first?.sealed || !second?.sealed) throw new Error('expected two sealed chunks');
    const raw = new Vault({ name: 'vault-test', indexedDB: factory, IDBKeyRange, keyFile });
    // Swap the two chunks' payloads: each is intact, but sealed for the other place.
    await db.open();
    await db.chunks.bulkPut([
      { ...first, sealed: second.sealed },
      { ...second, sealed: first.sealed },
    ]);
    db.close();
    await expect(raw.unlock(PASS)).rejects.toBeInstanceOf(TamperedDataError);
    // Flip one bit of one payload.
    await db.open();
    const bytes = new Uint8Array(first.sealed.data.slice(0));
    bytes[10] = (bytes[10] ?? 0) ^ 0x80;
    await db.chunks.bulkPut([
      first,
      { ...second, sealed: { iv: second.sealed.iv, data: bytes.buffer } },
    ]);
    db.close();
    await expect(raw.unlock(PASS)).rejects.toBeInstanceOf(TamperedDataError);
  });

  it('seals a workspace written before encryption existed, keeping every record', async () => {
    const factory = new IDBFactory();
    const plain = await openDataCore({ name: 'vault-test', indexedDB: factory, IDBKeyRange });
    await writeMarkers(plain);
    const before = plain.contacts.all();
    await plain.close();
    expect(containsMarker(await rawDatabaseText(factory, 'vault-test'))).toBe(true);
    const { vault } = vaultOn(factory);
    const { core } = await vault.setUp(PASS);
    expect(core.contacts.all()).toEqual(before);
    expect(core.search.search(MARKERS[0] ?? '')).toHaveLength(1);
    await core.close();
    expect(containsMarker(await rawDatabaseText(factory, 'vault-test'))).toBe(false);
  });

  it('wipes after N failed attempts when asked to, and only then', async () => {
    const { factory, vault, keyFile } = vaultOn();
    const { core } = await vault.setUp(PASS);
    await core.contacts.create({ displayName: 'Kept' });
    await expect(vault.setWipeAfter(core.store, 1)).rejects.toThrow(/3 or more/);
    await vault.setWipeAfter(core.store, 3);
    await core.close();
    const first = await vault.unlock('bad 1').catch((error: unknown) => error);
    expect((first as WrongPassphraseAttemptError).attemptsLeft).toBe(2);
    const second = await vault.unlock('bad 2').catch((error: unknown) => error);
    expect((second as WrongPassphraseAttemptError).attemptsLeft).toBe(1);
    await expect(vault.unlock('bad 3')).rejects.toBeInstanceOf(WorkspaceWipedError);
    expect(await vault.state()).toEqual({ kind: 'new' });
    expect(await rawDatabaseText(factory, 'vault-test')).toBe('');
    expect(keyFile.bytes).toBeNull();
    expect(keyFile.overwrites).toHaveLength(1);
  });

  it('erase leaves nothing behind', async () => {
    const { factory, vault } = vaultOn();
    const { core } = await vault.setUp(PASS);
    await writeMarkers(core);
    await core.close();
    await vault.erase();
    expect(await factory.databases()).toEqual([]);
    expect(await vault.state()).toEqual({ kind: 'new' });
  });
});

/** Someone who can write the disk, without the key (a checkpoint, a housemate, malware). */
describe('vault: key rotation', () => {
  const NEXT = 'the next passphrase';

  /** Chunks, pending rows (a deletion marker among them), a saved filter, a value in parts. */
  async function fillWorkspace(core: DataCore): Promise<void> {
    const contacts = await core.contacts.createMany(
      Array.from({ length: 2300 }, (_, index) => ({ displayName: `Contact ${index}` })),
    );
    await core.contacts.create({ displayName: 'Pending one' });
    await core.contacts.remove(contacts[5]?.id ?? '');
    await core.savedFilters.add('Rotation filter', { tag: 'حليف' });
    await core.store.writeMeta('big', 'x'.repeat(2.5 * 2 ** 20));
  }

  /** Every row as stored, read through a second connection. */
  async function rawTables(factory: IDBFactory, keyFile: MemoryKeyFileStore) {
    const db = new TadamunDatabase('vault-test', { indexedDB: factory, IDBKeyRange });
    await db.open();
    try {
      return {
        chunks: await db.chunks.toArray(),
        pending: await db.pending.toArray(),
        meta: await db.meta.toArray(),
        vault: await db.vault.toArray(),
        keyFile: decodeKeyFile(keyFile.bytes ?? new Uint8Array()),
      };
    } finally {
      db.close();
    }
  }

  const keyringIn = (tables: Awaited<ReturnType<typeof rawTables>>) => tables.keyFile.keyring;

  /** Every byte string stored anywhere, as hex. */
  function storedBytes(value: unknown, into = new Set<string>()): Set<string> {
    if (value instanceof ArrayBuffer) value = new Uint8Array(value);
    if (value instanceof Uint8Array) into.add(Buffer.from(value).toString('hex'));
    else if (Array.isArray(value)) value.forEach((item) => storedBytes(item, into));
    else if (value && typeof value === 'object') {
      Object.values(value).forEach((item) => storedBytes(item, into));
    }
    return into;
  }

  /** Each row opened with the previous key, as if it were current: none must open. */
  async function rowsOpenedBy(key: CryptoKey, tables: Awaited<ReturnType<typeof rawTables>>) {
    const codec = new RowCodec(aesGcmCipher(key), { generation: 1 });
    const partRows = async (keys: string[]) =>
      keys.map((key) => tables.meta.find((row) => row.key === key));
    const opened = await Promise.allSettled([
      ...tables.chunks.map((row) => codec.decodeChunk(row)),
      ...tables.pending.map((row) => codec.decodePending(row)),
      ...tables.meta.filter((row) => !isMetaPart(row)).map((row) => codec.openMeta(row, partRows)),
    ]);
    return opened.filter((result) => result.status === 'fulfilled').length;
  }

  const generations = (tables: Awaited<ReturnType<typeof rawTables>>) =>
    new Set(
      [...tables.chunks, ...tables.pending, ...tables.meta].map((row) => row.keyGeneration ?? 0),
    );

  it('re-seals every row with a new data key; the old key and wrapped key are gone', async () => {
    const { factory, vault, keyFile } = vaultOn();
    const { core, recoveryKey } = await vault.setUp(PASS, { withRecoveryKey: true });
    await fillWorkspace(core);
    const before = await rawTables(factory, keyFile);
    const oldKeyring = keyringIn(before);
    const oldKey = await openKeyring(oldKeyring, PASS);
    expect(await rowsOpenedBy(oldKey, { ...before, chunks: [], pending: [], meta: [] })).toBe(0);
    const progress: [number, number][] = [];
    const changed = await vault.changePassphrase(core, PASS, NEXT, {
      onResealed: (done, total) => progress.push([done, total]),
    });
    // Every chunk and pending row, and each meta value (the search copy's may come later).
    const [done, total] = progress.at(-1) ?? [];
    expect(done).toBe(total);
    expect(total).toBeGreaterThanOrEqual(before.chunks.length + before.pending.length + 2);
    expect(progress.length).toBeGreaterThan(3);
    // The open workspace goes on, now writing with the new key.
    await core.contacts.create({ displayName: 'After the change' });
    await core.close();

    const after = await rawTables(factory, keyFile);
    expect(generations(after)).toEqual(new Set([1]));
    expect(await rowsOpenedBy(oldKey, after)).toBe(0);
    const keyring = keyringIn(after);
    expect(keyring.rotation).toBeUndefined();
    expect(keyring.generation).toBe(1);
    const bytes = storedBytes(after);
    for (const wrapped of [oldKeyring.passphrase, oldKeyring.recovery]) {
      expect(
        bytes.has(Buffer.from(wrapped?.sealed.data ?? new ArrayBuffer(0)).toString('hex')),
      ).toBe(false);
    }
    // The old recovery key opens nothing; the new one does.
    expect(changed.recoveryKey).toBeDefined();
    await expect(vault.recover(recoveryKey ?? '', 'x y z w v')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(vault.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseAttemptError);
    const again = await vault.unlock(NEXT);
    expect(again.contacts.count()).toBe(2301);
    expect(again.contacts.all().some((c) => c.displayName === 'After the change')).toBe(true);
    expect(await again.savedFilters.all()).toHaveLength(1);
    expect(((await again.store.readMeta('big')) as string).length).toBe(2.5 * 2 ** 20);
    await again.close();
    const recovered = await vault.recover(changed.recoveryKey ?? '', 'after recovery');
    expect(recovered.core.contacts.count()).toBe(2301);
    await recovered.core.close();
  });

  it('a crash half-way leaves a workspace that opens with the new passphrase and finishes', async () => {
    const { factory, vault, keyFile } = vaultOn();
    const created = await vault.setUp(PASS, { withRecoveryKey: true });
    await fillWorkspace(created.core);
    await created.core.close();
    // Reopened: no search copy is waiting to be saved, so the writes counted are the rotation's.
    const core = await vault.unlock(PASS);
    const oldKey = await openKeyring(keyringIn(await rawTables(factory, keyFile)), PASS);
    // Each re-sealing transaction writes its rows and the row manifest: this fails the second.
    await failNthWrite(core, 4);
    const failed = await vault.changePassphrase(core, PASS, NEXT).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(RotationIncompleteError);
    await core.close();

    const halfway = await rawTables(factory, keyFile);
    expect(generations(halfway)).toEqual(new Set([0, 1]));
    expect(keyringIn(halfway).rotation?.generation).toBe(0);
    await expect(vault.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseAttemptError);
    const resealed: number[] = [];
    const resumed = await vault.unlock(NEXT, { onResealed: (done) => resealed.push(done) });
    expect(resealed.length).toBeGreaterThan(1);
    expect(resumed.contacts.count()).toBe(2300);
    expect(await resumed.savedFilters.all()).toHaveLength(1);
    const newRecoveryKey = vault.takeNewRecoveryKey();
    expect(newRecoveryKey).toBeDefined();
    expect(vault.takeNewRecoveryKey()).toBeUndefined();
    await resumed.close();

    const after = await rawTables(factory, keyFile);
    expect(generations(after)).toEqual(new Set([1]));
    expect(keyringIn(after).rotation).toBeUndefined();
    expect(await rowsOpenedBy(oldKey, after)).toBe(0);
    const recovered = await vault.recover(newRecoveryKey ?? '', 'after recovery');
    expect(recovered.core.contacts.count()).toBe(2300);
    await recovered.core.close();
  });

  it('recovering rotates the key too, and replaces the recovery key', async () => {
    const { factory, vault, keyFile } = vaultOn();
    const { core, recoveryKey } = await vault.setUp(PASS, { withRecoveryKey: true });
    await fillWorkspace(core);
    await core.close();
    const oldKey = await openKeyring(keyringIn(await rawTables(factory, keyFile)), PASS);
    const recovered = await vault.recover(recoveryKey ?? '', NEXT);
    expect(recovered.recoveryKey).toBeDefined();
    expect(recovered.core.contacts.count()).toBe(2300);
    await recovered.core.close();
    const after = await rawTables(factory, keyFile);
    expect(generations(after)).toEqual(new Set([1]));
    expect(await rowsOpenedBy(oldKey, after)).toBe(0);
    await expect(vault.recover(recoveryKey ?? '', 'y y y y y')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await (await vault.unlock(NEXT)).close();
  });

  it('refuses a row marked with a key generation the keyring does not hold', async () => {
    const { factory, vault } = vaultOn();
    const { core } = await vault.setUp(PASS);
    await core.contacts.create({ displayName: 'Marked' });
    await core.close();
    const db = new TadamunDatabase('vault-test', { indexedDB: factory, IDBKeyRange });
    const [row] = await db.pending.toArray();
    await db.pending.put({ ...(row as PendingRow), keyGeneration: 7 });
    db.close();
    const refused = await vault.unlock(PASS).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TamperedDataError);
  });
});

describe('vault: a disk writer without the key', () => {
  /** An encrypted workspace with a few contacts, closed; and a handle on its raw tables. */
  async function sealedWorkspace() {
    const { factory, vault } = vaultOn();
    const { core } = await vault.setUp(PASS);
    const [kept] = await core.contacts.createMany([
      { displayName: 'Rania Haddad', sensitive: true },
      { displayName: 'Sam Rivera' },
    ]);
    await core.close();
    const db = core.store.db;
    await db.open();
    return { vault, db, factory, keptId: kept?.id ?? '' };
  }

  /** Every stored row, to show nothing was rewritten after a refused unlock. */
  const rawRows = async (db: DataCore['store']['db']) => ({
    chunks: await db.chunks.toArray(),
    pending: await db.pending.toArray(),
    meta: await db.meta.toArray(),
  });

  it('refuses a plain chunk of planted contacts, and re-seals nothing over it', async () => {
    const { vault, db } = await sealedWorkspace();
    const chunk = { table: 'contacts' as const, chunk: 7 };
    const planted = [{ id: crypto.randomUUID(), displayName: 'Planted' }];
    await db.chunks.put({ ...chunk, format: 1, records: planted });
    const before = await rawRows(db);
    db.close();
    const refused = await vault.unlock(PASS).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TamperedDataError);
    expect((refused as Error).message).toContain(`chunk/${chunk.table}/${chunk.chunk}`);
    await db.open();
    expect(await rawRows(db)).toEqual(before);
    db.close();
  });

  it('refuses a plain pending row that alters a contact (un-marking it as sensitive)', async () => {
    const { vault, db, keptId } = await sealedWorkspace();
    await db.pending.put({
      table: 'contacts',
      id: keptId,
      format: 1,
      record: { id: keptId, displayName: 'Rania Haddad', sensitive: false },
    });
    db.close();
    const refused = await vault.unlock(PASS).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TamperedDataError);
    expect((refused as Error).message).toContain(`pending/contacts/${keptId}`);
  });

  it('refuses a plain meta value (a planted saved filter) and a sealed value missing a part', async () => {
    const { vault, db } = await sealedWorkspace();
    await db.meta.put({ key: 'targetFilterPresets', value: [{ name: 'planted' }] });
    db.close();
    const refused = await vault.unlock(PASS).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TamperedDataError);
    expect((refused as Error).message).toContain('meta/targetFilterPresets');

    await db.open();
    await db.meta.delete('targetFilterPresets');
    await db.meta.put({ key: 'big', parts: 2 });
    db.close();
    await expect(vault.unlock(PASS)).rejects.toBeInstanceOf(TamperedDataError);
  });

  it('still opens the untouched workspace', async () => {
    const { vault, db } = await sealedWorkspace();
    db.close();
    const core = await vault.unlock(PASS);
    expect(
      core.contacts
        .all()
        .map((c) => c.displayName)
        .sort(),
    ).toEqual(['Rania Haddad', 'Sam Rivera']);
    await core.close();
  });
});

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

// Real Argon2id in plain JS at OWASP's lowest cost: a few seconds a test on a busy machine.
describe('vault: moving to Argon2id', { timeout: 120_000 }, () => {
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
