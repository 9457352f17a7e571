/**
 * All records live in memory once the database is opened (the search index and, later,
 * decryption need them there anyway); IndexedDB is their durable copy. Every change goes
 * through `commit`, which writes one IndexedDB transaction and only then updates memory and
 * tells subscribers: a failed write leaves both the database and memory as they were.
 */
import { releaseBuffer, toBase64 } from '../crypto/bytes';
import { TamperedDataError } from '../crypto/errors';
import { OutlinedRecords } from '../crypto/json-outline';
import type { RecordCipher } from '../crypto/record-cipher';
import { ENTITY_TABLES, type EntityOf, type EntityTable } from '../domain/entities';
import { ChangeSet, type RecordChange, type StoredRecord } from './change-set';
import {
  planChunkWrite,
  type ChunkPlan,
  type ChunkPlanOptions,
  type ChunkWrite,
} from './chunk-plan';
import {
  VERSIONED_FORMAT,
  type ChunkRow,
  type MetaRow,
  type PendingRow,
  type TadamunDatabase,
} from './database';
import {
  isMetaPart,
  isPlainMeta,
  MANIFEST_PLACE,
  metaCopyPrefix,
  metaPartKey,
  metaPartRange,
  RowCodec,
  type PreviousKey,
} from './row-codec';
import {
  checkRows,
  chunkPlace,
  forgetMeta,
  isManifestRow,
  manifestContent,
  metaPlace,
  pendingPlace,
  readManifest,
  stagedChunks,
  stagedPlace,
  stampOf,
  type RowStamps,
} from './row-manifest';
import { WorkspaceClosedError } from './workspace-closed';
import {
  loopPacer,
  neverPause,
  runStepsPaced,
  timeSlicer,
  yieldToBackground,
  yieldToEventLoop,
  type LoopPacer,
} from '../scheduling/time-slices';

export type { RecordChange, StoredRecord } from './change-set';
export { UnsupportedFormatError, WorkspaceLockedError } from './row-codec';

export const CHUNK_SIZE = 1000;
/** Changes this large skip `pending` and go straight into chunks. */
export const BULK_WRITE_AT = 200;
/** When `pending` holds this many rows they are folded into chunks. */
export const COMPACT_AT = 1000;
/** Rows re-sealed per transaction during a key rotation (chunks are up to CHUNK_SIZE records). */
const CHUNKS_PER_RESEAL = 2;
const PENDING_PER_RESEAL = 100;
/**
 * Chunk rows put per request: between requests the page can paint and answer input. A request
 * of two sealed chunks took 20 ms of the page's CPU, of one under 5 (docs/benchmarks.md).
 */
const ROWS_PER_PUT = 1;
/**
 * A bulk write's new chunk rows are sealed and stored this many at a time (or this many bytes),
 * each batch in a transaction of its own: sealed all before one transaction, an import of
 * 200,000 contacts held some 290 MB of them at once (docs/benchmarks.md).
 */
export const CHUNKS_PER_STAGE = 4;
const STAGE_BYTES = 8 << 20;

export type Change =
  { table: EntityTable; put: StoredRecord } | { table: EntityTable; delete: string };

/** What one commit changed; `reset` means every table was replaced (restore from backup). */
export interface ChangeEvent {
  tables: ReadonlySet<EntityTable>;
  records: readonly RecordChange[];
  reset: boolean;
}

export type ChangeListener = (event: ChangeEvent) => void;
/** A listener whose work a commit waits for (the search index, which may work in slices). */
export type ChangeFollower = (event: ChangeEvent) => Promise<void> | void;

/**
 * Every stored row as read from IndexedDB, still sealed when the workspace is encrypted.
 * Chunk rows arrive one by one, so opening can decrypt the first while later ones are read.
 */
export interface StoredRows {
  meta: Promise<MetaRow[]>;
  pending: Promise<PendingRow[]>;
  /** Resolves once the chunk keys are read, with one promise per chunk row. */
  chunks: Promise<Promise<ChunkRow>[]>;
}

function requested<T>(request: IDBRequest, what: string): Promise<T> {
  const result = new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () =>
      reject(new Error(`Reading ${what} failed: ${request.error?.message ?? 'unknown error'}`));
  });
  // Awaited later, or never when opening fails early: no unhandled rejection meanwhile.
  result.catch(() => {});
  return result;
}

/**
 * Reads every row in one read-only transaction of the open database. Unlocking starts it
 * while the key is being derived: sealed rows need no key to be read. Plain IndexedDB, not
 * Dexie, so the reads finish even when the caller's Dexie handle closes meanwhile.
 */
export function readStoredRows(db: TadamunDatabase): StoredRows {
  const tx = db.backendDB().transaction(['meta', 'pending', 'chunks'], 'readonly');
  const meta = requested<MetaRow[]>(
    tx.objectStore('meta').getAll(),
    'the stored meta values (search copy, saved filters)',
  );
  const pending = requested<PendingRow[]>(tx.objectStore('pending').getAll(), 'the recent edits');
  const store = tx.objectStore('chunks');
  const chunks = requested<IDBValidKey[]>(store.getAllKeys(), 'the record chunks').then((keys) =>
    keys.map((chunkKey) =>
      requested<ChunkRow>(store.get(chunkKey), `record chunk ${String(chunkKey)}`),
    ),
  );
  return { meta, pending, chunks };
}

/** Waits for every read of `rows` to end, failed or not (an unlock that fails). */
export async function rowsSettled(rows: StoredRows): Promise<void> {
  const chunks = await rows.chunks.catch(() => []);
  await Promise.allSettled([rows.meta, rows.pending, ...chunks]);
}

export interface RecordStoreOptions {
  /** Seals every row written; without one, rows are plain (tests, and never the app). */
  cipher?: RecordCipher | undefined;
  /** The database's rows when their reading already started (see `readStoredRows`). */
  rows?: StoredRows | undefined;
  /**
   * Opens the rows read at open instead of `cipher` (the same key, decrypting in a worker);
   * it may take the rows' sealed bytes, which are not used again.
   */
  openingCipher?: RecordCipher | undefined;
  /** Seal rows found in plain (setting up encryption); otherwise they are refused. */
  sealPlainRows?: boolean | undefined;
  /** The generation of `cipher`'s key (see `Keyring.generation`). */
  keyGeneration?: number | undefined;
  /** A rotation under way: rows still sealed with the previous key (and not yet re-sealed). */
  previousKey?: PreviousKey | undefined;
  /**
   * Tables whose sealed chunks may stay unparsed at open: a record is parsed when first read,
   * and the rest in the background (see `recordsParsed`). Every row is authenticated first.
   */
  lazyTables?: readonly EntityTable[] | undefined;
}

/** Rows re-sealed so far by a key rotation, of `total`. */
export type ResealProgress = (done: number, total: number) => void;

/** A record of a chunk opened at unlock whose JSON is not parsed yet (json-outline.ts). */
class UnparsedRecord {
  constructor(
    readonly list: OutlinedRecords,
    readonly index: number,
  ) {}
}

interface TableState {
  /** In their stored order; a record left unparsed at open is parsed in place when read. */
  records: Map<string, StoredRecord | UnparsedRecord>;
  /** Chunks opened at unlock with records still unparsed. */
  unparsed: OutlinedRecords[];
  /** What each chunk row physically holds (ids), and where each id is physically stored. */
  chunkMembers: Map<number, Set<string>>;
  chunkOf: Map<string, number>;
  /**
   * Chunks loaded at open whose ids are not in `chunkMembers`/`chunkOf` yet: only a write
   * needs those, so a start does not pay for them.
   */
  unplaced: { chunk: number; ids: readonly string[] }[];
  pendingIds: Set<string>;
  /**
   * The nonce of each stored row ('c' + chunk, 'p' + id), '' for a row in plain: a sealed row
   * gets a new one on every write, so equal nonces mean unchanged rows (see `rowStamp`).
   */
  nonces: Map<string, string>;
}

function emptyTable(): TableState {
  return {
    records: new Map(),
    unparsed: [],
    chunkMembers: new Map(),
    chunkOf: new Map(),
    unplaced: [],
    pendingIds: new Set(),
    nonces: new Map(),
  };
}

/** A row's nonce as `TableState.nonces` holds it; null: the row was deleted. */
interface NonceChange {
  table: EntityTable;
  row: string;
  nonce: string | null;
}

const chunkRowKey = (chunk: number) => `c${chunk}`;
const pendingRowKey = (id: string) => `p${id}`;
const nonceOf = (row: { sealed?: { iv: Uint8Array } }) =>
  row.sealed ? toBase64(row.sealed.iv) : '';

/** The same stored copy of a meta value: its nonce, or for one in parts, its parts' count and copy. */
const sameStoredMeta = (a: MetaRow, b: MetaRow) =>
  nonceOf(a) === nonceOf(b) && a.parts === b.parts && a.copy === b.copy;

/** A new chunk row stored ahead of its write's last transaction (see `stageChunks`). */
interface StagedChunk {
  table: EntityTable;
  chunk: number;
  stamp: string;
}

/** The manifest a write stores in its transaction, adopted once that commits. */
interface ManifestWrite {
  row: MetaRow;
  stamps: RowStamps;
  sequence: number;
}

/** Files the chunks loaded at open into `chunkMembers` and `chunkOf` (before a write plans). */
function placeLoadedChunks(state: TableState): void {
  for (const { chunk, ids } of state.unplaced) {
    for (const id of ids) state.chunkOf.set(id, chunk);
    state.chunkMembers.set(chunk, new Set(ids));
  }
  state.unplaced = [];
}

export class RecordStore {
  private readonly state = new Map<EntityTable, TableState>(
    ENTITY_TABLES.map((table) => [table, emptyTable()]),
  );
  private readonly listeners = new Set<ChangeListener>();
  private readonly followers = new Set<ChangeFollower>();
  private readonly versions = new Map<EntityTable, number>();
  private disposed = false;
  /** Commits run one after another: each sees the state the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Meta values read with the records at open and decrypted alongside them, used once by
   * `readMeta` instead of a re-read.
   */
  private openingMeta = new Map<string, Promise<unknown>>();
  /** Meta writes under way: a rotation waits for those sealed before it began. */
  private readonly metaWrites = new Set<Promise<unknown>>();
  /** The latest write of each meta key: writes of one key run one after another. */
  private readonly metaWriting = new Map<string, Promise<unknown>>();
  /** What the stored manifest lists (see row-manifest.ts); undefined when rows are plain. */
  private stamps: RowStamps | undefined;
  private sequence = 0;
  /** Settles once every record left unparsed at open is parsed (or the store is disposed). */
  recordsParsed: Promise<void> = Promise.resolve();

  private constructor(
    readonly db: TadamunDatabase,
    private readonly codec: RowCodec,
  ) {}

  /**
   * Opens the database (upgrading it if needed) and loads every record into memory. With a
   * cipher, rows are sealed; rows still in plain (written before encryption was set up) are
   * sealed at once, in one transaction, before this returns.
   */
  static async open(
    db: TadamunDatabase,
    {
      cipher,
      rows: loading,
      openingCipher,
      sealPlainRows = false,
      keyGeneration,
      previousKey,
      lazyTables = [],
    }: RecordStoreOptions = {},
  ): Promise<RecordStore> {
    const codecOptions = {
      acceptPlain: sealPlainRows,
      generation: keyGeneration,
      previous: previousKey,
    };
    const store = new RecordStore(db, new RowCodec(cipher, codecOptions));
    const codec = openingCipher ? new RowCodec(openingCipher, codecOptions) : store.codec;
    try {
      await store.load(loading, codec, new Set(lazyTables));
    } catch (error) {
      // Refused or unreadable: what was opened so far is forgotten (and unparsed text wiped).
      store.dispose();
      throw error;
    }
    store.recordsParsed = store.parseInBackground();
    return store;
  }

  /** Loads every row, checks them and, for a workspace being encrypted, seals them. */
  private async load(
    loading: StoredRows | undefined,
    codec: RowCodec,
    lazyTables: ReadonlySet<EntityTable>,
  ): Promise<void> {
    const { db } = this;
    await db.open();
    const rows = loading ?? readStoredRows(db);
    const stored = await rows.meta;
    const manifestRow = stored.find(isManifestRow);
    // Opened before the chunks: a chunk row it lists as staged (a write cut short) is not loaded.
    const listing =
      codec.sealing && manifestRow
        ? codec.openManifest(manifestRow).then(readManifest)
        : Promise.resolve(undefined);
    listing.catch(() => undefined);
    const meta = stored.filter((row) => !isManifestRow(row));
    /** Every row read, as the manifest lists them: compared once all are read. */
    const found: RowStamps = new Map();
    let versioned = false;
    const see = (place: string, row: Parameters<typeof stampOf>[0] & { format?: number }) => {
      found.set(place, stampOf(row));
      if (row.format === VERSIONED_FORMAT) versioned = true;
    };
    for (const row of meta) see(metaPlace(row.key), row);
    const metaByKey = new Map(meta.map((row) => [row.key, row]));
    const partRows = async (keys: string[]) => keys.map((key) => metaByKey.get(key));
    const opening = meta
      .filter((row) => !isMetaPart(row))
      .map((row) => [row.key, codec.openMeta(row, partRows)] as const);
    // Every meta value must open: one that does not was altered (checked before returning).
    for (const [, value] of opening) value.catch(() => undefined);
    this.openingMeta = new Map(opening);
    // Each chunk is decrypted as soon as it is read, all at once, but loaded in stored order
    // (records keep their order whichever decrypts first); pending rows (newer) last.
    const readings = await rows.chunks;
    void Promise.all(readings).then(
      () => performance.mark('tadamun:rows-read'),
      () => {},
    );
    const opened = readings.map(async (reading) => {
      const row = await reading;
      if ((await listing)?.stamps.has(stagedPlace(row))) {
        see(stagedPlace(row), row);
        return { row, records: undefined };
      }
      see(chunkPlace(row), row);
      const lazy = lazyTables.has(row.table);
      return { row, records: await (lazy ? codec.openChunk(row) : codec.decodeChunk(row)) };
    });
    // A failure is reported by the loop below; later chunks' failures are not unhandled.
    for (const opening of opened) opening.catch(() => undefined);
    const chunks: ChunkRow[] = [];
    for (const opening of opened) {
      const { row, records } = await opening;
      if (records === undefined) continue;
      this.loadChunk(row, records);
      chunks.push(row);
    }
    const pending = await rows.pending;
    for (const row of pending) see(pendingPlace(row), row);
    const pendingRecords = await Promise.all(pending.map((row) => codec.decodePending(row)));
    performance.mark('tadamun:rows-decoded');
    pending.forEach((row, index) => this.loadPending(row, pendingRecords[index] ?? null));
    await Promise.all(opening.map(([, value]) => value));
    const plainRows = [...chunks, ...pending].some((row) => codec.isPlain(row));
    const plainMeta = meta.some(isPlainMeta);
    if (codec.sealing && (plainRows || plainMeta)) await this.sealEverything();
    else if (codec.sealing) await this.checkVersions(await listing, found, versioned);
  }

  /**
   * Refuses rows that are not the versions the manifest lists. A workspace from before
   * manifests gets one now; once rows are written with one, it may not go missing.
   */
  private async checkVersions(
    listing: { stamps: RowStamps; sequence: number } | undefined,
    found: RowStamps,
    versioned: boolean,
  ): Promise<void> {
    if (listing) {
      const { stamps, sequence } = listing;
      checkRows(stamps, found);
      this.stamps = stamps;
      this.sequence = sequence;
      // A write cut short left them; failing to remove them now, the next write does.
      await this.inQueue(() => this.dropStaged()).catch(() => undefined);
      return;
    }
    if (versioned) throw new TamperedDataError(MANIFEST_PLACE);
    this.stamps = found;
    await this.inQueue(() => this.writeManifestAlone());
  }

  /** Stores the manifest as it stands (a first one, or re-sealed with a new key). */
  private async writeManifestAlone(): Promise<void> {
    const manifest = await this.sealedManifest(() => {});
    await this.db.transaction('rw', this.db.meta, () => this.putManifest(manifest));
    this.adoptManifest(manifest);
  }

  /**
   * In the queue, before a write's transaction: the manifest once the write is stored,
   * sealed (WebCrypto is async: it cannot run inside the transaction).
   */
  private async sealedManifest(
    edit: (stamps: RowStamps) => void,
  ): Promise<ManifestWrite | undefined> {
    if (!this.stamps) {
      // Locked meanwhile: a sealed row stored without the manifest would refuse the next unlock.
      if (this.codec.sealing) throw new WorkspaceClosedError();
      return undefined;
    }
    const stamps = new Map(this.stamps);
    edit(stamps);
    const sequence = this.sequence + 1;
    const row = await this.codec.encodeManifest(manifestContent(stamps, sequence));
    return { row, stamps, sequence };
  }

  /** Inside the write's transaction. */
  private async putManifest(manifest: ManifestWrite | undefined): Promise<void> {
    if (manifest) await this.db.meta.put(manifest.row);
  }

  /** After the write's transaction committed. */
  private adoptManifest(manifest: ManifestWrite | undefined): void {
    if (!manifest) return;
    this.stamps = manifest.stamps;
    this.sequence = manifest.sequence;
  }

  /** Rewrites every record and meta value sealed, in one transaction. */
  private async sealEverything(): Promise<void> {
    const records = new Map(ENTITY_TABLES.map((table) => [table, this.all(table)]));
    const meta = await Promise.all(
      (await this.db.meta.toArray())
        .filter((row) => !isManifestRow(row))
        .map((row) => (isPlainMeta(row) ? this.codec.encodeMeta(row.key, row.value) : [row])),
    );
    await this.replaceAll(records, { rows: meta.flat() });
  }

  /** Forgets every decrypted record (on lock and close); the store is unusable after. */
  dispose(): void {
    this.openingMeta.clear();
    this.stamps = undefined;
    this.clearTables();
    this.disposed = true;
    this.listeners.clear();
    this.followers.clear();
  }

  /** True when rows are sealed: what is read back is authenticated. */
  get sealing(): boolean {
    return this.codec.sealing;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** A value stored beside the records (sealed like them); undefined if absent or unreadable. */
  async readMeta(key: string): Promise<unknown> {
    const opening = this.openingMeta.get(key);
    this.openingMeta.delete(key);
    return (
      opening ??
      this.codec.decodeMeta(await this.db.meta.get(key), (keys) => this.db.meta.bulkGet(keys))
    );
  }

  /**
   * Replaces the value and any parts an earlier copy left. A large value (the search copy) is
   * sealed a part per task, and each part is stored as soon as it is sealed (with the manifest
   * listing it), under keys of a new copy: its parts are never all in memory. The value's row,
   * naming that copy, is stored last, in one transaction with the removal of the earlier
   * copy: a save cut short leaves the earlier copy whole, and its own parts for the next save
   * to remove.
   */
  async writeMeta(key: string, value: unknown): Promise<void> {
    this.openingMeta.delete(key);
    const before = this.metaWriting.get(key);
    const writing = (async () => {
      await before?.catch(() => undefined);
      await this.sealAndStoreMeta(key, value);
    })();
    this.metaWriting.set(key, writing);
    this.metaWrites.add(writing);
    try {
      await writing;
    } finally {
      this.metaWrites.delete(writing);
      if (this.metaWriting.get(key) === writing) this.metaWriting.delete(key);
    }
  }

  private async sealAndStoreMeta(key: string, value: unknown): Promise<void> {
    const storedParts: string[] = [];
    try {
      const rows = await this.codec.encodeMeta(key, value, async (part) => {
        await this.inQueue(() => this.storeMetaPart(part));
        storedParts.push(part.key);
      });
      await yieldToEventLoop();
      await this.inQueue(() => this.storeMetaRows(key, rows));
    } catch (error) {
      // Parts of a copy never adopted: the next save would remove them too.
      if (storedParts.length > 0) {
        await this.inQueue(() => this.removeMetaRows(storedParts)).catch(() => undefined);
      }
      throw error;
    }
  }

  /**
   * In the queue: one part of a new copy, with the manifest listing it. Its sealed bytes are
   * freed once put: dozens of them waited for a full collection, which may be long in coming.
   */
  private async storeMetaPart(row: MetaRow): Promise<void> {
    try {
      const manifest = await this.sealedManifest((stamps) => {
        stamps.set(metaPlace(row.key), stampOf(row));
      });
      await this.db.transaction('rw', this.db.meta, async () => {
        await this.db.meta.put(row);
        await this.putManifest(manifest);
      });
      this.adoptManifest(manifest);
    } finally {
      if (row.sealed) releaseBuffer(row.sealed.data);
    }
  }

  /** In the queue: rows no value's row refers to (the parts of a copy given up). */
  private async removeMetaRows(keys: readonly string[]): Promise<void> {
    const manifest = await this.sealedManifest((stamps) => {
      for (const key of keys) stamps.delete(metaPlace(key));
    });
    await this.db.transaction('rw', this.db.meta, async () => {
      await this.db.meta.bulkDelete([...keys]);
      await this.putManifest(manifest);
    });
    this.adoptManifest(manifest);
  }

  /** Runs `work` between commits: no commit is sealing or writing meanwhile. */
  private inQueue<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(() => {
      if (this.disposed) throw new WorkspaceClosedError();
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Key rotation, first step: every row written from now on is sealed with `cipher` (whose
   * key is of `generation`); rows of the current key stay readable until `resealAll`.
   * Store the keyring holding both keys first.
   */
  async rekey(cipher: RecordCipher, generation: number): Promise<void> {
    await this.inQueue(() => this.codec.rekey(cipher, generation));
    // Meta values sealed before, still being written, land before the re-sealing looks.
    await Promise.allSettled([...this.metaWrites]);
  }

  /**
   * Re-seals every row the current key did not seal, a few rows per transaction, between
   * commits: a crash leaves each row whole under one key or the other, and the rows' marks
   * say which. Then forgets the previous key.
   */
  async resealAll(onProgress: ResealProgress = () => {}): Promise<void> {
    await this.inQueue(() => this.dropStaged());
    const chunkKeys = await this.db.chunks.toCollection().primaryKeys();
    const pendingKeys = await this.db.pending.toCollection().primaryKeys();
    // The manifest is sealed anew by every write here, and last of all below.
    const metaKeys = (await this.db.meta.toCollection().primaryKeys()).filter(
      (key) => !isMetaPart({ key }) && !isManifestRow({ key }),
    );
    const total = chunkKeys.length + pendingKeys.length + metaKeys.length;
    let done = 0;
    onProgress(done, total);
    for (let start = 0; start < chunkKeys.length; start += CHUNKS_PER_RESEAL) {
      const keys = chunkKeys.slice(start, start + CHUNKS_PER_RESEAL);
      await this.inQueue(() => this.resealChunks(keys));
      onProgress((done += keys.length), total);
      await yieldToEventLoop();
    }
    for (let start = 0; start < pendingKeys.length; start += PENDING_PER_RESEAL) {
      const keys = pendingKeys.slice(start, start + PENDING_PER_RESEAL);
      await this.inQueue(() => this.resealPending(keys));
      onProgress((done += keys.length), total);
      await yieldToEventLoop();
    }
    for (const key of metaKeys) {
      await this.resealMeta(key);
      onProgress((done += 1), total);
    }
    await this.inQueue(() => this.writeManifestAlone());
    await this.inQueue(() => this.checkNothingStale());
    this.codec.dropPreviousKey();
  }

  /** Rows written meanwhile are sealed with the new key; anything else is a bug, not a crash. */
  private async checkNothingStale(): Promise<void> {
    const stale = (row: { keyGeneration?: number }) => this.codec.isStale(row);
    const left =
      (await this.db.chunks.filter(stale).count()) +
      (await this.db.pending.filter(stale).count()) +
      (await this.db.meta.filter(stale).count());
    if (left > 0) throw new Error(`${left} rows are still sealed with the previous key.`);
  }

  private async resealChunks(keys: [EntityTable, number][]): Promise<void> {
    // A row left by a write cut short is not a chunk: it is removed, never re-sealed.
    const rows = (await this.db.chunks.bulkGet(keys)).filter(
      (row): row is ChunkRow =>
        row !== undefined && this.codec.isStale(row) && !this.stamps?.has(stagedPlace(row)),
    );
    const fresh: ChunkRow[] = [];
    for (const row of rows) {
      const records = await this.codec.decodeChunk(row);
      fresh.push(await this.codec.encodeChunk(row.table, row.chunk, records));
    }
    const manifest = await this.sealedManifest((stamps) => {
      for (const row of fresh) stamps.set(chunkPlace(row), stampOf(row));
    });
    await this.db.transaction('rw', this.db.chunks, this.db.meta, async () => {
      for (const row of fresh) await this.db.chunks.put(row);
      await this.putManifest(manifest);
    });
    this.adoptManifest(manifest);
    for (const row of fresh) {
      this.table(row.table).nonces.set(chunkRowKey(row.chunk), nonceOf(row));
    }
  }

  private async resealPending(keys: [EntityTable, string][]): Promise<void> {
    const rows = (await this.db.pending.bulkGet(keys)).filter(
      (row): row is PendingRow => row !== undefined && this.codec.isStale(row),
    );
    const fresh = await Promise.all(
      rows.map(async (row) =>
        this.codec.encodePending(row.table, row.id, await this.codec.decodePending(row)),
      ),
    );
    const manifest = await this.sealedManifest((stamps) => {
      for (const row of fresh) stamps.set(pendingPlace(row), stampOf(row));
    });
    await this.db.transaction('rw', this.db.pending, this.db.meta, async () => {
      await this.db.pending.bulkPut(fresh);
      await this.putManifest(manifest);
    });
    this.adoptManifest(manifest);
    for (const row of fresh) {
      this.table(row.table).nonces.set(pendingRowKey(row.id), nonceOf(row));
    }
  }

  /** Meta writes do not wait for commits: the row is re-sealed only if nobody wrote it since. */
  private async resealMeta(key: string): Promise<void> {
    const row = await this.db.meta.get(key);
    if (!row || !this.codec.isStale(row)) return;
    const value = await this.codec.openMeta(row, (keys) => this.db.meta.bulkGet(keys));
    const rows = await this.codec.encodeMeta(key, value);
    await this.inQueue(() =>
      this.storeMetaRows(key, rows, async () => {
        const now = await this.db.meta.get(key);
        return !!now && this.codec.isStale(now) && sameStoredMeta(now, row);
      }),
    );
  }

  /** In the queue: the value's rows and the manifest listing them, in one transaction. */
  private async storeMetaRows(
    key: string,
    rows: readonly MetaRow[],
    stillWanted: () => Promise<boolean> = async () => true,
  ): Promise<void> {
    const copy = rows[0]?.copy;
    const kept = copy === undefined ? undefined : metaCopyPrefix(key, copy);
    const manifest = await this.sealedManifest((stamps) => {
      forgetMeta(stamps, key, kept);
      for (const row of rows) stamps.set(metaPlace(row.key), stampOf(row));
    });
    let stored = false;
    await this.db.transaction('rw', this.db.meta, async () => {
      if (!(await stillWanted())) return;
      const head = rows[0];
      if (head?.copy !== undefined) await this.checkCopyStored(head);
      await this.putMetaRows(key, rows);
      await this.putManifest(manifest);
      stored = true;
    });
    if (stored) this.adoptManifest(manifest);
  }

  /** Inside a transaction: every part of the copy `head` names is stored, or this throws. */
  private async checkCopyStored({ key, parts = 0, copy }: MetaRow): Promise<void> {
    const keys = Array.from({ length: parts }, (_, index) => metaPartKey(key, index, copy));
    const found = await this.db.meta.bulkGet(keys);
    if (found.some((row) => row === undefined)) {
      throw new Error(`A stored value (${key}) lost parts while it was written.`);
    }
  }

  /**
   * Inside a transaction: the value's rows replace the value and any parts it had; those of
   * the copy the value's row names (stored before it) stay.
   */
  private async putMetaRows(key: string, rows: readonly MetaRow[]): Promise<void> {
    const [from, to] = metaPartRange(key);
    const parts = this.db.meta.where('key').between(from, to, true, true);
    const copy = rows[0]?.copy;
    if (copy === undefined) {
      await parts.delete();
    } else {
      const kept = metaCopyPrefix(key, copy);
      const keys = await parts.primaryKeys();
      await this.db.meta.bulkDelete(keys.filter((part) => !part.startsWith(kept)));
    }
    // Awaiting each request (never a timer) keeps the transaction open.
    for (const row of rows) await this.db.meta.put(row);
  }

  private table(table: EntityTable): TableState {
    const state = this.state.get(table);
    if (!state) throw new Error(`Unknown table ${table}`);
    return state;
  }

  /** Empties every table; text of records never parsed is overwritten. */
  private clearTables(): void {
    for (const table of ENTITY_TABLES) {
      for (const list of this.state.get(table)?.unparsed ?? []) list.wipe();
      this.state.set(table, emptyTable());
    }
  }

  private loadChunk(row: ChunkRow, records: OutlinedRecords | unknown[]): void {
    const state = this.table(row.table);
    state.nonces.set(chunkRowKey(row.chunk), nonceOf(row));
    if (records instanceof OutlinedRecords) {
      const { ids } = records;
      for (let index = 0; index < ids.length; index += 1) {
        state.records.set(ids[index] ?? '', new UnparsedRecord(records, index));
      }
      state.unparsed.push(records);
      state.unplaced.push({ chunk: row.chunk, ids });
      return;
    }
    const ids: string[] = [];
    for (const record of records as StoredRecord[]) {
      state.records.set(record.id, record);
      ids.push(record.id);
    }
    state.unplaced.push({ chunk: row.chunk, ids });
  }

  /** The record of `id` parsed in its place (later reads get the same object). */
  private parseRecord(state: TableState, id: string, unparsed: UnparsedRecord): StoredRecord {
    const record = unparsed.list.parse(unparsed.index) as StoredRecord;
    state.records.set(id, record);
    return record;
  }

  /** Parses the records a chunk opened at unlock still holds unparsed, then wipes its text. */
  private parseChunk(state: TableState, list: OutlinedRecords): void {
    const records = list.parseAll() as StoredRecord[];
    const { ids } = list;
    for (let index = 0; index < ids.length; index += 1) {
      const id = ids[index] ?? '';
      const current = state.records.get(id);
      // Parsed already, rewritten or deleted since: that stays.
      if (current instanceof UnparsedRecord && current.list === list) {
        state.records.set(id, records[index] as StoredRecord);
      }
    }
    list.wipe();
  }

  private parseTable(state: TableState): void {
    for (const list of state.unparsed) this.parseChunk(state, list);
    state.unparsed = [];
  }

  /**
   * Parses what open left unparsed, a chunk per task at background priority: reading a
   * record parses it anyway, and `all` parses the rest of its table at once.
   */
  private async parseInBackground(): Promise<void> {
    for (const table of ENTITY_TABLES) {
      for (;;) {
        if (this.table(table).unparsed.length === 0) break;
        await yieldToBackground();
        if (this.disposed) return;
        const state = this.table(table);
        const list = state.unparsed.shift();
        if (!list) break;
        this.parseChunk(state, list);
      }
    }
    performance.mark('tadamun:records-parsed');
  }

  /** Parses a table's records left unparsed at open, a chunk per slice (before reading all). */
  async parseInSlices(table: EntityTable): Promise<void> {
    const slicer = timeSlicer();
    for (;;) {
      const state = this.table(table);
      const list = state.unparsed.shift();
      if (!list) return;
      this.parseChunk(state, list);
      await slicer.maybeYield();
    }
  }

  private loadPending(row: PendingRow, record: unknown): void {
    const state = this.table(row.table);
    state.pendingIds.add(row.id);
    state.nonces.set(pendingRowKey(row.id), nonceOf(row));
    if (record === null) state.records.delete(row.id);
    else state.records.set(row.id, record as StoredRecord);
  }

  get<T extends EntityTable>(table: T, id: string): EntityOf<T> | undefined {
    const state = this.table(table);
    const record = state.records.get(id);
    return (record instanceof UnparsedRecord ? this.parseRecord(state, id, record) : record) as
      EntityOf<T> | undefined;
  }

  all<T extends EntityTable>(table: T): EntityOf<T>[] {
    const state = this.table(table);
    if (state.unparsed.length > 0) this.parseTable(state);
    return [...state.records.values()] as EntityOf<T>[];
  }

  count(table: EntityTable): number {
    return this.table(table).records.size;
  }

  /**
   * Names the stored state of `tables`: equal stamps mean the same rows, unchanged. Undefined
   * when a row is in plain (no nonce tells its writes apart), so callers compare the records.
   */
  rowStamp(tables: readonly EntityTable[]): string | undefined {
    if (!this.codec.sealing) return undefined;
    const parts: string[] = [];
    for (const table of tables) {
      const nonces = this.table(table).nonces;
      for (const row of [...nonces.keys()].sort()) {
        const nonce = nonces.get(row);
        if (!nonce) return undefined;
        parts.push(`${table}/${row}/${nonce}`);
      }
    }
    return parts.join(' ');
  }

  /** Grows on every change of the table: a cheap snapshot key for UI hooks. */
  version(table: EntityTable): number {
    return this.versions.get(table) ?? 0;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Like `subscribe`, but the commit resolves only once the follower's work is done, and
   * subscribers hear of the change after it (so they see e.g. an up-to-date search index).
   */
  follow(follower: ChangeFollower): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** Writes the changes all-or-nothing. Records must already be validated. */
  commit(changes: readonly Change[]): Promise<void> {
    return this.commitPrepared(() => changes);
  }

  /**
   * Commits the changes `prepare` returns, called once every earlier commit is applied: no
   * other commit lands between what it reads of the records and the write. `options` apply
   * when the changes are written into chunks (see `ChunkPlanOptions`).
   */
  commitPrepared(prepare: () => readonly Change[], options: ChunkPlanOptions = {}): Promise<void> {
    const run = this.queue.then(() => this.commitNow(prepare(), options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commitNow(
    changes: readonly Change[],
    options: ChunkPlanOptions = {},
  ): Promise<void> {
    if (this.disposed) throw new WorkspaceClosedError();
    if (changes.length === 0) return;
    // A bulk write (an import) plans in slices: the page keeps painting meanwhile. Memory
    // changes only in `apply`, after the transaction.
    const pace = changes.length >= BULK_WRITE_AT ? loopPacer() : neverPause;
    const next = new ChangeSet();
    for (const change of changes) {
      const id = 'put' in change ? change.put.id : change.delete;
      const record = 'put' in change ? change.put : null;
      next.add({ table: change.table, id, record });
      const wait = pace();
      if (wait) await wait;
    }
    const pendingRows = [...this.state.values()].reduce((n, s) => n + s.pendingIds.size, 0);
    const count = next.list.length;
    let nonces: NonceChange[];
    if (count >= BULK_WRITE_AT || pendingRows + count >= COMPACT_AT) {
      nonces = await this.writeChunks(next, pace, options);
    } else {
      // Sealing is async WebCrypto: done before the transaction, which would not wait for it.
      const rows = await Promise.all(
        next.list.map(({ table, id, record }) => this.codec.encodePending(table, id, record)),
      );
      const manifest = await this.sealedManifest((stamps) => {
        for (const row of rows) stamps.set(pendingPlace(row), stampOf(row));
      });
      await this.db.transaction('rw', this.db.pending, this.db.meta, async () => {
        await this.db.pending.bulkPut(rows);
        await this.putManifest(manifest);
      });
      this.adoptManifest(manifest);
      for (const { table, id } of next.list) this.table(table).pendingIds.add(id);
      nonces = rows.map((row) => ({
        table: row.table,
        row: pendingRowKey(row.id),
        nonce: nonceOf(row),
      }));
    }
    await this.apply(next.list, nonces, pace);
  }

  /**
   * Rewrites the chunks the changes touch and folds every pending row into chunks; the
   * in-memory chunk bookkeeping is updated only after it is stored. In a sealed workspace the
   * new chunk rows are stored first, a few per transaction, listed as staged (never loaded);
   * one last transaction writes the rest, the deletions and the manifest that lists them all.
   * Cut short before that, the earlier state is whole and the staged rows are removed. Returns
   * the rows' new nonces, for `apply`.
   */
  private async writeChunks(
    changes: ChangeSet,
    pace: LoopPacer,
    options: ChunkPlanOptions = {},
  ): Promise<NonceChange[]> {
    await this.dropStaged();
    const pending = new Map<EntityTable, ReadonlySet<string>>();
    for (const [table, state] of this.state) {
      if (state.pendingIds.size > 0) pending.set(table, state.pendingIds);
    }
    const layoutOf = (table: EntityTable) => {
      const state = this.table(table);
      placeLoadedChunks(state);
      // The records a rewritten chunk holds are parsed (to be sealed again) as it reads them.
      return { ...state, records: { get: (id: string) => this.get(table, id) } };
    };
    const plan = await runStepsPaced(
      planChunkWrite(changes, pending, layoutOf, CHUNK_SIZE, options),
      pace,
    );
    // Only a new chunk row can be stored ahead: an existing one is replaced with the manifest.
    const isNew = ({ table, chunk }: ChunkWrite) =>
      this.stamps !== undefined && !this.table(table).chunkMembers.has(chunk);
    let staged: StagedChunk[] = [];
    let chunkRows: ChunkRow[];
    let manifest: ManifestWrite | undefined;
    const { chunkDeletes, pendingDeletes } = plan;
    try {
      staged = await this.stageChunks(plan.writes.filter(isNew));
      chunkRows = await this.encodeChunks(plan.writes.filter((write) => !isNew(write)));
      manifest = await this.sealedManifest((stamps) => {
        for (const row of staged) {
          stamps.delete(stagedPlace(row));
          stamps.set(chunkPlace(row), row.stamp);
        }
        for (const row of chunkRows) stamps.set(chunkPlace(row), stampOf(row));
        for (const [table, chunk] of chunkDeletes) stamps.delete(chunkPlace({ table, chunk }));
        for (const [table, id] of pendingDeletes) stamps.delete(pendingPlace({ table, id }));
      });
      await this.db.transaction('rw', this.db.chunks, this.db.pending, this.db.meta, async () => {
        await this.putChunkRows(chunkRows);
        if (chunkDeletes.length) await this.db.chunks.bulkDelete(chunkDeletes);
        if (pendingDeletes.length) await this.db.pending.bulkDelete(pendingDeletes);
        await this.putManifest(manifest);
      });
    } catch (error) {
      // Rows stored ahead of a write that failed: the next write or unlock removes them if this cannot.
      await this.dropStaged().catch(() => undefined);
      throw error;
    }
    this.adoptManifest(manifest);
    performance.mark('tadamun:chunks-stored');
    await this.adoptLayouts(plan, pace);
    return [
      // A sealed chunk row's stamp is its nonce.
      ...staged.map(({ table, chunk, stamp }) => ({
        table,
        row: chunkRowKey(chunk),
        nonce: stamp,
      })),
      ...chunkRows.map((row) => ({
        table: row.table,
        row: chunkRowKey(row.chunk),
        nonce: nonceOf(row),
      })),
      ...chunkDeletes.map(([table, chunk]) => ({ table, row: chunkRowKey(chunk), nonce: null })),
      ...pendingDeletes.map(([table, id]) => ({ table, row: pendingRowKey(id), nonce: null })),
    ];
  }

  /** The chunk bookkeeping follows a plan once it is stored. */
  private async adoptLayouts(plan: ChunkPlan, pace: LoopPacer): Promise<void> {
    for (const { table, members, placed, removed } of plan.layouts) {
      const state = this.table(table);
      for (const [chunk, set] of members) {
        if (set.size === 0) state.chunkMembers.delete(chunk);
        else state.chunkMembers.set(chunk, set);
      }
      // Only writes read these, and they wait for this one: yielding here is safe.
      for (const [id, chunk] of placed) {
        state.chunkOf.set(id, chunk);
        const wait = pace();
        if (wait) await wait;
      }
      for (const id of removed) state.chunkOf.delete(id);
    }
    for (const [table, id] of plan.pendingDeletes) this.table(table).pendingIds.delete(id);
  }

  /**
   * Memory follows the stored rows: records and row nonces change, then listeners hear of it.
   * A bulk change is applied in slices: the rows are already stored, readers meanwhile see
   * part of it, and versions and listeners change only at the end.
   */
  private async apply(
    changes: RecordChange[],
    nonces: readonly NonceChange[],
    pace: LoopPacer,
  ): Promise<void> {
    const tables = new Set<EntityTable>();
    for (const { table, id, record } of changes) {
      const state = this.table(table);
      if (record === null) state.records.delete(id);
      else state.records.set(id, record);
      tables.add(table);
      const wait = pace();
      if (wait) await wait;
      // Locked meanwhile: the decrypted records must not come back into memory.
      if (this.disposed) return;
    }
    // Nonces last, in the task that tells followers: a search copy taken meanwhile must not
    // claim the new rows' stamp while its index still lacks their records.
    for (const { table, row, nonce } of nonces) {
      const rowNonces = this.table(table).nonces;
      if (nonce === null) rowNonces.delete(row);
      else rowNonces.set(row, nonce);
    }
    for (const table of tables) this.versions.set(table, this.version(table) + 1);
    return this.notify({ tables, records: changes, reset: false });
  }

  /** Synchronous unless a follower returns a promise. */
  private async notify(event: ChangeEvent): Promise<void> {
    const following: Promise<void>[] = [];
    for (const follower of this.followers) {
      const work = follower(event);
      if (work) following.push(work);
    }
    if (following.length) await Promise.all(following);
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Seals new chunk rows and stores them a few at a time, each batch in a transaction with the
   * manifest listing them as staged: their sealed bytes are freed as they go, not held until
   * one transaction stores them all. Stops when the workspace is locked meanwhile.
   */
  private async stageChunks(plans: readonly ChunkWrite[]): Promise<StagedChunk[]> {
    const slicer = timeSlicer();
    const staged: StagedChunk[] = [];
    let batch: ChunkRow[] = [];
    let bytes = 0;
    for (const [index, { table, chunk, records }] of plans.entries()) {
      const row = await this.codec.encodeChunk(table, chunk, records);
      batch.push(row);
      bytes += row.sealed?.data.byteLength ?? 0;
      const last = index === plans.length - 1;
      if (last || batch.length >= CHUNKS_PER_STAGE || bytes >= STAGE_BYTES) {
        staged.push(...(await this.storeStage(batch)));
        batch = [];
        bytes = 0;
      }
      await slicer.maybeYield();
    }
    return staged;
  }

  /** One batch of `stageChunks`, in one transaction with the manifest listing it. */
  private async storeStage(rows: readonly ChunkRow[]): Promise<StagedChunk[]> {
    if (this.disposed) throw new WorkspaceClosedError();
    const staged = rows.map((row) => ({ table: row.table, chunk: row.chunk, stamp: stampOf(row) }));
    const manifest = await this.sealedManifest((stamps) => {
      for (const row of staged) stamps.set(stagedPlace(row), row.stamp);
    });
    if (!manifest) throw new WorkspaceClosedError();
    await this.db.transaction('rw', this.db.chunks, this.db.meta, async () => {
      await this.putChunkRows(rows);
      await this.putManifest(manifest);
    });
    this.adoptManifest(manifest);
    return staged;
  }

  /**
   * Removes the chunk rows the manifest lists as staged (see `stageChunks`), with it: a write
   * cut short left them. Between writes, and never once the store is disposed.
   */
  private async dropStaged(): Promise<void> {
    const left = this.stamps && !this.disposed ? stagedChunks(this.stamps) : [];
    if (left.length === 0) return;
    const manifest = await this.sealedManifest((stamps) => {
      for (const [table, chunk] of left) stamps.delete(stagedPlace({ table, chunk }));
    });
    await this.db.transaction('rw', this.db.chunks, this.db.meta, async () => {
      await this.db.chunks.bulkDelete(left);
      await this.putManifest(manifest);
    });
    this.adoptManifest(manifest);
  }

  /** Serializes and seals chunks a few milliseconds at a time: a bulk write keeps the page live. */
  private async encodeChunks(plans: readonly ChunkWrite[]): Promise<ChunkRow[]> {
    const slicer = timeSlicer();
    const rows: ChunkRow[] = [];
    // One after another: encoders run side by side would share one task, and make it long.
    for (const { table, chunk, records } of plans) {
      rows.push(await this.codec.encodeChunk(table, chunk, records));
      await slicer.maybeYield();
    }
    return rows;
  }

  /**
   * Inside a transaction: awaiting each request (never a timer) keeps it open. A put copies
   * its row: the sealed bytes are freed once it is made. Left to a full collection, the bytes
   * of 200,000 contacts (some 100 MB) were still held while the search copy was saved next.
   */
  private async putChunkRows(rows: readonly ChunkRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += ROWS_PER_PUT) {
      const put = rows.slice(start, start + ROWS_PER_PUT);
      await this.db.chunks.bulkPut(put);
      for (const row of put) if (row.sealed) releaseBuffer(row.sealed.data);
    }
  }

  /**
   * Replaces everything (restore from backup): one transaction, then memory. In the same
   * transaction `meta.rows` replace every stored meta value, `meta.values` those of their keys.
   */
  async replaceAll(
    records: ReadonlyMap<EntityTable, readonly StoredRecord[]>,
    meta: { rows?: readonly MetaRow[]; values?: ReadonlyMap<string, unknown> } = {},
  ): Promise<void> {
    this.openingMeta.clear();
    const run = this.queue.then(async () => {
      const values = await Promise.all(
        [...(meta.values ?? [])].map(
          async ([key, value]) => [key, await this.codec.encodeMeta(key, value)] as const,
        ),
      );
      const plans: ChunkWrite[] = [];
      for (const [table, list] of records) {
        for (let start = 0; start < list.length; start += CHUNK_SIZE) {
          const chunk = start / CHUNK_SIZE;
          plans.push({ table, chunk, records: list.slice(start, start + CHUNK_SIZE) });
        }
      }
      const rows = await this.encodeChunks(plans);
      if (this.codec.sealing) this.stamps ??= new Map();
      const manifest = await this.sealedManifest((stamps) => {
        for (const place of [...stamps.keys()]) {
          if (meta.rows || !place.startsWith(metaPlace(''))) stamps.delete(place);
        }
        for (const row of rows) stamps.set(chunkPlace(row), stampOf(row));
        for (const row of meta.rows ?? []) stamps.set(metaPlace(row.key), stampOf(row));
        for (const [key, valueRows] of values) {
          forgetMeta(stamps, key);
          for (const row of valueRows) stamps.set(metaPlace(row.key), stampOf(row));
        }
      });
      const { chunks, pending } = this.db;
      await this.db.transaction('rw', chunks, pending, this.db.meta, async () => {
        await chunks.clear();
        await pending.clear();
        await this.putChunkRows(rows);
        if (meta.rows) {
          await this.db.meta.clear();
          await this.db.meta.bulkPut([...meta.rows]);
        }
        for (const [key, rows] of values) await this.putMetaRows(key, rows);
        await this.putManifest(manifest);
      });
      this.adoptManifest(manifest);
      this.clearTables();
      plans.forEach((plan, index) => {
        const row = rows[index];
        if (row) this.loadChunk(row, plan.records);
      });
      const tables = new Set(ENTITY_TABLES);
      for (const table of tables) this.versions.set(table, this.version(table) + 1);
      await this.notify({ tables, records: [], reset: true });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
