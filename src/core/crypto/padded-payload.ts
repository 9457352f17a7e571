/**
 * What is sealed: JSON as UTF-16 code units, padded to a size bucket, so a payload's size says
 * neither its script nor its exact length. As ASCII JSON (ascii-json.ts) an Arabic letter took
 * six bytes and a Latin one one: a contact's row told whether its name was Arabic, and a
 * chunk's size the share of Arabic names. In UTF-16 every letter of either script is two
 * bytes. Compressing instead was measured and refused (docs/security.md).
 *
 * Layout: 0x00 (no JSON text starts with it: older payloads are plain JSON bytes), the
 * encoding (1: UTF-16LE), two zero bytes, the text's length in bytes (uint32 LE), the text,
 * then zeros up to the bucket.
 */
import { asciiJsonOfUnits, writeJsonInParts, type JsonTextWriter } from './ascii-json';
import { utf8 } from './bytes';
import { timeSlicer } from '../scheduling/time-slices';

const HEADER_BYTES = 8;
const UTF16LE = 1;
/** The smallest bucket; then powers of two up to POWER_BUCKETS_UP_TO, then its multiples. */
export const MIN_BUCKET = 256;
export const POWER_BUCKETS_UP_TO = 64 * 1024;

/** The bucket a payload of `bytes` (header included) is padded to. */
export function bucketOf(bytes: number): number {
  if (bytes <= MIN_BUCKET) return MIN_BUCKET;
  if (bytes <= POWER_BUCKETS_UP_TO) return 2 ** Math.ceil(Math.log2(bytes));
  return Math.ceil(bytes / POWER_BUCKETS_UP_TO) * POWER_BUCKETS_UP_TO;
}

/** Buffers kept between sealings (as in ascii-json.ts): a bulk write seals many chunks. */
const spareBuffers: ArrayBuffer[] = [];
const MAX_SPARE_BUFFERS = 2;
const MAX_SPARE_BYTES = 8 << 20;

class PaddedWriter implements JsonTextWriter {
  private buffer: ArrayBuffer;
  private units: Uint16Array;
  private length = 0;

  constructor(reuse: boolean) {
    const spare = reuse ? spareBuffers.pop() : undefined;
    this.buffer = spare ?? new ArrayBuffer(1 << 16);
    this.units = new Uint16Array(this.buffer, HEADER_BYTES);
  }

  write(text: string, from: number, to: number): void {
    if (this.length + (to - from) > this.units.length) this.grow(this.length + (to - from));
    const units = this.units;
    let length = this.length;
    for (let i = from; i < to; i += 1) units[length++] = text.charCodeAt(i);
    this.length = length;
  }

  private grow(needed: number): void {
    let bytes = this.buffer.byteLength * 2;
    while (bytes < HEADER_BYTES + needed * 2) bytes *= 2;
    const grown = new ArrayBuffer(bytes);
    new Uint8Array(grown).set(new Uint8Array(this.buffer, 0, HEADER_BYTES + this.length * 2));
    this.buffer = grown;
    this.units = new Uint16Array(grown, HEADER_BYTES);
  }

  /** The padded payload, in the writer's own buffer (valid until `release`). */
  view(): Uint8Array<ArrayBuffer> {
    const textBytes = this.length * 2;
    const padded = bucketOf(HEADER_BYTES + textBytes);
    if (padded > this.buffer.byteLength) this.grow((padded - HEADER_BYTES) / 2);
    const bytes = new Uint8Array(this.buffer, 0, padded);
    // A reused buffer holds an earlier payload: the padding must not carry it.
    bytes.fill(0, HEADER_BYTES + textBytes);
    bytes.set([0, UTF16LE, 0, 0]);
    new DataView(this.buffer).setUint32(4, textBytes, true);
    return bytes;
  }

  release(): void {
    if (this.buffer.byteLength <= MAX_SPARE_BYTES && spareBuffers.length < MAX_SPARE_BUFFERS) {
      spareBuffers.push(this.buffer);
    }
    this.buffer = new ArrayBuffer(0);
    this.units = new Uint16Array(0);
  }
}

/** The padded payload of `value`, a copy (tests, small values). */
export async function encodePaddedJson(value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  return withPaddedJsonInSlices(value, async (bytes) => bytes.slice());
}

/**
 * The padded payload of `value`, written in slices (yielding to the page between) and lent
 * to `use` in a buffer used again once its promise settles: `use` must not keep it.
 */
export async function withPaddedJsonInSlices<T>(
  value: unknown,
  use: (bytes: Uint8Array<ArrayBuffer>) => Promise<T>,
): Promise<T> {
  const slicer = timeSlicer();
  const writer = new PaddedWriter(true);
  try {
    await writeJsonInParts(writer, value, 2, () => slicer.maybeYield());
    return await use(writer.view());
  } finally {
    writer.release();
  }
}

/** The text of a padded payload as code units; undefined for an older, plain JSON payload. */
export function paddedUnits(plaintext: ArrayBuffer): Uint16Array | undefined {
  const bytes = new Uint8Array(plaintext);
  if (bytes.length === 0 || bytes[0] !== 0) return undefined;
  if (bytes[1] !== UTF16LE || bytes.length < HEADER_BYTES) {
    throw new Error('The stored value has an encoding this version does not know.');
  }
  const textBytes = new DataView(plaintext).getUint32(4, true);
  if (textBytes % 2 !== 0 || HEADER_BYTES + textBytes > bytes.length) {
    throw new Error('The stored value is shorter than its header says.');
  }
  return new Uint16Array(plaintext, HEADER_BYTES, textBytes / 2);
}

/**
 * The JSON text of a payload: padded, or an older one in plain JSON bytes (ASCII or UTF-8).
 * A padded one goes through ASCII JSON: decoding UTF-16 and parsing the two-byte string that
 * gives took about twice as long in Chromium (bench/payload-encoding.ts).
 */
export function payloadText(plaintext: ArrayBuffer): string {
  const units = paddedUnits(plaintext);
  return utf8.decode(units ? asciiJsonOfUnits(units) : plaintext);
}

/**
 * A whole opened payload as the page parses it fastest: a padded one as ASCII JSON (the unseal
 * worker does this, off the page), an older one as it is.
 */
export function pageReadyPayload(plaintext: ArrayBuffer): ArrayBuffer {
  const units = paddedUnits(plaintext);
  return units ? asciiJsonOfUnits(units).buffer : plaintext;
}
