/**
 * Page side of the storage scenario: 100,000 contacts written through Tadamun's data layer
 * (openDataCore → contacts.createMany: validation, chunks in one Dexie transaction, search
 * index update) and, as the baseline, the same records `put()` one row each into a plain
 * object store of a separate raw IndexedDB database in one transaction; then, each in another
 * browser, loaded back (openDataCore until every contact is in memory and searchable; the
 * raw store's `getAll()`). Timings are performance.now() in the
 * page; opening the (empty) database before a write is not timed, opening it before a load is.
 */
import { openDataCore, type DataCore } from '@core/db/data-core';
import { DEFAULT_KDF_COST } from '@core/crypto/kdf';
import { Vault } from '@core/vault/vault';
import type { Contact, ContactInput } from '@core/domain/contact';
import { appArgon2id } from '@renderer/app/session/argon2id';
import { workerUnsealer } from '@renderer/app/session/unsealer/unseal-worker-client';
import { localStorageKeyFile } from '@renderer/lib/local-key-file';
import { generateContactInputs } from '../fixtures/bench-contacts';

/** The encrypted bench database's own key file, beside the app's. */
const benchKeyFile = () => localStorageKeyFile(`tadamun.keyFile.${STORAGE_DATABASES.encrypted}`);

export const STORAGE_DATABASES = {
  tadamun: 'bench-storage-tadamun',
  encrypted: 'bench-storage-encrypted',
  raw: 'bench-storage-raw',
};
const PASSPHRASE = 'a bench passphrase, long enough';

export interface UnlockResult extends LoadResult {
  /** Passphrase → data key: both derivations, side by side (passphrase and duress slot). */
  kdfMs: number;
  /** The KDF and cost, e.g. "Argon2id m=64 MiB t=3 p=1". */
  kdf: string;
  /** After the key: read, decrypt, load every record and the search index, first search. */
  restMs: number;
  /** `tadamun:*` performance marks of the unlock, in ms after the key was ready (negative: before). */
  phases: Record<string, number>;
}
const RAW_STORE = 'contacts';

function describeCost(): string {
  const cost = DEFAULT_KDF_COST;
  return cost.algorithm === 'argon2id'
    ? `Argon2id m=${cost.memoryKiB / 1024} MiB t=${cost.iterations} p=${cost.parallelism}`
    : `PBKDF2-SHA256 ${cost.iterations.toLocaleString('en-US')} it.`;
}
/** Only used to build the raw baseline's records with the data layer's own validation. */
const SCRATCH_DATABASE = 'bench-storage-scratch';

export interface WriteResult {
  ms: number;
  records: number;
  /** JSON size of the stored records: the baseline must store the same objects. */
  jsonBytes: number;
}

export type LoadResult = WriteResult;

const state: { inputs: ContactInput[] } = { inputs: [] };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openRaw(): Promise<IDBDatabase> {
  const req = indexedDB.open(STORAGE_DATABASES.raw, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(RAW_STORE, { keyPath: 'id' });
  return request(req);
}

async function deleteDatabase(name: string): Promise<void> {
  const req = indexedDB.deleteDatabase(name);
  await new Promise<void>((resolve, reject) => {
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
    req.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

function jsonBytes(records: readonly unknown[]): number {
  let bytes = 0;
  for (const record of records) bytes += JSON.stringify(record).length;
  return bytes;
}

/** The records the data layer would store for the prepared inputs, built by its own code. */
async function preparedRecords(): Promise<Contact[]> {
  const core = await openDataCore({ name: SCRATCH_DATABASE });
  try {
    return state.inputs.map((input) => core.contacts.prepareCreate(input));
  } finally {
    await core.close();
    await deleteDatabase(SCRATCH_DATABASE);
  }
}

/** Times createMany of the prepared inputs, then the close that stores the index copy. */
async function timedCreateMany(core: DataCore): Promise<WriteResult & { closeMs: number }> {
  const start = performance.now();
  let records: Contact[];
  try {
    records = await core.contacts.createMany(state.inputs);
  } catch (error) {
    await core.close();
    throw error;
  }
  const ms = performance.now() - start;
  const count = core.contacts.count();
  const closing = performance.now();
  await core.close();
  return {
    ms,
    closeMs: performance.now() - closing,
    records: count,
    jsonBytes: jsonBytes(records),
  };
}

export const storageBench = {
  /** Generates the contact inputs (untimed). */
  async prepare(count: number): Promise<{ inputs: number; ms: number }> {
    const start = performance.now();
    state.inputs = generateContactInputs(count);
    return { inputs: state.inputs.length, ms: performance.now() - start };
  },

  /**
   * contacts.createMany of every prepared input into a new, empty database (resolved once the
   * records are stored and searchable), then close(), which stores the search index's copy
   * that the next start loads (`closeMs`, not part of `ms`).
   */
  async writeTadamun(): Promise<WriteResult & { closeMs: number }> {
    await deleteDatabase(STORAGE_DATABASES.tadamun);
    return timedCreateMany(await openDataCore({ name: STORAGE_DATABASES.tadamun }));
  },

  /**
   * The same through an encrypted workspace (Vault: the app's path): the passphrase is set
   * first (not timed), then createMany seals every chunk it writes.
   */
  async writeEncrypted(): Promise<WriteResult & { closeMs: number }> {
    await deleteDatabase(STORAGE_DATABASES.encrypted);
    await benchKeyFile().erase();
    const vault = new Vault({
      name: STORAGE_DATABASES.encrypted,
      keyFile: benchKeyFile(),
      argon2id: appArgon2id,
    });
    return timedCreateMany((await vault.setUp(PASSPHRASE)).core);
  },

  /** Unlock as the app starts: key derivation, then everything until a first search answers. */
  async unlockEncrypted(): Promise<UnlockResult> {
    const start = performance.now();
    let keyReady = start;
    // As the app unlocks: rows decrypted in its worker.
    // As the app unlocks: Argon2id off the page (here the browser build's workers).
    const vault = new Vault({
      name: STORAGE_DATABASES.encrypted,
      unsealer: workerUnsealer,
      keyFile: benchKeyFile(),
      argon2id: appArgon2id,
    });
    const core = await vault.unlock(PASSPHRASE, {
      onKeyReady: () => (keyReady = performance.now()),
    });
    core.search.search('fatima');
    const end = performance.now();
    // Not part of `restMs`: contacts left unparsed at unlock, parsed in the background after.
    await core.store.recordsParsed;
    const phases: Record<string, number> = {};
    for (const mark of performance.getEntriesByType('mark')) {
      if (mark.name.startsWith('tadamun:') && mark.startTime >= start) {
        phases[mark.name.slice('tadamun:'.length)] = Math.round(mark.startTime - keyReady);
      }
    }
    try {
      const records = core.contacts.all();
      return {
        ms: end - start,
        kdfMs: keyReady - start,
        kdf: describeCost(),
        restMs: end - keyReady,
        phases,
        records: records.length,
        jsonBytes: jsonBytes(records),
      };
    } finally {
      await core.close();
    }
  },

  /** The same records, one `put()` each, one transaction, in a plain object store. */
  async writeRaw(): Promise<WriteResult> {
    const records = await preparedRecords();
    await deleteDatabase(STORAGE_DATABASES.raw);
    const db = await openRaw();
    try {
      const start = performance.now();
      const tx = db.transaction(RAW_STORE, 'readwrite');
      const finished = done(tx);
      const store = tx.objectStore(RAW_STORE);
      for (const record of records) store.put(record);
      await finished;
      const ms = performance.now() - start;
      const count = await request(db.transaction(RAW_STORE).objectStore(RAW_STORE).count());
      return { ms, records: count, jsonBytes: jsonBytes(records) };
    } finally {
      db.close();
    }
  },

  /**
   * openDataCore on the existing database, as the app starts: every record in memory and the
   * contact search ready (its stored copy loaded and checked against the records).
   */
  async loadTadamun(): Promise<LoadResult> {
    const start = performance.now();
    const core = await openDataCore({ name: STORAGE_DATABASES.tadamun });
    const ms = performance.now() - start;
    try {
      const records = core.contacts.all();
      return { ms, records: records.length, jsonBytes: jsonBytes(records) };
    } finally {
      await core.close();
    }
  },

  /** indexedDB.open and `getAll()` of the raw store. */
  async loadRaw(): Promise<LoadResult> {
    const start = performance.now();
    const db = await openRaw();
    try {
      const records = await request(db.transaction(RAW_STORE).objectStore(RAW_STORE).getAll());
      const ms = performance.now() - start;
      return { ms, records: records.length, jsonBytes: jsonBytes(records) };
    } finally {
      db.close();
    }
  },

  /** Deletes both databases (the end of a run). */
  async drop(): Promise<void> {
    state.inputs = [];
    await deleteDatabase(STORAGE_DATABASES.tadamun);
    await deleteDatabase(STORAGE_DATABASES.encrypted);
    await deleteDatabase(STORAGE_DATABASES.raw);
  },
};
