/**
 * The encrypted workspace's life: set up a passphrase on first run, unlock, count failed
 * attempts (and wipe after N when the user asked for it), change the passphrase, recover
 * with the recovery key, erase. Unlocking yields a DataCore whose every stored row is sealed
 * with the data key; locking is closing it, which drops the records and the search index.
 */
import { WrongPassphraseError } from '../crypto/errors';
import {
  changePassphrase,
  createKeyring,
  isKeyring,
  openKeyring,
  resetPassphrase,
  type Keyring,
} from '../crypto/keyring';
import {
  emptyDuressSlot,
  isDuressSlot,
  newDuressSlot,
  opensDuressSlot,
  type DuressSlot,
} from '../crypto/duress';
import { aesGcmCipher } from '../crypto/record-cipher';
import type { Unsealer } from '../crypto/unsealer';
import { DATABASE_NAME, TadamunDatabase } from '../db/database';
import { openDataCore, type DataCore, type DataCoreOptions } from '../db/data-core';
import { readStoredRows, rowsSettled, type StoredRows } from '../db/record-store';

const KEYRING_KEY = 'keyring';
const LOCKOUT_KEY = 'lockout';
const DURESS_KEY = 'duress';

export interface Lockout {
  failedAttempts: number;
  /** Erase everything after this many failed unlocks in a row; null: never (the default). */
  wipeAfter: number | null;
}

export type VaultState =
  { kind: 'new' } | { kind: 'locked'; lockout: Lockout; hasRecoveryKey: boolean };

export type VaultOptions = Omit<DataCoreOptions, 'cipher' | 'openingCipher' | 'rows'> & {
  /** PBKDF2 iterations for new key wrappings. */
  iterations?: number;
  /**
   * Starts an unsealer that decrypts the rows read at unlock off the page (the app's
   * worker); started before the key derivation so that it is ready when the key is, and
   * closed once the workspace is open.
   */
  unsealer?: () => Unsealer;
};

/** Too many failed attempts: the workspace was erased, as the user had chosen. */
export class WorkspaceWipedError extends Error {
  constructor() {
    super('Too many failed attempts: the workspace was erased, as set in Settings.');
    this.name = 'WorkspaceWipedError';
  }
}

/**
 * The duress passphrase was entered: the workspace was erased. The caller clears the rest of
 * the app's storage and shows a first run, exactly as after a new install.
 */
export class DuressErasedError extends Error {
  constructor() {
    super('The workspace was erased.');
    this.name = 'DuressErasedError';
  }
}

/** A duress passphrase must differ from the passphrase (and the passphrase from it). */
export class DuressSameAsPassphraseError extends Error {
  constructor() {
    super('The duress passphrase must be different from the passphrase.');
    this.name = 'DuressSameAsPassphraseError';
  }
}

export class WrongPassphraseAttemptError extends WrongPassphraseError {
  constructor(readonly attemptsLeft: number | null) {
    super();
  }
}

export class Vault {
  readonly name: string;

  constructor(private readonly options: VaultOptions = {}) {
    this.name = options.name ?? DATABASE_NAME;
  }

  private database(): TadamunDatabase {
    const { indexedDB, IDBKeyRange } = this.options;
    return new TadamunDatabase(this.name, indexedDB ? { indexedDB, IDBKeyRange } : undefined);
  }

  private async withDb<T>(work: (db: TadamunDatabase) => Promise<T>): Promise<T> {
    const db = this.database();
    try {
      await db.open();
      return await work(db);
    } finally {
      db.close();
    }
  }

  private async keyring(db: TadamunDatabase): Promise<Keyring | undefined> {
    const value = (await db.vault.get(KEYRING_KEY))?.value;
    return isKeyring(value) ? value : undefined;
  }

  private async lockout(db: TadamunDatabase): Promise<Lockout> {
    const value = (await db.vault.get(LOCKOUT_KEY))?.value as Partial<Lockout> | undefined;
    return { failedAttempts: value?.failedAttempts ?? 0, wipeAfter: value?.wipeAfter ?? null };
  }

  /**
   * The stored duress slot, or (none stored, or unreadable) an empty one made now with the
   * passphrase's KDF cost, so that the unlock derives for it all the same.
   */
  private async duressSlot(
    db: TadamunDatabase,
    keyring: Keyring,
  ): Promise<{ slot: DuressSlot; stored: boolean }> {
    const value = (await db.vault.get(DURESS_KEY))?.value;
    return isDuressSlot(value)
      ? { slot: value, stored: true }
      : { slot: emptyDuressSlot(keyring.passphrase.kdf.iterations), stored: false };
  }

  /** Throws DuressSameAsPassphraseError when `passphrase` opens the duress slot. */
  private async refuseDuressPassphrase(db: TadamunDatabase, passphrase: string): Promise<void> {
    const value = (await db.vault.get(DURESS_KEY))?.value;
    if (isDuressSlot(value) && (await opensDuressSlot(value, passphrase))) {
      throw new DuressSameAsPassphraseError();
    }
  }

  async state(): Promise<VaultState> {
    return this.withDb(async (db) => {
      const keyring = await this.keyring(db);
      if (!keyring) return { kind: 'new' };
      return {
        kind: 'locked',
        lockout: await this.lockout(db),
        hasRecoveryKey: !!keyring.recovery,
      };
    });
  }

  private open(
    dataKey: CryptoKey,
    rows?: StoredRows,
    unsealer?: Unsealer,
    sealPlainRows = false,
  ): Promise<DataCore> {
    const { iterations: _iterations, unsealer: _unsealer, ...options } = this.options;
    return openDataCore({
      ...options,
      sealPlainRows,
      name: this.name,
      cipher: aesGcmCipher(dataKey),
      ...(unsealer && { openingCipher: aesGcmCipher(dataKey, unsealer) }),
      ...(rows && { rows }),
    });
  }

  /**
   * First run: a new data key wrapped by the passphrase (and a recovery key when asked).
   * Records already stored in plain (from before encryption) are sealed as the core opens.
   */
  async setUp(
    passphrase: string,
    { withRecoveryKey = false } = {},
  ): Promise<{ core: DataCore; recoveryKey?: string }> {
    const created = await createKeyring(passphrase, {
      withRecoveryKey,
      iterations: this.options.iterations,
    });
    await this.withDb(async (db) => {
      if (await this.keyring(db)) throw new Error('This workspace already has a passphrase.');
      await db.vault.bulkPut([
        { key: KEYRING_KEY, value: created.keyring },
        { key: LOCKOUT_KEY, value: { failedAttempts: 0, wipeAfter: null } },
        // Off, but present: a workspace with a duress passphrase looks the same on disk.
        {
          key: DURESS_KEY,
          value: emptyDuressSlot(created.keyring.passphrase.kdf.iterations),
        },
      ]);
    });
    const core = await this.open(created.dataKey, undefined, undefined, true);
    return { core, ...(created.recoveryKey && { recoveryKey: created.recoveryKey }) };
  }

  /**
   * Throws WrongPassphraseAttemptError (with the attempts left before a wipe, if one is set),
   * or WorkspaceWipedError when this failure reached the limit.
   */
  async unlock(passphrase: string, progress: { onKeyReady?: () => void } = {}): Promise<DataCore> {
    const unsealer = this.options.unsealer?.();
    try {
      return await this.unlockWith(passphrase, progress, unsealer);
    } finally {
      unsealer?.close();
    }
  }

  private async unlockWith(
    passphrase: string,
    progress: { onKeyReady?: () => void },
    unsealer: Unsealer | undefined,
  ): Promise<DataCore> {
    const opened = await this.withDb(async (db) => {
      const keyring = await this.keyring(db);
      if (!keyring) throw new Error('This workspace has no passphrase yet.');
      const lockout = await this.lockout(db);
      const duress = await this.duressSlot(db, keyring);
      // Sealed rows can be read without the key: read them while the key is derived.
      const reading = readStoredRows(db);
      let key: CryptoKey | null;
      let isDuress: boolean;
      try {
        // Every attempt derives for both, side by side: a wrong passphrase and the duress
        // passphrase cost the same, and neither tells by its time whether duress is set.
        [key, isDuress] = await Promise.all([
          openKeyring(keyring, passphrase).catch((error: unknown) => {
            if (error instanceof WrongPassphraseError) return null;
            throw error;
          }),
          opensDuressSlot(duress.slot, passphrase),
        ]);
      } catch (error) {
        await rowsSettled(reading);
        throw error;
      }
      if (key) {
        progress.onKeyReady?.();
        if (lockout.failedAttempts > 0) {
          await db.vault.put({ key: LOCKOUT_KEY, value: { ...lockout, failedAttempts: 0 } });
        }
        // A workspace set up before duress existed gets its (empty) slot.
        if (!duress.stored) await db.vault.put({ key: DURESS_KEY, value: duress.slot });
        return { key, rows: reading };
      }
      await rowsSettled(reading);
      if (isDuress) return 'duress' as const;
      const failedAttempts = lockout.failedAttempts + 1;
      await db.vault.put({ key: LOCKOUT_KEY, value: { ...lockout, failedAttempts } });
      if (lockout.wipeAfter !== null && failedAttempts >= lockout.wipeAfter) return null;
      throw new WrongPassphraseAttemptError(
        lockout.wipeAfter === null ? null : lockout.wipeAfter - failedAttempts,
      );
    });
    if (opened === 'duress') {
      await this.erase();
      throw new DuressErasedError();
    }
    if (opened === null) {
      await this.erase();
      throw new WorkspaceWipedError();
    }
    return this.open(opened.key, opened.rows, unsealer);
  }

  /** The recovery key opens the workspace and sets a new passphrase. */
  async recover(recoveryKey: string, newPassphrase: string): Promise<DataCore> {
    const dataKey = await this.withDb(async (db) => {
      const keyring = await this.keyring(db);
      if (!keyring) throw new Error('This workspace has no passphrase yet.');
      await this.refuseDuressPassphrase(db, newPassphrase);
      const reset = await resetPassphrase(keyring, recoveryKey, newPassphrase, {
        iterations: this.options.iterations,
      });
      await db.vault.bulkPut([
        { key: KEYRING_KEY, value: reset.keyring },
        { key: LOCKOUT_KEY, value: { ...(await this.lockout(db)), failedAttempts: 0 } },
      ]);
      return reset.dataKey;
    });
    return this.open(dataKey);
  }

  /** Re-wraps the data key; the data itself is not re-encrypted. */
  async changePassphrase(current: string, next: string): Promise<void> {
    await this.withDb(async (db) => {
      const keyring = await this.keyring(db);
      if (!keyring) throw new Error('This workspace has no passphrase yet.');
      await this.refuseDuressPassphrase(db, next);
      const changed = await changePassphrase(keyring, current, next, {
        iterations: this.options.iterations,
      });
      await db.vault.put({ key: KEYRING_KEY, value: changed });
    });
  }

  async setWipeAfter(wipeAfter: number | null): Promise<void> {
    if (wipeAfter !== null && !(Number.isInteger(wipeAfter) && wipeAfter >= 3)) {
      throw new Error('Wipe after failed attempts: choose 3 or more, or never.');
    }
    await this.withDb(async (db) => {
      const lockout = await this.lockout(db);
      await db.vault.put({ key: LOCKOUT_KEY, value: { ...lockout, wipeAfter } });
    });
  }

  /**
   * Sets (or, with null, turns off) the duress passphrase: entered at the lock screen, it
   * erases the workspace. The current passphrase must open the keyring; the duress passphrase
   * must differ from it. Off is an empty slot of the same shape, never a missing one.
   */
  async setDuressPassphrase(current: string, duress: string | null): Promise<void> {
    if (duress === '') throw new Error('The duress passphrase is empty.');
    await this.withDb(async (db) => {
      const keyring = await this.keyring(db);
      if (!keyring) throw new Error('This workspace has no passphrase yet.');
      // Throws WrongPassphraseError; the key it opens is not kept.
      await openKeyring(keyring, current);
      if (duress !== null && duress.normalize('NFC') === current.normalize('NFC')) {
        throw new DuressSameAsPassphraseError();
      }
      const { iterations } = keyring.passphrase.kdf;
      const slot =
        duress === null ? emptyDuressSlot(iterations) : await newDuressSlot(duress, iterations);
      await db.vault.put({ key: DURESS_KEY, value: slot });
    });
  }

  /** Deletes the whole database: records, search index, keyring. Close the core first. */
  async erase(): Promise<void> {
    await this.database().delete();
  }
}
