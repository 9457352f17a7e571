/**
 * The encrypted workspace's life: set up a passphrase on first run, unlock, count failed
 * attempts (and wipe after N when the user asked for it), change the passphrase, recover
 * with the recovery key (both rotate the data key), erase. Unlocking yields a DataCore whose every stored row is sealed
 * with the data key; locking is closing it, which drops the records and the search index.
 */
import { WrongPassphraseError } from '../crypto/errors';
import {
  createKeyring,
  endRotation,
  isKeyring,
  openKeyring,
  openRotation,
  rotateWithPassphrase,
  rotateWithRecoveryKey,
  unlockKeyring,
  type Keyring,
  type KeyringOptions,
} from '../crypto/keyring';
import { kdfCostOf, type Argon2idDeriver, type KdfCost } from '../crypto/kdf';
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
import { scrubStorageLog } from '../db/log-scrub';
import {
  readStoredRows,
  rowsSettled,
  type ResealProgress,
  type StoredRows,
} from '../db/record-store';

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

export type VaultOptions = Omit<
  DataCoreOptions,
  'cipher' | 'openingCipher' | 'rows' | 'keyGeneration' | 'previousKey'
> & {
  /**
   * The KDF and cost of new key wrappings (default Argon2id, DEFAULT_KDF_COST). A keyring
   * below it (PBKDF2 from before Argon2id) is wrapped again at the next successful unlock.
   */
  kdfCost?: KdfCost;
  /** Shorthand for a PBKDF2 cost with this many iterations (fast tests). */
  iterations?: number;
  /** Where Argon2id is computed: the main process or a worker in the app (kdf.ts). */
  argon2id?: Argon2idDeriver;
  /** Filler written after a key rotation so that storage drops the old keyring (log-scrub.ts). */
  scrubBytes?: number;
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

/** Reports a key rotation's re-sealing: rows done of the total. */
export interface RotationProgress {
  onResealed?: ResealProgress;
}

/**
 * The new passphrase is in effect, but re-sealing the rows with the new key stopped (a full
 * disk, a closed window): it resumes at the next unlock, and until then the old key is kept.
 */
export class RotationIncompleteError extends Error {
  constructor(readonly reason: unknown) {
    super(
      'The new passphrase is set, but re-encrypting the workspace did not finish: it resumes at the next unlock.',
    );
    this.name = 'RotationIncompleteError';
  }
}

/** The data key to open with, and during a rotation, the previous one. */
interface OpenKeys {
  dataKey: CryptoKey;
  generation: number;
  previous?: { generation: number; key: CryptoKey } | undefined;
}

export class Vault {
  readonly name: string;
  /** A recovery key made by a rotation finished at unlock, for the app to show once. */
  private madeRecoveryKey: string | undefined;

  constructor(private readonly options: VaultOptions = {}) {
    this.name = options.name ?? DATABASE_NAME;
  }

  private keyringOptions(): KeyringOptions {
    const { kdfCost, iterations, argon2id } = this.options;
    return {
      ...(kdfCost && { cost: kdfCost }),
      ...(iterations !== undefined && { iterations }),
      ...(argon2id && { argon2id }),
    };
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
      : { slot: emptyDuressSlot(kdfCostOf(keyring.passphrase.kdf)), stored: false };
  }

  /** Throws DuressSameAsPassphraseError when `passphrase` opens the duress slot. */
  private async refuseDuressPassphrase(db: TadamunDatabase, passphrase: string): Promise<void> {
    const value = (await db.vault.get(DURESS_KEY))?.value;
    if (isDuressSlot(value) && (await opensDuressSlot(value, passphrase, this.options.argon2id))) {
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
    { dataKey, generation, previous }: OpenKeys,
    rows?: StoredRows,
    unsealer?: Unsealer,
    sealPlainRows = false,
  ): Promise<DataCore> {
    const {
      iterations: _iterations,
      kdfCost: _kdfCost,
      argon2id: _argon2id,
      unsealer: _unsealer,
      scrubBytes: _scrubBytes,
      ...options
    } = this.options;
    return openDataCore({
      ...options,
      sealPlainRows,
      name: this.name,
      cipher: aesGcmCipher(dataKey),
      keyGeneration: generation,
      ...(previous && {
        previousKey: { generation: previous.generation, cipher: aesGcmCipher(previous.key) },
      }),
      ...(unsealer && { openingCipher: aesGcmCipher(dataKey, unsealer) }),
      ...(rows && { rows }),
    });
  }

  /**
   * Re-seals every row still sealed with the previous key, then stores the keyring without
   * it, then has storage drop its old copies of the keyring and rows (see log-scrub.ts).
   */
  private async finishRotation(core: DataCore, progress: RotationProgress): Promise<void> {
    await core.store.resealAll(progress.onResealed);
    await this.withDb(async (db) => {
      const keyring = await this.keyring(db);
      if (!keyring?.rotation) return;
      await db.vault.put({ key: KEYRING_KEY, value: endRotation(keyring) });
    });
    // Best effort: the rotation is complete without it; storage may just keep old copies.
    const { indexedDB, scrubBytes } = this.options;
    await scrubStorageLog({ indexedDB, bytes: scrubBytes }).catch(() => undefined);
  }

  /** The recovery key made when a change of key interrupted earlier was finished at unlock. */
  takeNewRecoveryKey(): string | undefined {
    const made = this.madeRecoveryKey;
    this.madeRecoveryKey = undefined;
    return made;
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
      ...this.keyringOptions(),
    });
    await this.withDb(async (db) => {
      if (await this.keyring(db)) throw new Error('This workspace already has a passphrase.');
      await db.vault.bulkPut([
        { key: KEYRING_KEY, value: created.keyring },
        { key: LOCKOUT_KEY, value: { failedAttempts: 0, wipeAfter: null } },
        // Off, but present: a workspace with a duress passphrase looks the same on disk.
        {
          key: DURESS_KEY,
          value: emptyDuressSlot(kdfCostOf(created.keyring.passphrase.kdf)),
        },
      ]);
    });
    const keys = { dataKey: created.dataKey, generation: 0 };
    const core = await this.open(keys, undefined, undefined, true);
    return { core, ...(created.recoveryKey && { recoveryKey: created.recoveryKey }) };
  }

  /**
   * Throws WrongPassphraseAttemptError (with the attempts left before a wipe, if one is set),
   * or WorkspaceWipedError when this failure reached the limit.
   */
  async unlock(
    passphrase: string,
    progress: { onKeyReady?: () => void } & RotationProgress = {},
  ): Promise<DataCore> {
    const unsealer = this.options.unsealer?.();
    try {
      return await this.unlockWith(passphrase, progress, unsealer);
    } finally {
      unsealer?.close();
    }
  }

  private async unlockWith(
    passphrase: string,
    progress: { onKeyReady?: () => void } & RotationProgress,
    unsealer: Unsealer | undefined,
  ): Promise<DataCore> {
    const opened = await this.withDb(async (db) => {
      const keyring = await this.keyring(db);
      if (!keyring) throw new Error('This workspace has no passphrase yet.');
      const lockout = await this.lockout(db);
      const duress = await this.duressSlot(db, keyring);
      // Sealed rows can be read without the key: read them while the key is derived.
      const reading = readStoredRows(db);
      let unlocked: { dataKey: CryptoKey; upgraded?: Keyring } | null;
      let isDuress: boolean;
      try {
        // Every attempt derives for both, side by side: a wrong passphrase and the duress
        // passphrase cost the same, and neither tells by its time whether duress is set.
        [unlocked, isDuress] = await Promise.all([
          unlockKeyring(keyring, passphrase, this.keyringOptions()).catch((error: unknown) => {
            if (error instanceof WrongPassphraseError) return null;
            throw error;
          }),
          opensDuressSlot(duress.slot, passphrase, this.options.argon2id),
        ]);
      } catch (error) {
        await rowsSettled(reading);
        throw error;
      }
      if (unlocked) {
        const key = unlocked.dataKey;
        progress.onKeyReady?.();
        // Moved to Argon2id (kdf.ts): one write replaces the wrapping. If it fails, the old
        // wrapping stays and the next unlock tries again.
        if (unlocked.upgraded) {
          await db.vault.put({ key: KEYRING_KEY, value: unlocked.upgraded }).catch(() => undefined);
        }
        if (lockout.failedAttempts > 0) {
          await db.vault.put({ key: LOCKOUT_KEY, value: { ...lockout, failedAttempts: 0 } });
        }
        // A workspace set up before duress existed gets its (empty) slot.
        if (!duress.stored) await db.vault.put({ key: DURESS_KEY, value: duress.slot });
        // A change of key that did not finish (the app closed): both keys open the rows.
        const rotation = await openRotation(keyring, key);
        const keys: OpenKeys = {
          dataKey: key,
          generation: keyring.generation ?? 0,
          previous: rotation && { generation: rotation.generation, key: rotation.previousKey },
        };
        return { keys, rows: reading, recoveryKey: rotation?.recoveryKey };
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
    const core = await this.open(opened.keys, opened.rows, unsealer);
    if (opened.keys.previous) {
      // Resumed here; if it stops again (a full disk), the next unlock resumes it.
      await this.finishRotation(core, progress).then(
        () => (this.madeRecoveryKey = opened.recoveryKey),
        () => undefined,
      );
    }
    return core;
  }

  /**
   * The recovery key opens the workspace and sets a new passphrase, with a new data key and a
   * new recovery key (the old one no longer opens anything). If re-sealing stops half-way
   * the workspace is still returned, and the next unlock finishes it.
   */
  async recover(
    recoveryKey: string,
    newPassphrase: string,
    progress: RotationProgress = {},
  ): Promise<{ core: DataCore; recoveryKey?: string }> {
    const rotation = await this.withDb(async (db) => {
      const keyring = await this.keyring(db);
      if (!keyring) throw new Error('This workspace has no passphrase yet.');
      await this.refuseDuressPassphrase(db, newPassphrase);
      const rotated = await rotateWithRecoveryKey(
        keyring,
        recoveryKey,
        newPassphrase,
        this.keyringOptions(),
      );
      await db.vault.bulkPut([
        { key: KEYRING_KEY, value: rotated.keyring },
        { key: LOCKOUT_KEY, value: { ...(await this.lockout(db)), failedAttempts: 0 } },
      ]);
      return rotated;
    });
    const core = await this.open({
      dataKey: rotation.dataKey,
      generation: rotation.keyring.generation ?? 0,
      previous: {
        generation: rotation.keyring.rotation?.generation ?? 0,
        key: rotation.previousKey,
      },
    });
    try {
      await this.finishRotation(core, progress);
    } catch {
      // The rotation is stored: the next unlock resumes it, and shows the recovery key then.
      return { core };
    }
    return { core, ...(rotation.recoveryKey && { recoveryKey: rotation.recoveryKey }) };
  }

  /**
   * Sets a new passphrase with a new data key: the open workspace's rows are re-sealed with
   * it (in slices, reporting progress), then the old key is dropped. Returns the new recovery
   * key when the workspace had one. Throws WrongPassphraseError when `current` is wrong, or
   * RotationIncompleteError when the new passphrase is set but re-sealing stopped.
   */
  async changePassphrase(
    core: DataCore,
    current: string,
    next: string,
    progress: RotationProgress = {},
  ): Promise<{ recoveryKey?: string }> {
    const rotation = await this.withDb(async (db) => {
      const keyring = await this.keyring(db);
      if (!keyring) throw new Error('This workspace has no passphrase yet.');
      await this.refuseDuressPassphrase(db, next);
      const rotated = await rotateWithPassphrase(keyring, current, next, this.keyringOptions());
      await db.vault.put({ key: KEYRING_KEY, value: rotated.keyring });
      return rotated;
    });
    try {
      await core.store.rekey(aesGcmCipher(rotation.dataKey), rotation.keyring.generation ?? 0);
      await this.finishRotation(core, progress);
    } catch (error) {
      throw new RotationIncompleteError(error);
    }
    return rotation.recoveryKey ? { recoveryKey: rotation.recoveryKey } : {};
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
      await openKeyring(keyring, current, this.keyringOptions());
      if (duress !== null && duress.normalize('NFC') === current.normalize('NFC')) {
        throw new DuressSameAsPassphraseError();
      }
      const cost = kdfCostOf(keyring.passphrase.kdf);
      const slot =
        duress === null
          ? emptyDuressSlot(cost)
          : await newDuressSlot(duress, cost, this.options.argon2id);
      await db.vault.put({ key: DURESS_KEY, value: slot });
    });
  }

  /** Deletes the whole database: records, search index, keyring. Close the core first. */
  async erase(): Promise<void> {
    await this.database().delete();
  }
}
