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

export interface RowCodecOptions {
  /**
   * Reads rows written in plain although there is a key: only when encryption is first set up
   * over a workspace from before encryption, whose rows are then sealed. Otherwise a plain row
   * in an encrypted workspace was planted, and reading it throws TamperedDataError.
   */
  acceptPlain?: boolean;
}

export class RowCodec {
  private readonly strict: boolean;

  constructor(
    private readonly cipher?: RecordCipher,
    options: RowCodecOptions = {},
  ) {
    this.strict = cipher !== undefined && !options.acceptPlain;
  }

  get sealing(): boolean {
    return this.cipher !== undefined;
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
    return { table, chunk, format: SEALED_FORMAT, sealed };
  }

  async decodeChunk(row: ChunkRow): Promise<unknown[]> {
    this.check(row.format, row.sealed, chunkContext(row.table, row.chunk));
    if (row.format === RECORD_FORMAT || !this.cipher || !row.sealed) return row.records ?? [];
    return (await this.cipher.open(row.sealed, chunkContext(row.table, row.chunk))) as unknown[];
  }

  async encodePending(table: EntityTable, id: string, record: unknown): Promise<PendingRow> {
    if (!this.cipher) return { table, id, format: RECORD_FORMAT, record };
    const sealed = await this.cipher.seal(record, pendingContext(table, id));
    return { table, id, format: SEALED_FORMAT, sealed };
  }

  async decodePending(row: PendingRow): Promise<unknown> {
    this.check(row.format, row.sealed, pendingContext(row.table, row.id));
    if (row.format === RECORD_FORMAT || !this.cipher || !row.sealed) return row.record ?? null;
    return this.cipher.open(row.sealed, pendingContext(row.table, row.id));
  }

  /** The value's row, then its part rows when it is sealed in parts (see `META_PART_BYTES`). */
  async encodeMeta(key: string, value: unknown): Promise<MetaRow[]> {
    if (!this.cipher) return [{ key, value }];
    const parts = await this.cipher.sealInParts(value, metaContext(key), META_PART_BYTES);
    if (parts.length === 1) return [{ key, sealed: parts[0] }];
    return [
      { key, parts: parts.length },
      ...parts.map((sealed, index) => ({ key: metaPartKey(key, index), sealed })),
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
      const parts = (await partRows(keys)).map((part) => part?.sealed);
      if (!parts.every((part) => part !== undefined)) throw new TamperedDataError(place);
      return this.cipher.openParts(parts, place);
    }
    if (!row.sealed) {
      if (this.strict) throw new TamperedDataError(place);
      return row.value;
    }
    if (!this.cipher) return undefined;
    return this.cipher.open(row.sealed, place);
  }
}
