/**
 * How rows are written: in plain (format 1), or with their payload sealed by the workspace's
 * data key (format 2). Keys stay in plain either way: table names, chunk numbers, UUIDs.
 * Each payload is authenticated with its place, so rows cannot be swapped or moved.
 */
import { randomBytes } from '../crypto/bytes';
import { TamperedDataError } from '../crypto/errors';
import type { OutlinedRecords } from '../crypto/json-outline';
import type { RecordCipher } from '../crypto/record-cipher';
import type { EntityTable } from '../domain/entities';
import {
  NEWEST_FORMAT,
  RECORD_FORMAT,
  SEALED_FORMAT,
  VERSIONED_FORMAT,
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
/** The manifest's place (see row-manifest.ts); it is stored as the meta row MANIFEST_KEY. */
export const MANIFEST_PLACE = 'manifest';
export const MANIFEST_KEY = '#manifest';

/**
 * What a row's payload is authenticated with: its place, and for rows listed in the manifest
 * that they are, so such a row cannot pass for one from before manifests (see `check`).
 */
const sealedFor = (place: string, format: number | undefined) =>
  format === VERSIONED_FORMAT ? `${place} #v3` : place;

/** Opening failed: name the row's place, not the authenticated text. */
async function openedAt<T>(place: string, opening: Promise<T>): Promise<T> {
  try {
    return await opening;
  } catch (error) {
    throw error instanceof TamperedDataError ? new TamperedDataError(place) : error;
  }
}

/** Sealed meta values larger than this are stored in parts, each encrypted and put alone. */
export const META_PART_BYTES = 1 << 20;
/** Part rows' keys start with this mark (meta keys are names without it). */
const PART_MARK = '#part';
export const metaPartKey = (key: string, index: number, copy?: string) =>
  copy === undefined ? `${key}${PART_MARK}${index}` : `${metaCopyPrefix(key, copy)}${index}`;
/** The keys of a copy's parts start with this (a copy's name never starts with a digit). */
export const metaCopyPrefix = (key: string, copy: string) => `${key}${PART_MARK}${copy}.`;
const newCopyName = () =>
  `c${Array.from(randomBytes(8), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
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
    if (format >= SEALED_FORMAT && !this.cipher) throw new WorkspaceLockedError();
    if (this.strict && (format < SEALED_FORMAT || !sealed)) throw new TamperedDataError(place);
  }

  async encodeChunk(table: EntityTable, chunk: number, records: unknown[]): Promise<ChunkRow> {
    if (!this.cipher) return { table, chunk, format: RECORD_FORMAT, records };
    const place = chunkContext(table, chunk);
    const sealed = await this.cipher.seal(records, sealedFor(place, VERSIONED_FORMAT));
    return this.marked({ table, chunk, format: VERSIONED_FORMAT, sealed });
  }

  async decodeChunk(row: ChunkRow): Promise<unknown[]> {
    const place = chunkContext(row.table, row.chunk);
    this.check(row.format, row.sealed, place);
    if (row.format === RECORD_FORMAT || !this.cipher || !row.sealed) return row.records ?? [];
    const opening = this.cipherOf(row, place).open(row.sealed, sealedFor(place, row.format));
    return (await openedAt(place, opening)) as unknown[];
  }

  /**
   * As `decodeChunk`, but a sealed chunk's records may stay unparsed (see json-outline.ts):
   * the row is decrypted and authenticated all the same before this resolves.
   */
  async openChunk(row: ChunkRow): Promise<OutlinedRecords | unknown[]> {
    const place = chunkContext(row.table, row.chunk);
    this.check(row.format, row.sealed, place);
    if (row.format === RECORD_FORMAT || !this.cipher || !row.sealed) return row.records ?? [];
    const opening = this.cipherOf(row, place).openRecords(row.sealed, sealedFor(place, row.format));
    return openedAt(place, opening);
  }

  async encodePending(table: EntityTable, id: string, record: unknown): Promise<PendingRow> {
    if (!this.cipher) return { table, id, format: RECORD_FORMAT, record };
    const place = pendingContext(table, id);
    const sealed = await this.cipher.seal(record, sealedFor(place, VERSIONED_FORMAT));
    return this.marked({ table, id, format: VERSIONED_FORMAT, sealed });
  }

  async decodePending(row: PendingRow): Promise<unknown> {
    const place = pendingContext(row.table, row.id);
    this.check(row.format, row.sealed, place);
    if (row.format === RECORD_FORMAT || !this.cipher || !row.sealed) return row.record ?? null;
    const opening = this.cipherOf(row, place).open(row.sealed, sealedFor(place, row.format));
    return openedAt(place, opening);
  }

  /** The manifest's row, sealed with the current key. */
  async encodeManifest(content: unknown): Promise<MetaRow> {
    if (!this.cipher) throw new Error('Only an encrypted workspace has a row manifest.');
    const sealed = await this.cipher.seal(content, sealedFor(MANIFEST_PLACE, VERSIONED_FORMAT));
    return this.marked({ key: MANIFEST_KEY, format: VERSIONED_FORMAT, sealed });
  }

  /** The manifest's content; throws TamperedDataError when it was not sealed by us. */
  async openManifest(row: MetaRow): Promise<unknown> {
    if (!row.sealed || row.format !== VERSIONED_FORMAT) throw new TamperedDataError(MANIFEST_PLACE);
    const cipher = this.cipherOf(row, MANIFEST_PLACE);
    return openedAt(MANIFEST_PLACE, cipher.open(row.sealed, sealedFor(MANIFEST_PLACE, row.format)));
  }

  /**
   * The value's row, then its part rows when it is sealed in parts (see `META_PART_BYTES`).
   * With `storePart`, parts are handed to it as each is sealed, under keys naming a new copy,
   * and only the value's row is returned: it is to be stored after every part.
   */
  async encodeMeta(
    key: string,
    value: unknown,
    storePart?: (row: MetaRow) => Promise<void>,
  ): Promise<MetaRow[]> {
    // The key as it is now: a rotation meanwhile must not mark parts of one key with another.
    const { cipher, generation } = this;
    if (!cipher) return [{ key, value }];
    const marked = <Row extends object>(row: Row): Row =>
      generation === 0 ? row : { ...row, keyGeneration: generation };
    const context = sealedFor(metaContext(key), VERSIONED_FORMAT);
    const format = VERSIONED_FORMAT;
    const copy = storePart && newCopyName();
    let stored = 0;
    const parts = await cipher.sealInParts(
      value,
      context,
      META_PART_BYTES,
      storePart &&
        (async (sealed, index, count) => {
          stored = count;
          await storePart(marked({ key: metaPartKey(key, index, copy), format, sealed }));
        }),
    );
    if (copy !== undefined && stored > 0) return [marked({ key, parts: stored, copy })];
    if (parts.length === 1) return [marked({ key, format, sealed: parts[0] })];
    return [
      marked({ key, parts: parts.length }),
      ...parts.map((sealed, index) => marked({ key: metaPartKey(key, index), format, sealed })),
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
      const keys = Array.from({ length: row.parts }, (_, index) =>
        metaPartKey(row.key, index, row.copy),
      );
      const cipher = this.cipherOf(row, place);
      const rows = await partRows(keys);
      const format = rows[0]?.format;
      // Parts from another key than their head's were not written with it.
      const parts = rows.map((part) =>
        (part?.keyGeneration ?? 0) === (row.keyGeneration ?? 0) && part?.format === format
          ? part?.sealed
          : undefined,
      );
      if (!parts.every((part) => part !== undefined)) throw new TamperedDataError(place);
      return openedAt(place, cipher.openParts(parts, sealedFor(place, format)));
    }
    if (!row.sealed) {
      if (this.strict) throw new TamperedDataError(place);
      return row.value;
    }
    if (!this.cipher) return undefined;
    const opening = this.cipherOf(row, place).open(row.sealed, sealedFor(place, row.format));
    return openedAt(place, opening);
  }
}
