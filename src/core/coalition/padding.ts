/**
 * Size buckets: a sealed payload is padded to the next power of two (at least 512 bytes), so
 * what is stored tells only roughly how long a record is. Texts are UTF-8: Arabic takes two
 * bytes a letter, Latin one, so a record's script moves it at most one bucket (ASCII JSON's
 * six-byte escapes for an Arabic letter would tell the script apart). Not Padmé's finer buckets
 * (≤ 12% overhead): there a note's script moved it up to ten buckets, and many edits of a note
 * would show in its size (docs/security.md, "Sealed documents' sizes").
 */

export const MIN_BUCKET_BYTES = 512;

/** The padded size for a payload of `length` bytes. */
export function bucketSize(length: number): number {
  let size = MIN_BUCKET_BYTES;
  while (size < length) size *= 2;
  return size;
}

const SPACE = 0x20;

/**
 * `json` (UTF-8 JSON text) padded with spaces to its bucket: JSON.parse ignores trailing
 * whitespace, so the padded bytes parse to the same value and need no length prefix.
 */
export function padJson(json: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const padded = new Uint8Array(bucketSize(json.byteLength)).fill(SPACE);
  padded.set(json);
  return padded;
}
