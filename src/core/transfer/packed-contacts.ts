/**
 * Checked contacts as UTF-8 JSON in a few buffers, one per slice of contacts: how the import
 * worker hands them to the page in one message, moving the buffers instead of copying them.
 * Sent as 200,000 structured-cloned objects instead, their serialized copies and the
 * worker's garbage grew the page's process by about 500 MB while they arrived
 * (docs/benchmarks.md); packed, the worker can be ended as soon as they are sent.
 *
 * Contacts are written separated by commas, so a batch of them is read with one decode and one
 * parse: a decode per contact made 100,000 of Chromium's external strings, and clearing them
 * made the page's full collections long tasks during an import (docs/benchmarks.md). A batch
 * is read at a time, never a whole slice: strings of a megabyte wait for full collections.
 */
import { releaseBuffer } from '../crypto/bytes';

export interface PackedSlice {
  /** The contacts' JSON, one after another, separated by commas. */
  bytes: Uint8Array<ArrayBuffer>;
  /** Where each contact's JSON ends in `bytes` (the next one starts a byte later). */
  ends: Uint32Array<ArrayBuffer>;
}

/** Contacts per slice: a megabyte or less of JSON each. */
export const PACKED_SLICE = 1000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const COMMA = 0x2c;

/**
 * `items` as JSON, `sliceSize` a slice. JSON.stringify escapes lone surrogates, so the UTF-8
 * is exact: every string reads back as it was.
 */
export function packContacts(items: readonly object[], sliceSize = PACKED_SLICE): PackedSlice[] {
  const slices: PackedSlice[] = [];
  // One scratch buffer for every slice; each slice keeps an exact-size copy.
  let scratch = new Uint8Array(1 << 20);
  for (let start = 0; start < items.length; start += sliceSize) {
    const end = Math.min(items.length, start + sliceSize);
    const ends = new Uint32Array(end - start);
    let length = 0;
    for (let index = start; index < end; index += 1) {
      const json = JSON.stringify(items[index]);
      // UTF-8 takes at most three bytes per UTF-16 code unit; one more for the comma.
      const needed = length + json.length * 3 + 1;
      if (needed > scratch.length) {
        const grown = new Uint8Array(Math.max(needed, scratch.length * 2));
        grown.set(scratch.subarray(0, length));
        scratch = grown;
      }
      if (index > start) scratch[length++] = COMMA;
      length += encoder.encodeInto(json, scratch.subarray(length)).written;
      ends[index - start] = length;
    }
    slices.push({ bytes: scratch.slice(0, length), ends });
  }
  return slices;
}

/** How many contacts `slices` hold. */
export function packedCount(slices: readonly PackedSlice[]): number {
  return slices.reduce((sum, slice) => sum + slice.ends.length, 0);
}

/** The buffers to move (postMessage's transfer list). */
export function packedBuffers(slices: readonly PackedSlice[]): ArrayBuffer[] {
  return slices.flatMap(({ bytes, ends }) => [bytes.buffer, ends.buffer]);
}

/** Contacts `from` to `to` (exclusive) of one slice, parsed now. */
export function unpackContacts(slice: PackedSlice, from = 0, to = slice.ends.length): unknown[] {
  if (to <= from) return [];
  const start = from === 0 ? 0 : (slice.ends[from - 1] ?? 0) + 1;
  const end = slice.ends[to - 1] ?? start;
  const contacts: unknown = JSON.parse(`[${decoder.decode(slice.bytes.subarray(start, end))}]`);
  if (!Array.isArray(contacts) || contacts.length !== to - from)
    throw new Error('The packed contacts do not match their ends.');
  return contacts;
}

/** Every contact of `slices`, in order. */
export function unpackAll(slices: readonly PackedSlice[]): unknown[] {
  return slices.flatMap((slice) => unpackContacts(slice));
}

/**
 * Returns the slices' memory now (their buffers are emptied): a full collection may be long
 * in coming, and 100 MB of them would wait for it.
 */
export function freePacked(slices: readonly PackedSlice[]): void {
  for (const buffer of packedBuffers(slices)) releaseBuffer(buffer);
}

/** The contacts at `positions` (counted over all slices), in that order. */
export function unpackAt(slices: readonly PackedSlice[], positions: readonly number[]): unknown[] {
  const found: unknown[] = [];
  for (const position of positions) {
    let offset = position;
    for (const slice of slices) {
      if (offset < slice.ends.length) {
        found.push(...unpackContacts(slice, offset, offset + 1));
        break;
      }
      offset -= slice.ends.length;
    }
  }
  return found;
}
