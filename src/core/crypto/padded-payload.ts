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

/** Only counts what would be written: the first pass of `withPaddedJsonParts`. */
class CountingWriter implements JsonTextWriter {
  units = 0;

  write(_text: string, from: number, to: number): void {
    this.units += to - from;
  }
}

/**
 * Writes a padded payload into buffers of `partBytes`, handing each full one on: only a part
 * or two are ever in memory. `textBytes` and `total` come from a first, counting pass.
 */
class PartWriter implements JsonTextWriter {
  private readonly full: ArrayBuffer[] = [];
  private readonly spare: ArrayBuffer[] = [];
  private units: Uint16Array;
  private at = HEADER_BYTES / 2;
  /** Bytes handed on, in full parts. */
  private done = 0;
  /** Text units written. */
  written = 0;

  constructor(
    private readonly partBytes: number,
    private readonly total: number,
    textBytes: number,
  ) {
    this.units = new Uint16Array(this.newBuffer());
    const header = new DataView(this.units.buffer);
    header.setUint8(1, UTF16LE);
    header.setUint32(4, textBytes, true);
  }

  /** This part's size: every part is `partBytes` but the last. */
  private newBuffer(): ArrayBuffer {
    const bytes = Math.min(this.partBytes, this.total - this.done);
    const spare = this.spare.pop();
    return spare && spare.byteLength === bytes ? spare : new ArrayBuffer(bytes);
  }

  write(text: string, from: number, to: number): void {
    this.written += to - from;
    while (from < to) {
      if (this.units.length === 0) throw new Error('The value changed while it was sealed.');
      const units = this.units;
      const end = Math.min(to, from + units.length - this.at);
      let at = this.at;
      for (let i = from; i < end; i += 1) units[at++] = text.charCodeAt(i);
      this.at = at;
      from = end;
      if (at === units.length) this.handOn();
    }
  }

  private handOn(): void {
    this.full.push(this.units.buffer as ArrayBuffer);
    this.done += this.units.byteLength;
    this.units = new Uint16Array(this.done < this.total ? this.newBuffer() : new ArrayBuffer(0));
    this.at = 0;
  }

  /** After the text: zeros up to the bucket (a reused buffer holds an earlier part). */
  pad(): void {
    while (this.done < this.total) {
      this.units.fill(0, this.at);
      this.at = this.units.length;
      this.handOn();
    }
  }

  /** Hands every full part to `use`, in order; each buffer is used again once `use` settles. */
  async drain(use: (bytes: Uint8Array<ArrayBuffer>) => Promise<void>): Promise<void> {
    for (let buffer = this.full.shift(); buffer; buffer = this.full.shift()) {
      await use(new Uint8Array(buffer));
      this.spare.push(buffer);
    }
  }
}

/**
 * The bytes `withPaddedJsonInSlices` gives, lent to `usePart` a part of `partBytes` at a time,
 * in order, each in a buffer used again once its promise settles. The whole payload is never
 * in memory (the search copy's is about 50 MB at 200,000 contacts): its JSON is written twice,
 * first only to count its length, which the header and the parts' count need first.
 */
export async function withPaddedJsonParts(
  value: unknown,
  partBytes: number,
  usePart: (bytes: Uint8Array<ArrayBuffer>, index: number, count: number) => Promise<void>,
): Promise<void> {
  if (!(partBytes >= HEADER_BYTES && partBytes % 2 === 0)) throw new Error('Bad part size');
  const slicer = timeSlicer();
  const counter = new CountingWriter();
  await writeJsonInParts(counter, value, 2, () => slicer.maybeYield());
  const textBytes = counter.units * 2;
  const total = bucketOf(HEADER_BYTES + textBytes);
  const count = Math.ceil(total / partBytes);
  const writer = new PartWriter(partBytes, total, textBytes);
  let index = 0;
  const handOn = () => writer.drain((bytes) => usePart(bytes, index++, count));
  await writeJsonInParts(writer, value, 2, async () => {
    await handOn();
    await slicer.maybeYield();
  });
  if (writer.written !== counter.units) throw new Error('The value changed while it was sealed.');
  writer.pad();
  await handOn();
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
