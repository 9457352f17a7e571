/**
 * All records live in memory once the database is opened (the search index and, later,
 * decryption need them there anyway); IndexedDB is their durable copy. Every change goes
 * through `commit`, which writes one IndexedDB transaction and only then updates memory and
 * tells subscribers: a failed write leaves both the database and memory as they were.
 */
import type { RecordCipher } from '../crypto/record-cipher';
import { ENTITY_TABLES, type EntityOf, type EntityTable } from '../domain/entities';
import type { ChunkRow, MetaRow, PendingRow, TadamunDatabase } from './database';
import { RowCodec } from './row-codec';

export { UnsupportedFormatError, WorkspaceLockedError } from './row-codec';

export const CHUNK_SIZE = 1000;
/** Changes this large skip `pending` and go straight into chunks. */
export const BULK_WRITE_AT = 200;
/** When `pending` holds this many rows they are folded into chunks. */
export const COMPACT_AT = 1000;

export interface StoredRecord {
  id: string;
  [field: string]: unknown;
}

export type Change =
  { table: EntityTable; put: StoredRecord } | { table: EntityTable; delete: string };

export interface RecordChange {
  table: EntityTable;
  id: string;
  /** The record as now stored, or null when it was deleted. */
  record: StoredRecord | null;
}

/** What one commit changed; `reset` means every table was replaced (restore from backup). */
export interface ChangeEvent {
  tables: ReadonlySet<EntityTable>;
  records: readonly RecordChange[];
  reset: boolean;
}

export type ChangeListener = (event: ChangeEvent) => void;

/** Every stored row as read from IndexedDB, still sealed when the workspace is encrypted. */
export interface StoredRows {
  chunks: ChunkRow[];
  pending: PendingRow[];
  meta: MetaRow[];
}

/**
 * Reads every row in one transaction. Unlocking calls it while the key is being derived:
 * sealed rows need no key to be read, so the disk read and the key derivation overlap.
 */
export function readStoredRows(db: TadamunDatabase): Promise<StoredRows> {
  return db.transaction('r', db.chunks, db.pending, db.meta, async () => {
    const [chunks, pending, meta] = await Promise.all([
      db.chunks.toArray(),
      db.pending.toArray(),
      db.meta.toArray(),
    ]);
    return { chunks, pending, meta };
  });
}

interface TableState {
  records: Map<string, StoredRecord>;
  /** What each chunk row physically holds (ids), and where each id is physically stored. */
  chunkMembers: Map<number, Set<string>>;
  chunkOf: Map<string, number>;
  pendingIds: Set<string>;
}

function emptyTable(): TableState {
  return { records: new Map(), chunkMembers: new Map(), chunkOf: new Map(), pendingIds: new Set() };
}

function key(table: EntityTable, id: string): string {
  return `${table}\u0000${id}`;
}

export class RecordStore {
  private readonly state = new Map<EntityTable, TableState>(
    ENTITY_TABLES.map((table) => [table, emptyTable()]),
  );
  private readonly listeners = new Set<ChangeListener>();
  private readonly versions = new Map<EntityTable, number>();
  private disposed = false;
  /** Commits run one after another: each sees the state the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Meta values read with the records at open and decrypted alongside them, used once by
   * `readMeta` instead of a re-read.
   */
  private openingMeta = new Map<string, Promise<unknown>>();

  private constructor(
    readonly db: TadamunDatabase,
    private readonly codec: RowCodec,
  ) {}

  /**
   * Opens the database (upgrading it if needed) and loads every record into memory. With a
   * cipher, rows are sealed; rows still in plain (written before encryption was set up) are
   * sealed at once, in one transaction, before this returns. `rows` are the database's rows
   * when they were already read (see `readStoredRows`).
   */
  static async open(
    db: TadamunDatabase,
    cipher?: RecordCipher,
    rows?: StoredRows,
  ): Promise<RecordStore> {
    const store = new RecordStore(db, new RowCodec(cipher));
    await db.open();
    const { chunks, pending, meta } = rows ?? (await readStoredRows(db));
    store.openingMeta = new Map(meta.map((row) => [row.key, store.codec.decodeMeta(row)]));
    performance.mark('tadamun:rows-read');
    const codec = store.codec;
    const [chunkRecords, pendingRecords] = await Promise.all([
      Promise.all(chunks.map((row) => codec.decodeChunk(row))),
      Promise.all(pending.map((row) => codec.decodePending(row))),
    ]);
    performance.mark('tadamun:rows-decoded');
    chunks.forEach((row, index) => store.loadChunk(row, chunkRecords[index] ?? []));
    pending.forEach((row, index) => store.loadPending(row, pendingRecords[index] ?? null));
    const plainRows = [...chunks, ...pending].some((row) => codec.isPlain(row));
    const plainMeta = meta.some((row) => !row.sealed);
    if (codec.sealing && (plainRows || plainMeta)) await store.sealEverything();
    return store;
  }

  /** Rewrites every record and meta value sealed, in one transaction. */
  private async sealEverything(): Promise<void> {
    const records = new Map(ENTITY_TABLES.map((table) => [table, this.all(table)]));
    const meta = await Promise.all(
      (await this.db.meta.toArray()).map((row) =>
        row.sealed ? row : this.codec.encodeMeta(row.key, row.value),
      ),
    );
    await this.replaceAll(records, meta);
  }

  /** Forgets every decrypted record (on lock and close); the store is unusable after. */
  dispose(): void {
    this.openingMeta.clear();
    for (const table of ENTITY_TABLES) this.state.set(table, emptyTable());
    this.disposed = true;
    this.listeners.clear();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** A value stored beside the records (sealed like them); undefined if absent or unreadable. */
  async readMeta(key: string): Promise<unknown> {
    const opening = this.openingMeta.get(key);
    this.openingMeta.delete(key);
    return opening ?? this.codec.decodeMeta(await this.db.meta.get(key));
  }

  async writeMeta(key: string, value: unknown): Promise<void> {
    this.openingMeta.delete(key);
    await this.db.meta.put(await this.codec.encodeMeta(key, value));
  }

  private table(table: EntityTable): TableState {
    const state = this.state.get(table);
    if (!state) throw new Error(`Unknown table ${table}`);
    return state;
  }

  private loadChunk(row: ChunkRow, records: unknown[]): void {
    const state = this.table(row.table);
    const members = new Set<string>();
    for (const record of records as StoredRecord[]) {
      state.records.set(record.id, record);
      state.chunkOf.set(record.id, row.chunk);
      members.add(record.id);
    }
    state.chunkMembers.set(row.chunk, members);
  }

  private loadPending(row: PendingRow, record: unknown): void {
    const state = this.table(row.table);
    state.pendingIds.add(row.id);
    if (record === null) state.records.delete(row.id);
    else state.records.set(row.id, record as StoredRecord);
  }

  get<T extends EntityTable>(table: T, id: string): EntityOf<T> | undefined {
    return this.table(table).records.get(id) as EntityOf<T> | undefined;
  }

  all<T extends EntityTable>(table: T): EntityOf<T>[] {
    return [...this.table(table).records.values()] as EntityOf<T>[];
  }

  count(table: EntityTable): number {
    return this.table(table).records.size;
  }

  /** Grows on every change of the table: a cheap snapshot key for UI hooks. */
  version(table: EntityTable): number {
    return this.versions.get(table) ?? 0;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes the changes all-or-nothing. Records must already be validated. */
  commit(changes: readonly Change[]): Promise<void> {
    const run = this.queue.then(() => this.commitNow(changes));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commitNow(changes: readonly Change[]): Promise<void> {
    if (this.disposed) throw new Error('The workspace is locked or closed.');
    if (changes.length === 0) return;
    const next = new Map<string, RecordChange>();
    for (const change of changes) {
      const id = 'put' in change ? change.put.id : change.delete;
      const record = 'put' in change ? change.put : null;
      next.set(key(change.table, id), { table: change.table, id, record });
    }
    const pendingRows = [...this.state.values()].reduce((n, s) => n + s.pendingIds.size, 0);
    if (next.size >= BULK_WRITE_AT || pendingRows + next.size >= COMPACT_AT) {
      await this.writeChunks([...next.values()]);
    } else {
      // Sealing is async WebCrypto: done before the transaction, which would not wait for it.
      const rows = await Promise.all(
        [...next.values()].map(({ table, id, record }) =>
          this.codec.encodePending(table, id, record),
        ),
      );
      await this.db.transaction('rw', this.db.pending, () => this.db.pending.bulkPut(rows));
      for (const { table, id } of next.values()) this.table(table).pendingIds.add(id);
    }
    this.apply([...next.values()]);
  }

  /**
   * Rewrites the chunks the changes touch and folds every pending row into chunks, in one
   * transaction; the in-memory chunk bookkeeping is updated only after it commits.
   */
  private async writeChunks(
    changes: { table: EntityTable; id: string; record: StoredRecord | null }[],
  ): Promise<void> {
    const overlay = new Map(changes.map((c) => [key(c.table, c.id), c.record]));
    const touched = new Map<EntityTable, Set<string>>();
    const touch = (table: EntityTable, id: string) => {
      let ids = touched.get(table);
      if (!ids) touched.set(table, (ids = new Set()));
      ids.add(id);
    };
    for (const c of changes) touch(c.table, c.id);
    for (const [table, state] of this.state) for (const id of state.pendingIds) touch(table, id);

    const chunkPlans: { table: EntityTable; chunk: number; records: StoredRecord[] }[] = [];
    const chunkDeletes: [EntityTable, number][] = [];
    const plans: {
      table: EntityTable;
      members: Map<number, Set<string>>;
      chunkOf: Map<string, number>;
      removed: string[];
    }[] = [];
    for (const [table, ids] of touched) {
      const state = this.table(table);
      const current = (id: string): StoredRecord | undefined => {
        const k = key(table, id);
        return overlay.has(k) ? (overlay.get(k) ?? undefined) : state.records.get(id);
      };
      const members = new Map<number, Set<string>>();
      const chunkOf = new Map<string, number>();
      const memberSet = (chunk: number) => {
        let set = members.get(chunk);
        if (!set) members.set(chunk, (set = new Set(state.chunkMembers.get(chunk) ?? [])));
        return set;
      };
      const placeless: string[] = [];
      for (const id of ids) {
        const chunk = state.chunkOf.get(id);
        if (chunk === undefined) {
          if (current(id)) placeless.push(id);
        } else if (!current(id)) {
          memberSet(chunk).delete(id);
        } else {
          memberSet(chunk);
        }
      }
      // New records fill the chunks with room first, then new chunks.
      const candidates = [...state.chunkMembers.keys()].sort((a, b) => a - b);
      let nextChunk = Math.max(-1, ...candidates) + 1;
      let cursor = 0;
      for (const id of placeless) {
        while (
          cursor < candidates.length &&
          memberSet(candidates[cursor] ?? 0).size >= CHUNK_SIZE
        ) {
          cursor += 1;
        }
        if (cursor >= candidates.length) candidates.push(nextChunk++);
        const chunk = candidates[cursor] ?? 0;
        memberSet(chunk).add(id);
        chunkOf.set(id, chunk);
      }
      const removed = [...ids].filter((id) => !current(id));
      for (const [chunk, set] of members) {
        if (set.size === 0) {
          chunkDeletes.push([table, chunk]);
          continue;
        }
        const records: StoredRecord[] = [];
        for (const id of set) {
          const record = current(id);
          if (record) records.push(record);
        }
        chunkPlans.push({ table, chunk, records });
      }
      plans.push({ table, members, chunkOf, removed });
    }

    const pendingDeletes: [EntityTable, string][] = [];
    for (const [table, ids] of touched) {
      const state = this.table(table);
      for (const id of ids) if (state.pendingIds.has(id)) pendingDeletes.push([table, id]);
    }

    const chunkRows = await Promise.all(
      chunkPlans.map(({ table, chunk, records }) => this.codec.encodeChunk(table, chunk, records)),
    );
    await this.db.transaction('rw', this.db.chunks, this.db.pending, async () => {
      await this.db.chunks.bulkPut(chunkRows);
      if (chunkDeletes.length) await this.db.chunks.bulkDelete(chunkDeletes);
      if (pendingDeletes.length) await this.db.pending.bulkDelete(pendingDeletes);
    });

    for (const { table, members, chunkOf, removed } of plans) {
      const state = this.table(table);
      for (const [chunk, set] of members) {
        if (set.size === 0) state.chunkMembers.delete(chunk);
        else state.chunkMembers.set(chunk, set);
      }
      for (const [id, chunk] of chunkOf) state.chunkOf.set(id, chunk);
      for (const id of removed) state.chunkOf.delete(id);
    }
    for (const [table, id] of pendingDeletes) this.table(table).pendingIds.delete(id);
  }

  private apply(changes: RecordChange[]): void {
    const tables = new Set<EntityTable>();
    for (const { table, id, record } of changes) {
      const state = this.table(table);
      if (record === null) state.records.delete(id);
      else state.records.set(id, record);
      tables.add(table);
    }
    for (const table of tables) this.versions.set(table, this.version(table) + 1);
    this.notify({ tables, records: changes, reset: false });
  }

  private notify(event: ChangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Replaces everything (restore from backup): one transaction, then memory. `meta` rows
   * replace the stored meta values in the same transaction (all of them when given).
   */
  async replaceAll(
    records: ReadonlyMap<EntityTable, readonly StoredRecord[]>,
    meta?: readonly MetaRow[],
  ): Promise<void> {
    this.openingMeta.clear();
    const run = this.queue.then(async () => {
      const plans: { table: EntityTable; chunk: number; records: StoredRecord[] }[] = [];
      for (const [table, list] of records) {
        for (let start = 0; start < list.length; start += CHUNK_SIZE) {
          const chunk = start / CHUNK_SIZE;
          plans.push({ table, chunk, records: list.slice(start, start + CHUNK_SIZE) });
        }
      }
      const rows = await Promise.all(
        plans.map(({ table, chunk, records: list }) => this.codec.encodeChunk(table, chunk, list)),
      );
      const { chunks, pending } = this.db;
      await this.db.transaction('rw', chunks, pending, this.db.meta, async () => {
        await chunks.clear();
        await pending.clear();
        await chunks.bulkPut(rows);
        if (meta) {
          await this.db.meta.clear();
          await this.db.meta.bulkPut([...meta]);
        }
      });
      for (const table of ENTITY_TABLES) this.state.set(table, emptyTable());
      plans.forEach((plan, index) => {
        const row = rows[index];
        if (row) this.loadChunk(row, plan.records);
      });
      const tables = new Set(ENTITY_TABLES);
      for (const table of tables) this.versions.set(table, this.version(table) + 1);
      this.notify({ tables, records: [], reset: true });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
