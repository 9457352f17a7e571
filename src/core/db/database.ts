/**
 * The IndexedDB layout. Records are not stored one row each: they are grouped into chunks
 * (up to CHUNK_SIZE records of one table per row), and recent small writes go to `pending`,
 * one row per record, until they are folded into chunks. Fewer, larger rows are an order of
 * magnitude faster to write and read in IndexedDB, and will be encrypted whole (one AES-GCM
 * operation per row) without changing this layout. Keys are table names, chunk numbers and
 * record UUIDs: nothing sensitive is ever in a key or an index.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Sealed } from '../crypto/sealed';
import type { EntityTable } from '../domain/entities';

export const DATABASE_NAME = 'tadamun';
/** Format of the records inside rows; a newer one than this app knows is refused, not guessed. */
export const RECORD_FORMAT = 1;
/** Rows whose payload is sealed (AES-GCM) with the workspace's data key. */
export const SEALED_FORMAT = 2;
/**
 * Sealed rows listed in the row manifest (see row-manifest.ts), authenticated as such: a
 * workspace holding one refuses to open without its manifest.
 */
export const VERSIONED_FORMAT = 3;
export const NEWEST_FORMAT = VERSIONED_FORMAT;

export interface ChunkRow {
  table: EntityTable;
  chunk: number;
  format: number;
  /** Format 1: the records in plain. */
  records?: unknown[];
  /** Format 2: the records' JSON, sealed. */
  sealed?: Sealed;
  /** Which data key sealed the row (see `Keyring.generation`); absent: the first. */
  keyGeneration?: number;
}

export interface PendingRow {
  table: EntityTable;
  id: string;
  format: number;
  /** The record as last written, or null: deleted since its chunk was written (format 1). */
  record?: unknown;
  /** Format 2: the same, sealed. */
  sealed?: Sealed;
  keyGeneration?: number;
}

export interface MetaRow {
  key: string;
  value?: unknown;
  /** Values written while the workspace is encrypted are sealed. */
  sealed?: Sealed;
  /** A large sealed value is stored as this many part rows (see `metaPartKey`). */
  parts?: number;
  /**
   * Parts stored one by one as they were sealed, before this row: their keys name this copy,
   * so a save cut short leaves the copy before it whole (absent: parts stored with their row).
   */
  copy?: string;
  /** VERSIONED_FORMAT for sealed rows written with a manifest; absent before. */
  format?: number;
  keyGeneration?: number;
}

/** Holds no secret: the wrapped data key and lockout counters, needed before unlocking. */
export interface VaultRow {
  key: string;
  value: unknown;
}

/** The first layout's journal: one row per write, in order. Kept to upgrade old databases. */
export interface JournalRowV1 {
  seq?: number;
  table: EntityTable;
  id: string;
  record: unknown;
}

export class TadamunDatabase extends Dexie {
  declare chunks: Table<ChunkRow, [EntityTable, number]>;
  declare pending: Table<PendingRow, [EntityTable, string]>;
  declare meta: Table<MetaRow, string>;
  declare vault: Table<VaultRow, string>;

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    defineVersions(this);
  }
}

/** Every schema version stays here, oldest first: Dexie upgrades a database step by step. */
export function defineVersions(db: Dexie): void {
  // v1: chunks, plus a journal that appended a row on every write.
  db.version(1).stores({ chunks: '[table+chunk]', journal: '++seq', meta: 'key' });
  // v2: one pending row per record instead (repeated edits of a record no longer pile up).
  db.version(2)
    .stores({ pending: '[table+id]' })
    .upgrade(async (tx) => {
      const journal = await tx.table<JournalRowV1, number>('journal').orderBy('seq').toArray();
      const latest = new Map<string, PendingRow>();
      for (const row of journal) {
        latest.set(`${row.table}\u0000${row.id}`, {
          table: row.table,
          id: row.id,
          format: 1,
          record: row.record,
        });
      }
      await tx.table<PendingRow>('pending').bulkPut([...latest.values()]);
    });
  // v3: the journal is gone once v2 has copied it.
  db.version(3).stores({ journal: null });
  // v4: the vault (keyring, failed unlock attempts): plain, read before unlocking.
  db.version(4).stores({ vault: 'key' });
}
