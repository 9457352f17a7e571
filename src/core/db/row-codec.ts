/**
 * How rows are written: in plain (format 1), or with their payload sealed by the workspace's
 * data key (format 2). Keys stay in plain either way: table names, chunk numbers, UUIDs.
 * Each payload is authenticated with its place, so rows cannot be swapped or moved.
 */
import { TamperedDataError } from '../crypto/errors';
import type { RecordCipher } from '../crypto/record-cipher';
import type { EntityTable } from '../domain/entities';
import {
  NEWEST_FORMAT,
  RECORD_FORMAT,
  SEALED_FORMAT,
  type ChunkRow,
  type MetaRow,
  type PendingRow,
} from './database';

/** A newer app wrote this database: refuse rather than misread or overwrite it. */
export class UnsupportedFormatError extends Error {
  constructor(found: number) {
    super(
      `The data was written by a newer version of Tadamun (record format ${found}, this version reads up to ${NEWEST_FORMAT}). Update Tadamun to open it.`,
    );
    this.name = 'UnsupportedFormatError';
  }
}

/** Encrypted rows and no key: the workspace must be unlocked first. */
export class WorkspaceLockedError extends Error {
  constructor() {
    super('This workspace is encrypted: unlock it with its passphrase first.');
    this.name = 'WorkspaceLockedError';
  }
}

const chunkContext = (table: EntityTable, chunk: number) => `chunk/${table}/${chunk}`;
const pendingContext = (table: EntityTable, id: string) => `pending/${table}/${id}`;
const metaContext = (key: string) => `meta/${key}`;

/** Sealed meta values larger than this are stored in parts, each encrypted and put alone. */
export const META_PART_BYTES = 1 << 20;
/** Part rows' keys start with this mark (meta keys are names without it). */
const PART_MARK = '#part';
export const metaPartKey = (key: string, index: number) => `${key}${PART_MARK}${index}`;
export const isMetaPart = (row: MetaRow) => row.key.includes(PART_MARK);
/** The part rows a value stored under `key` may have left, old copies' included. */
export const metaPartRange = (key: string): [string, string] => [
  `${key}${PART_MARK}`,
  `${key}${PART_MARK}\uffff`,
];
/** A row in plain (written before encryption was set up); part rows are always sealed. */
export const isPlainMeta = (row: MetaRow) => !row.sealed && row.parts === undefined;

/** The data key being replaced during a rotation: rows it sealed still open with it. */
export interface PreviousKey {
  generation: number;
  cipher: RecordCipher;
}

export interface RowCodecOptions {
  /** The generation of `cipher`'s key, written into every sealed row (0, the first: omitted). */
  generation?: number;
  previous?: PreviousKey | undefined;
  /**
   * Reads rows written in plain although there is a key: only when encryption is first set up
   * over a workspace from before encryption, whose rows are then sealed. Otherwise a plain row
   * in an encrypted workspace was planted, and reading it throws TamperedDataError.
   */
  acceptPlain?: boolean;
}

export class RowCodec {
  private readonly strict: boolean;
  private generation: number;
  private previous: PreviousKey | undefined;

  constructor(
    private cipher?: RecordCipher,
    options: RowCodecOptions = {},
  ) {
    this.strict = cipher !== undefined && !options.acceptPlain;
    this.generation = options.generation ?? 0;
    this.previous = options.previous;
  }

  get sealing(): boolean {
    return this.cipher !== undefined;
  }

  /** From now on rows are sealed with `cipher`; those of the current key still open. */
  rekey(cipher: RecordCipher, generation: number): void {
    if (!this.cipher) throw new Error('A workspace without encryption has no key to replace.');
    this.previous = { generation: this.generation, cipher: this.cipher };
    this.cipher = cipher;
    this.generation = generation;
  }

  /** Every row is sealed with the current key: the previous one is forgotten. */
  dropPreviousKey(): void {
    this.previous = undefined;
  }

  /** True for a sealed row that the current key did not seal (a rotation re-seals it). */
  isStale(row: { keyGeneration?: number; format?: number }): boolean {
    return this.cipher !== undefined && (row.keyGeneration ?? 0) !== this.generation;
  }

  private marked<Row extends object>(row: Row): Row {
    return this.generation === 0 ? row : { ...row, keyGeneration: this.generation };
  }

  /** The cipher of the key that sealed `row`; a generation neither key has was not sealed by us. */
  private cipherOf(row: { keyGeneration?: number }, place: string): RecordCipher {
    const generation = row.keyGeneration ?? 0;
    if (this.cipher && generation === this.generation) return this.cipher;
    if (this.previous && generation === this.previous.generation) return this.previous.cipher;
    throw new TamperedDataError(place);
  }

  /** True for rows written in plain (before encryption was set up). */
  isPlain(row: { format: number }): boolean {
    return row.format === RECORD_FORMAT;
  }

  private check(format: number, sealed: unknown, place: string): void {
    if (format > NEWEST_FORMAT || format < RECORD_FORMAT) throw new UnsupportedFormatError(format);
    if (format === SEALED_FORMAT && !this.cipher) throw new WorkspaceLockedError();
    if (this.strict && (format !== SEALED_FORMAT || !sealed)) throw new TamperedDataError(place);
  }

  async encodeChunk(table: EntityTable, chunk: number, records: unknown[]): Promise<ChunkRow> {
    if (!this.cipher) return { table, chunk, format: RECORD_FORMAT, records };
    const sealed = await this.cipher.seal(records, chunkContext(table, chunk));
    return this.marked({ table, chunk, format: SEALED_FORMAT, sealed });
  }

  async decodeChunk(row: ChunkRow): Promise<unknown[]> {
    const place = chunkContext(row.table, row.chunk);
    this.check(row.format, row.sealed, place);
    if (row.format === RECORD_FORMAT || !this.cipher || !row.sealed) return row.records ?? [];
    return (await this.cipherOf(row, place).open(row.sealed, place)) as unknown[];
  }

  async encodePending(table: EntityTable, id: string, record: unknown): Promise<PendingRow> {
    if (!this.cipher) return { table, id, format: RECORD_FORMAT, record };
    const sealed = await this.cipher.seal(record, pendingContext(table, id));
    return this.marked({ table, id, format: SEALED_FORMAT, sealed });
  }

  async decodePending(row: PendingRow): Promise<unknown> {
    const place = pendingContext(row.table, row.id);
    this.check(row.format, row.sealed, place);
    if (row.format === RECORD_FORMAT || !this.cipher || !row.sealed) return row.record ?? null;
    return this.cipherOf(row, place).open(row.sealed, place);
  }

  /** The value's row, then its part rows when it is sealed in parts (see `META_PART_BYTES`). */
  async encodeMeta(key: string, value: unknown): Promise<MetaRow[]> {
    if (!this.cipher) return [{ key, value }];
    const parts = await this.cipher.sealInParts(value, metaContext(key), META_PART_BYTES);
    if (parts.length === 1) return [this.marked({ key, sealed: parts[0] })];
    return [
      this.marked({ key, parts: parts.length }),
      ...parts.map((sealed, index) => this.marked({ key: metaPartKey(key, index), sealed })),
    ];
  }

  /**
   * A meta value; undefined when it is sealed and there is no key, or it does not open (a part
   * missing, altered or from another copy). `partRows` reads the rows of the given keys.
   */
  decodeMeta(
    row: MetaRow | undefined,
    partRows: (keys: string[]) => Promise<(MetaRow | undefined)[]>,
  ): Promise<unknown> {
    return this.openMeta(row, partRows).catch(() => undefined);
  }

  /** As decodeMeta, but a value that does not open, or is plain under a key, throws. */
  async openMeta(
    row: MetaRow | undefined,
    partRows: (keys: string[]) => Promise<(MetaRow | undefined)[]>,
  ): Promise<unknown> {
    if (!row) return undefined;
    const place = metaContext(row.key);
    if (row.parts !== undefined) {
      if (!this.cipher) return undefined;
      const keys = Array.from({ length: row.parts }, (_, index) => metaPartKey(row.key, index));
      const cipher = this.cipherOf(row, place);
      const rows = await partRows(keys);
      // Parts from another key than their head's were not written with it.
      const parts = rows.map((part) =>
        (part?.keyGeneration ?? 0) === (row.keyGeneration ?? 0) ? part?.sealed : undefined,
      );
      if (!parts.every((part) => part !== undefined)) throw new TamperedDataError(place);
      return cipher.openParts(parts, place);
    }
    if (!row.sealed) {
      if (this.strict) throw new TamperedDataError(place);
      return row.value;
    }
    if (!this.cipher) return undefined;
    return this.cipherOf(row, place).open(row.sealed, place);
  }
}
