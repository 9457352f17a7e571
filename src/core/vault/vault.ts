/**
 * The encrypted workspace's life: set up a passphrase on first run, unlock, count failed
 * attempts (and wipe after N when the user asked for it), change the passphrase, recover
 * with the recovery key (both rotate the data key), erase. Unlocking yields a DataCore whose
 * every stored row is sealed with the data key; locking is closing it, which drops the
 * records and the search index. The keyring, the duress slot and the lockout state live in
 * the key file (KeyFileStore), not in the database; older workspaces move there on first use.
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
  type RecordStore,
  type ResealProgress,
  type StoredRows,
} from '../db/record-store';
import {
  decodeKeyFile,
  encodeKeyFile,
  KEY_FILE_FORMAT,
  KEY_FILE_VERSION,
  sameBytes,
  type KeyFile,
  type Lockout,
} from './key-file';
import type { KeyFileStore } from './key-file-store';
import { sealedWipeAfter, sealWipeAfter, type LockoutAltered } from './lockout-seal';

export type { Lockout } from './key-file';

/** Where workspaces from before the key file kept these, in the database's vault table. */
const LEGACY_KEYRING_KEY = 'keyring';
const LEGACY_LOCKOUT_KEY = 'lockout';
const LEGACY_DURESS_KEY = 'duress';
const LEGACY_KEYS = [LEGACY_KEYRING_KEY, LEGACY_LOCKOUT_KEY, LEGACY_DURESS_KEY];

/** The key file could not be written and read back: the workspace stays as it was. */
export class KeyFileWriteError extends Error {
  constructor() {
    super('The key file could not be written and read back: nothing was changed.');
    this.name = 'KeyFileWriteError';
  }
}

export type VaultState =
  { kind: 'new' } | { kind: 'locked'; lockout: Lockout; hasRecoveryKey: boolean };

export type VaultOptions = Omit<
  DataCoreOptions,
  'cipher' | 'openingCipher' | 'rows' | 'keyGeneration' | 'previousKey'
> & {
  /** Where the keyring, the duress slot and the lockout state are kept. */
  keyFile: KeyFileStore;
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

/** A stored key file, or one still in the database's vault table (from before the key file). */
interface LoadedKeyFile {
  file: KeyFile;
  legacy: boolean;
}

type MetaStore = Pick<RecordStore, 'readMeta' | 'writeMeta'>;

function decodes(bytes: Uint8Array): boolean {
  try {
    decodeKeyFile(bytes);
    return true;
  } catch {
    return false;
  }
}

export class Vault {
  readonly name: string;
  /** A recovery key made by a rotation finished at unlock, for the app to show once. */
  private madeRecoveryKey: string | undefined;
  /** The lockout setting found altered on disk at the last unlock (and put back). */
  private alteredLockout: LockoutAltered | undefined;

  constructor(private readonly options: VaultOptions) {
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

  /** The keyring, lockout and duress slot as a workspace from before the key file kept them. */
  private async legacyKeyFile(db: TadamunDatabase): Promise<KeyFile | undefined> {
    const [keyring, lockout, duress] = (await db.vault.bulkGet(LEGACY_KEYS)).map(
      (row) => row?.value,
    );
    if (!isKeyring(keyring)) return undefined;
    const stored = lockout as Partial<Record<keyof Lockout, unknown>> | undefined;
    const count = (value: unknown, least: number) =>
      typeof value === 'number' && Number.isInteger(value) && value >= least ? value : null;
    return {
      format: KEY_FILE_FORMAT,
      version: KEY_FILE_VERSION,
      keyring,
      ...(isDuressSlot(duress) && { duress }),
      lockout: {
        failedAttempts: count(stored?.failedAttempts, 0) ?? 0,
        wipeAfter: count(stored?.wipeAfter, 3),
      },
    };
  }

  /**
   * The key file; without one, what the database's vault table still holds. A key file that
   * does not decode is refused (TamperedDataError), unless the vault table still holds the
   * keyring: then it is what a migration cut short left, and the table is used.
   */
  private async load(db: TadamunDatabase): Promise<LoadedKeyFile | undefined> {
    const bytes = await this.options.keyFile.read();
    if (bytes) {
      try {
        return { file: decodeKeyFile(bytes), legacy: false };
      } catch (error) {
        const legacy = await this.legacyKeyFile(db);
        if (!legacy) throw error;
        return { file: legacy, legacy: true };
      }
    }
    const legacy = await this.legacyKeyFile(db);
    return legacy && { file: legacy, legacy: true };
  }

  /**
   * The key file, ready to be written: a workspace from before it is moved into it first,
   * all or nothing (the file is written and read back before the table's copy is deleted).
   */
  private async keyFile(db: TadamunDatabase): Promise<KeyFile | undefined> {
    const loaded = await this.load(db);
    if (!loaded) return undefined;
    if (loaded.legacy) {
      await this.migrate(db, loaded.file);
    } else if ((await db.vault.count()) > 0) {
      // The file was written but the table's copy not yet deleted: finish that.
      await db.vault.bulkDelete(LEGACY_KEYS);
    }
    return loaded.file;
  }

  private async migrate(db: TadamunDatabase, file: KeyFile): Promise<void> {
    const bytes = encodeKeyFile(file);
    const store = this.options.keyFile;
    await store.write(bytes);
    const back = await store.read();
    if (!back || !sameBytes(back, bytes) || !decodes(back)) {
      // Never leave a file that differs from the only good copy: the table stays in use.
      await store.erase().catch(() => undefined);
      throw new KeyFileWriteError();
    }
    await db.vault.bulkDelete(LEGACY_KEYS);
    // Best effort: storage may keep the deleted keyring in its log (see log-scrub.ts).
    const { indexedDB, scrubBytes } = this.options;
    await scrubStorageLog({ indexedDB, bytes: scrubBytes }).catch(() => undefined);
  }

  private save(file: KeyFile): Promise<void> {
    return this.options.keyFile.write(encodeKeyFile(file));
  }

  /**
   * The stored duress slot, or (none stored) an empty one made now with the passphrase's KDF
   * cost, so that the unlock derives for it all the same.
   */
  private duressSlot(file: KeyFile): { slot: DuressSlot; stored: boolean } {
    return file.duress
      ? { slot: file.duress, stored: true }
      : { slot: emptyDuressSlot(kdfCostOf(file.keyring.passphrase.kdf)), stored: false };
  }

  /** Throws DuressSameAsPassphraseError when `passphrase` opens the duress slot. */
  private async refuseDuressPassphrase(file: KeyFile, passphrase: string): Promise<void> {
    if (file.duress && (await opensDuressSlot(file.duress, passphrase, this.options.argon2id))) {
      throw new DuressSameAsPassphraseError();
    }
  }

  /** Reads only: a workspace from before the key file is moved at its next unlock. */
  async state(): Promise<VaultState> {
    return this.withDb(async (db) => {
      const loaded = await this.load(db);
      if (!loaded) return { kind: 'new' };
      return {
        kind: 'locked',
        lockout: loaded.file.lockout,
        hasRecoveryKey: !!loaded.file.keyring.recovery,
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
      keyFile: _keyFile,
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
   * it, then has storage drop its old copies of the rows (see log-scrub.ts).
   */
  private async finishRotation(core: DataCore, progress: RotationProgress): Promise<void> {
    await core.store.resealAll(progress.onResealed);
    await this.withDb(async (db) => {
      const file = await this.keyFile(db);
      if (!file?.keyring.rotation) return;
      await this.save({ ...file, keyring: endRotation(file.keyring) });
    });
    // Best effort: the rotation is complete without it; storage may just keep old copies.
    const { indexedDB, scrubBytes } = this.options;
    await scrubStorageLog({ indexedDB, bytes: scrubBytes }).catch(() => undefined);
  }

  /**
   * Compares the key file's wipe-after-N setting with the sealed copy in the workspace: a
   * difference means someone changed the file; the sealed setting is put back and remembered
   * for the app to report (takeAlteredLockout). A workspace without a sealed copy gets one.
   */
  private async checkLockout(core: DataCore): Promise<void> {
    const sealed = await sealedWipeAfter(core.store);
    const file = await this.withDb((db) => this.keyFile(db));
    if (!file) return;
    const found = file.lockout.wipeAfter;
    if (sealed === undefined) {
      await sealWipeAfter(core.store, found);
    } else if (sealed !== found) {
      await this.save({ ...file, lockout: { ...file.lockout, wipeAfter: sealed } });
      this.alteredLockout = { found, restored: sealed };
    }
  }

  /** The recovery key made when a change of key interrupted earlier was finished at unlock. */
  takeNewRecoveryKey(): string | undefined {
    const made = this.madeRecoveryKey;
    this.madeRecoveryKey = undefined;
    return made;
  }

  /** Set when the last unlock found the wipe-after-N setting changed on disk, once. */
  takeAlteredLockout(): LockoutAltered | undefined {
    const altered = this.alteredLockout;
    this.alteredLockout = undefined;
    return altered;
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
      if (await this.load(db)) throw new Error('This workspace already has a passphrase.');
      await this.save({
        format: KEY_FILE_FORMAT,
        version: KEY_FILE_VERSION,
        keyring: created.keyring,
        // Off, but present: a workspace with a duress passphrase looks the same on disk.
        duress: emptyDuressSlot(kdfCostOf(created.keyring.passphrase.kdf)),
        lockout: { failedAttempts: 0, wipeAfter: null },
      });
    });
    const keys = { dataKey: created.dataKey, generation: 0 };
    const core = await this.open(keys, undefined, undefined, true);
    await sealWipeAfter(core.store, null);
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
      const file = await this.keyFile(db);
      if (!file) throw new Error('This workspace has no passphrase yet.');
      const { keyring, lockout } = file;
      // An attempt cut short before (the window closed while deriving) reached the limit.
      if (lockout.wipeAfter !== null && lockout.failedAttempts >= lockout.wipeAfter) return null;
      // Two key-file writes per unlock, the fewest that keep the count safe: this one, on disk
      // before the derivation's result is used (closing the app mid-attempt, or killing it when
      // the result is in, does not undo it), and for a right passphrase the reset to zero. The
      // write runs while the keys are derived; nothing is decided until it has landed.
      const failedAttempts = lockout.failedAttempts + 1;
      const counting = this.save({ ...file, lockout: { ...lockout, failedAttempts } });
      const duress = this.duressSlot(file);
      // Sealed rows can be read without the key: read them while the key is derived.
      const reading = readStoredRows(db);
      let unlocked: { dataKey: CryptoKey; upgraded?: Keyring } | null;
      let isDuress: boolean;
      try {
        // Every attempt derives for both, side by side: a wrong passphrase and the duress
        // passphrase cost the same, and neither tells by its time whether duress is set.
        [, unlocked, isDuress] = await Promise.all([
          counting,
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
        // Back to zero; a workspace set up before duress existed gets its (empty) slot. A
        // keyring moved to Argon2id (kdf.ts) goes in the same write; if that write fails, the
        // old wrapping stays and the next unlock tries again. It lands while the rows are
        // opened (a crash before leaves one attempt too many counted, never one too few).
        const opened = { ...file, duress: duress.slot, lockout: { ...lockout, failedAttempts: 0 } };
        const resetting = unlocked.upgraded
          ? this.save({ ...opened, keyring: unlocked.upgraded }).catch(() => this.save(opened))
          : this.save(opened);
        // Awaited after open(); a failure meanwhile is not left unhandled.
        resetting.catch(() => undefined);
        // A change of key that did not finish (the app closed): both keys open the rows.
        const rotation = await openRotation(keyring, key);
        const keys: OpenKeys = {
          dataKey: key,
          generation: keyring.generation ?? 0,
          previous: rotation && { generation: rotation.generation, key: rotation.previousKey },
        };
        return { keys, rows: reading, recoveryKey: rotation?.recoveryKey, resetting };
      }
      await rowsSettled(reading);
      if (isDuress) return 'duress' as const;
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
    let core: DataCore;
    try {
      core = await this.open(opened.keys, opened.rows, unsealer);
    } catch (error) {
      await opened.resetting.catch(() => undefined);
      throw error;
    }
    // The reset must be on disk before the workspace is handed out (and before checkLockout
    // reads the key file again).
    await opened.resetting
      .then(() => this.checkLockout(core))
      .catch(async (error: unknown) => {
        await core.close();
        throw error;
      });
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
      const file = await this.keyFile(db);
      if (!file) throw new Error('This workspace has no passphrase yet.');
      await this.refuseDuressPassphrase(file, newPassphrase);
      const rotated = await rotateWithRecoveryKey(
        file.keyring,
        recoveryKey,
        newPassphrase,
        this.keyringOptions(),
      );
      await this.save({
        ...file,
        keyring: rotated.keyring,
        lockout: { ...file.lockout, failedAttempts: 0 },
      });
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
    await this.checkLockout(core).catch(async (error: unknown) => {
      await core.close();
      throw error;
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
      const file = await this.keyFile(db);
      if (!file) throw new Error('This workspace has no passphrase yet.');
      await this.refuseDuressPassphrase(file, next);
      const rotated = await rotateWithPassphrase(
        file.keyring,
        current,
        next,
        this.keyringOptions(),
      );
      await this.save({ ...file, keyring: rotated.keyring });
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

  /**
   * Sets wipe-after-N in the open workspace (sealed, so that a change on disk is found at
   * the next unlock) and in the key file (read by a failed attempt, without the key).
   */
  async setWipeAfter(store: MetaStore, wipeAfter: number | null): Promise<void> {
    if (wipeAfter !== null && !(Number.isInteger(wipeAfter) && wipeAfter >= 3)) {
      throw new Error('Wipe after failed attempts: choose 3 or more, or never.');
    }
    await this.withDb(async (db) => {
      const file = await this.keyFile(db);
      if (!file) throw new Error('This workspace has no passphrase yet.');
      await sealWipeAfter(store, wipeAfter);
      await this.save({ ...file, lockout: { ...file.lockout, wipeAfter } });
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
      const file = await this.keyFile(db);
      if (!file) throw new Error('This workspace has no passphrase yet.');
      // Throws WrongPassphraseError; the key it opens is not kept.
      await openKeyring(file.keyring, current, this.keyringOptions());
      if (duress !== null && duress.normalize('NFC') === current.normalize('NFC')) {
        throw new DuressSameAsPassphraseError();
      }
      const cost = kdfCostOf(file.keyring.passphrase.kdf);
      const slot =
        duress === null
          ? emptyDuressSlot(cost)
          : await newDuressSlot(duress, cost, this.options.argon2id);
      await this.save({ ...file, duress: slot });
    });
  }

  /**
   * Erases the key file (overwritten with random bytes, then deleted) and deletes the whole
   * database: records, search index, any keyring from before the key file. Close the core
   * first. The database is deleted even when the key file could not be erased.
   */
  async erase(): Promise<void> {
    const erasing = this.options.keyFile.erase();
    const deleting = this.database().delete();
    const [file, database] = await Promise.allSettled([erasing, deleting]);
    if (file.status === 'rejected') throw file.reason;
    if (database.status === 'rejected') throw database.reason;
  }
}
