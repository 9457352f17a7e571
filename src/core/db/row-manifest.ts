/**
 * The row manifest binds an encrypted workspace's rows to their current version. AES-GCM binds
 * each row to its place only, so an older sealed copy of a row (a contact still marked as not
 * sensitive), a dropped deletion marker or a row from another version would open. The
 * manifest lists every stored row's place with its nonce (a sealed row gets a new one on every
 * write); it is sealed and written in the same transaction as the rows it lists, and an unlock
 * compares it with the rows read. Rolling back every row *and* the manifest to an earlier
 * consistent copy cannot be told from the disk alone: `sequence` counts the writes, for state
 * kept elsewhere to compare against.
 */
import { toBase64 } from '../crypto/bytes';
import { TamperedDataError } from '../crypto/errors';
import type { EntityTable } from '../domain/entities';
import type { ChunkRow, MetaRow, PendingRow } from './database';
import { MANIFEST_KEY, MANIFEST_PLACE } from './row-codec';

/** Place → stamp of every stored row: the nonce, or for a value in parts, its parts count. */
export type RowStamps = Map<string, string>;

export interface ManifestContent {
  sequence: number;
  rows: Record<string, string>;
}

export const chunkPlace = (row: Pick<ChunkRow, 'table' | 'chunk'>) =>
  `chunk/${row.table}/${row.chunk}`;
export const pendingPlace = (row: Pick<PendingRow, 'table' | 'id'>) =>
  `pending/${row.table}/${row.id}`;
export const metaPlace = (key: string) => `meta/${key}`;
const STAGED = 'staged/';
const STAGED_CHUNK = /^staged\/chunk\/([^/]+)\/(\d+)$/;
/**
 * A new chunk row stored ahead of its write's last transaction (see `RecordStore.writeChunks`):
 * listed so that it is not taken for a planted row, never loaded as data, and removed when
 * the write is cut short. The write's last transaction lists it at its `chunkPlace` instead.
 */
export const stagedPlace = (row: Pick<ChunkRow, 'table' | 'chunk'>) =>
  `${STAGED}${chunkPlace(row)}`;

/** The chunk rows the manifest lists as staged: left by a write cut short, when not under way. */
export function stagedChunks(stamps: RowStamps): [EntityTable, number][] {
  const staged: [EntityTable, number][] = [];
  for (const place of stamps.keys()) {
    const match = place.startsWith(STAGED) ? STAGED_CHUNK.exec(place) : null;
    if (match) staged.push([match[1] as EntityTable, Number(match[2])]);
  }
  return staged;
}

/** A row's stamp: what changes on every write of it (a value in parts: its count and copy). */
export function stampOf(row: {
  sealed?: { iv: Uint8Array };
  parts?: number;
  copy?: string;
}): string {
  if (row.sealed) return toBase64(row.sealed.iv);
  if (row.parts === undefined) return '';
  return row.copy === undefined ? `parts ${row.parts}` : `parts ${row.parts} of ${row.copy}`;
}

export const isManifestRow = (row: MetaRow) => row.key === MANIFEST_KEY;

/**
 * Removes a meta value's entries: its row and any part rows, but those whose key starts with
 * `keptParts` (a copy's parts stored before its row: see `RecordStore.writeMeta`).
 */
export function forgetMeta(stamps: RowStamps, key: string, keptParts?: string): void {
  const place = metaPlace(key);
  stamps.delete(place);
  const parts = `${place}#part`;
  const kept = keptParts === undefined ? undefined : metaPlace(keptParts);
  for (const entry of [...stamps.keys()]) {
    if (entry.startsWith(parts) && !(kept !== undefined && entry.startsWith(kept))) {
      stamps.delete(entry);
    }
  }
}

export function manifestContent(stamps: RowStamps, sequence: number): ManifestContent {
  return { sequence, rows: Object.fromEntries(stamps) };
}

/** The stamps a manifest lists; anything but what `manifestContent` gives was not ours. */
export function readManifest(content: unknown): { stamps: RowStamps; sequence: number } {
  const candidate = content as Partial<ManifestContent> | null;
  const rows = candidate?.rows;
  if (typeof candidate?.sequence !== 'number' || typeof rows !== 'object' || rows === null) {
    throw new TamperedDataError(MANIFEST_PLACE);
  }
  return { stamps: new Map(Object.entries(rows)), sequence: candidate.sequence };
}

/**
 * Throws TamperedDataError naming the first place (in order) whose row is not the version the
 * manifest lists: an older or foreign copy, a row it does not list, or a listed row missing.
 */
export function checkRows(listed: RowStamps, found: RowStamps): void {
  const wrong: string[] = [];
  for (const [place, stamp] of found) if (listed.get(place) !== stamp) wrong.push(place);
  for (const place of listed.keys()) if (!found.has(place)) wrong.push(place);
  if (wrong.length > 0) throw new TamperedDataError(wrong.sort()[0] ?? MANIFEST_PLACE);
}
