/**
 * JSON as ASCII bytes: every character beyond ASCII written as a \uXXXX escape. Chromium
 * decodes ASCII bytes about ten times faster than UTF-8 with Arabic in it (docs/benchmarks.md),
 * and JSON.parse reads the escapes back at little cost, so sealed values are read in this form
 * (`asciiJsonOfUnits`). They are no longer stored in it: an Arabic letter took six bytes and a
 * Latin one one, and sizes told the script (padded-payload.ts stores UTF-16). Values sealed
 * earlier as ASCII or UTF-8 JSON still open.
 */
import { timeSlicer } from '../scheduling/time-slices';

const HEX = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const BACKSLASH = 0x5c;
const LETTER_U = 0x75;
/** Longer texts (the search index copy) are written this many characters at a time. */
const SLICE_CHARS = 1 << 18;

/**
 * Buffers kept between sliced encodings: a fresh buffer per chunk, grown by doubling, left
 * hundreds of megabytes of garbage for the collector during a large import.
 */
const spareBuffers: Uint8Array<ArrayBuffer>[] = [];
const MAX_SPARE_BUFFERS = 2;
/** Larger buffers (the search copy's) are not kept: they are needed now and then. */
const MAX_SPARE_BYTES = 4 << 20;

/** Where JSON text is written, a range of a string at a time. */
export interface JsonTextWriter {
  write(text: string, from: number, to: number): void;
}

class AsciiWriter implements JsonTextWriter {
  private bytes: Uint8Array<ArrayBuffer>;
  private length = 0;

  constructor(size: number, reuse = false) {
    const spare = reuse ? spareBuffers.pop() : undefined;
    this.bytes = spare && spare.length >= size + 64 ? spare : new Uint8Array(size + 64);
  }

  write(text: string, from: number, to: number): void {
    let bytes = this.bytes;
    let length = this.length;
    for (let i = from; i < to; i += 1) {
      if (length + 6 > bytes.length) {
        const grown = new Uint8Array(bytes.length * 2);
        grown.set(bytes);
        bytes = grown;
      }
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        bytes[length++] = code;
        continue;
      }
      // Outside strings JSON text is ASCII, so this is inside a string: an escape is valid
      // there, and a surrogate pair becomes two escapes that JSON.parse joins again.
      length = writeEscape(bytes, length, code);
    }
    this.bytes = bytes;
    this.length = length;
  }

  result(): Uint8Array<ArrayBuffer> {
    return this.bytes.slice(0, this.length);
  }

  /** The bytes written, in the writer's own buffer (valid until `release`). */
  view(): Uint8Array<ArrayBuffer> {
    return this.bytes.subarray(0, this.length);
  }

  release(): void {
    const { bytes } = this;
    if (bytes.length <= MAX_SPARE_BYTES && spareBuffers.length < MAX_SPARE_BUFFERS)
      spareBuffers.push(bytes);
    this.bytes = new Uint8Array(0);
    this.length = 0;
  }
}

// undefined has no JSON: stored as null, as JSON.stringify inside arrays does.
const jsonText = (value: unknown): string => JSON.stringify(value) ?? 'null';

export function encodeAsciiJson(value: unknown): Uint8Array<ArrayBuffer> {
  const text = jsonText(value);
  const writer = new AsciiWriter(text.length);
  writer.write(text, 0, text.length);
  return writer.result();
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Writes `\uXXXX` for `code` at `at`; returns where the next byte goes. */
function writeEscape(bytes: Uint8Array, at: number, code: number): number {
  bytes[at] = BACKSLASH;
  bytes[at + 1] = LETTER_U;
  bytes[at + 2] = HEX[code >> 12] ?? 0;
  bytes[at + 3] = HEX[(code >> 8) & 15] ?? 0;
  bytes[at + 4] = HEX[(code >> 4) & 15] ?? 0;
  bytes[at + 5] = HEX[code & 15] ?? 0;
  return at + 6;
}

/** Kept between conversions (a chunk's worst case is a few MB); larger ones are not kept. */
let scratch = new Uint8Array(0);
const MAX_SCRATCH_BYTES = 8 << 20;

/**
 * UTF-16 code units (a padded payload's text, see padded-payload.ts) as ASCII JSON: Chromium
 * decodes and parses that about twice as fast as the same text decoded from UTF-16. One pass
 * into a buffer of the worst case, then a copy of what was written: counting first took
 * longer than the copy.
 */
export function asciiJsonOfUnits(units: Uint16Array): Uint8Array<ArrayBuffer> {
  const worst = units.length * 6;
  let bytes = scratch;
  if (bytes.length < worst) {
    bytes = new Uint8Array(worst);
    if (worst <= MAX_SCRATCH_BYTES) scratch = bytes;
  }
  let at = 0;
  for (let i = 0, count = units.length; i < count; i += 1) {
    const code = units[i] ?? 0;
    if (code < 0x80) {
      bytes[at++] = code;
      continue;
    }
    at = writeEscape(bytes, at, code);
  }
  return bytes.slice(0, at);
}

const writeText = (writer: JsonTextWriter, text: string) => writer.write(text, 0, text.length);

/** Arrays longer than this are stringified a group of items at a time. */
const ITEMS_AT_ONCE = 4096;

/**
 * True when JSON.stringify writes `text[from, to)` as it is: no quote, backslash, control
 * character or surrogate (a pair is kept, a lone one escaped: both are left to it).
 */
function writtenAsIs(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return false;
    }
  }
  return true;
}

/**
 * A string's JSON text, without stringifying it when it needs no escape: the search copy's
 * megabytes of terms, postings and ids were copied into as many strings again, twice per save.
 */
function writeString(writer: JsonTextWriter, value: string, from = 0, to = value.length): void {
  if (writtenAsIs(value, from, to)) {
    writer.write(value, from, to);
    return;
  }
  const text = JSON.stringify(value.slice(from, to));
  writer.write(text, 1, text.length - 1);
}

/**
 * JSON.stringify's text of a long string, a slice at a time (the search copy's terms are
 * megabytes): no slice ends between the halves of a surrogate pair, so the escapes are the same.
 */
async function writeLongString(
  writer: JsonTextWriter,
  value: string,
  pause: () => Promise<void>,
): Promise<void> {
  writeText(writer, '"');
  for (let from = 0; from < value.length;) {
    let to = Math.min(value.length, from + SLICE_CHARS);
    const last = value.charCodeAt(to - 1);
    if (to < value.length && last >= 0xd800 && last <= 0xdbff) to -= 1;
    writeString(writer, value, from, to);
    from = to;
    await pause();
  }
  writeText(writer, '"');
}

/** A short list of strings holding more text than a slice. */
function isLongTextList(value: unknown): value is string[] {
  if (!Array.isArray(value) || value.length > ITEMS_AT_ONCE) return false;
  let chars = 0;
  for (const item of value as unknown[]) {
    if (typeof item !== 'string') return false;
    chars += item.length;
  }
  return chars > SLICE_CHARS;
}

/**
 * Writes JSON.stringify's text, a plain object's properties and an array's items (two levels
 * deep) stringified one at a time and long texts written a slice at a time, with a chance to
 * yield between: a large value (the search copy, a chunk of 1,000 records) is no single long
 * task, and no text of it all is ever built.
 */
export async function writeJsonInParts(
  writer: JsonTextWriter,
  value: unknown,
  depth: number,
  pause: () => Promise<void>,
): Promise<void> {
  // Items whole, a pause after each (a record's properties one by one would only add calls); so
  // is text kept in parts (the search copy's terms and numbers), at any depth.
  if ((depth > 0 && Array.isArray(value)) || isLongTextList(value)) {
    writeText(writer, '[');
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) writeText(writer, ',');
      await writeJsonInParts(writer, value[index], 0, pause);
      await pause();
    }
    writeText(writer, ']');
    return;
  }
  if (typeof value === 'string' && value.length > SLICE_CHARS) {
    await writeLongString(writer, value, pause);
    return;
  }
  if (Array.isArray(value) && value.length > ITEMS_AT_ONCE) {
    // Items a group at a time: the search copy's 100,000 ids at once took ~10 ms.
    writeText(writer, '[');
    for (let from = 0; from < value.length; from += ITEMS_AT_ONCE) {
      if (from > 0) writeText(writer, ',');
      const group = value.slice(from, from + ITEMS_AT_ONCE);
      if (group.every((item) => typeof item === 'string')) {
        // Ids, as they are: no text of the group is built.
        group.forEach((item: string, index) => {
          writeText(writer, index === 0 ? '"' : ',"');
          writeString(writer, item);
          writeText(writer, '"');
        });
      } else {
        const text = jsonText(group);
        writer.write(text, 1, text.length - 1);
      }
      await pause();
    }
    writeText(writer, ']');
    return;
  }
  if (depth === 0 || !isPlainObject(value)) {
    const text = jsonText(value);
    for (let from = 0; from < text.length; from += SLICE_CHARS) {
      if (from > 0) await pause();
      writer.write(text, from, Math.min(text.length, from + SLICE_CHARS));
    }
    return;
  }
  let separator = '{';
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    writeText(writer, `${separator}${JSON.stringify(key)}:`);
    separator = ',';
    await writeJsonInParts(writer, item, depth - 1, pause);
    await pause();
  }
  writeText(writer, separator === '{' ? '{}' : '}');
}

/**
 * The same bytes as `encodeAsciiJson`, written in slices, yielding to the page between, and
 * lent to `use` in a buffer that is used again once its promise settles: `use` must not keep
 * them (WebCrypto's encrypt copies its input when called).
 */
export async function withAsciiJsonInSlices<T>(
  value: unknown,
  use: (bytes: Uint8Array<ArrayBuffer>) => Promise<T>,
): Promise<T> {
  const slicer = timeSlicer();
  const writer = new AsciiWriter(1 << 16, true);
  try {
    await writeJsonInParts(writer, value, 2, () => slicer.maybeYield());
    return await use(writer.view());
  } finally {
    writer.release();
  }
}
