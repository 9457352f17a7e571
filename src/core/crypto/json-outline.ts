/**
 * A chunk's records without parsing them: where each record of a JSON array of records sits
 * in the text, and its id. At unlock the unseal worker outlines each chunk it opens, and the
 * page parses a record only when it is asked for (a search hit, a name on the Dashboard) or
 * later in the background: parsing every chunk on the page was most of the unlock's time
 * after key derivation (docs/benchmarks.md). The text was authenticated before it was
 * outlined, so it is exactly the JSON that was sealed.
 */
import { utf8 } from './bytes';
import { pageReadyPayload } from './padded-payload';

export interface RecordOutline {
  ids: string[];
  /** Start and end (exclusive) of each record's JSON in the bytes, as pairs. */
  bounds: Uint32Array<ArrayBuffer>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const LETTER_I = 0x69;
const LETTER_D = 0x64;

const isSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Thrown inside the scan for anything but an array of objects with a plain string id. */
class NotOutlined extends Error {}

class Scanner {
  at = 0;

  constructor(readonly bytes: Uint8Array) {}

  skipSpace(): number {
    const bytes = this.bytes;
    while (isSpace(bytes[this.at])) this.at += 1;
    return bytes[this.at] ?? -1;
  }

  expect(byte: number): void {
    if (this.skipSpace() !== byte) throw new NotOutlined();
    this.at += 1;
  }

  /** Passes a string starting at `at` (its quote); returns whether it held an escape. */
  string(): boolean {
    const bytes = this.bytes;
    let at = this.at + 1;
    let escaped = false;
    for (;;) {
      const byte = bytes[at];
      if (byte === QUOTE) break;
      if (byte === undefined) throw new NotOutlined();
      if (byte === BACKSLASH) {
        escaped = true;
        at += 2;
      } else {
        at += 1;
      }
    }
    this.at = at + 1;
    return escaped;
  }

  /** Passes one record (an object starting at `at`); returns its `id`. */
  record(): string {
    const bytes = this.bytes;
    let id: string | undefined;
    let depth = 0;
    let keyNext = false;
    for (;;) {
      const byte = bytes[this.at];
      if (byte === undefined) throw new NotOutlined();
      if (byte === QUOTE) {
        const from = this.at + 1;
        const escaped = this.string();
        const isId =
          keyNext &&
          depth === 1 &&
          this.at - from === 3 &&
          bytes[from] === LETTER_I &&
          bytes[from + 1] === LETTER_D;
        keyNext = false;
        // JSON.stringify writes the key "id" without escapes.
        if (isId && !escaped) id = this.idValue(id);
        continue;
      }
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        depth += 1;
        keyNext = depth === 1;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth -= 1;
        if (depth === 0) {
          this.at += 1;
          if (id === undefined) throw new NotOutlined();
          return id;
        }
      } else if (byte === COMMA && depth === 1) {
        keyNext = true;
      }
      this.at += 1;
    }
  }

  /** After the key "id": its value, a string without escapes (ids are UUIDs), read as is. */
  private idValue(earlier: string | undefined): string {
    if (earlier !== undefined) throw new NotOutlined();
    this.expect(COLON);
    if (this.skipSpace() !== QUOTE) throw new NotOutlined();
    const from = this.at + 1;
    if (this.string()) throw new NotOutlined();
    const value = this.bytes.subarray(from, this.at - 1);
    for (const byte of value) if (byte >= 0x80) throw new NotOutlined();
    return String.fromCharCode(...value);
  }
}

/**
 * The outline of JSON text (ASCII or UTF-8 bytes) holding an array of objects, each with a
 * string `id` at its top level; undefined for anything else (it is then parsed whole).
 */
export function outlineRecords(bytes: Uint8Array): RecordOutline | undefined {
  const scanner = new Scanner(bytes);
  const ids: string[] = [];
  const bounds: number[] = [];
  try {
    scanner.expect(OPEN_ARRAY);
    if (scanner.skipSpace() === CLOSE_ARRAY) {
      scanner.at += 1;
    } else {
      for (;;) {
        if (scanner.skipSpace() !== OPEN_OBJECT) throw new NotOutlined();
        const start = scanner.at;
        ids.push(scanner.record());
        bounds.push(start, scanner.at);
        const next = scanner.skipSpace();
        scanner.at += 1;
        if (next === CLOSE_ARRAY) break;
        if (next !== COMMA) throw new NotOutlined();
      }
    }
    if (scanner.skipSpace() !== -1) throw new NotOutlined();
  } catch (error) {
    if (error instanceof NotOutlined) return undefined;
    throw error;
  }
  return { ids, bounds: Uint32Array.from(bounds) };
}

/**
 * A list of records kept as the JSON text it was opened as, each parsed when asked for.
 * `wipe` overwrites the text (on lock; once every record is parsed).
 */
export class OutlinedRecords {
  constructor(
    private readonly bytes: Uint8Array<ArrayBuffer>,
    readonly ids: readonly string[],
    private readonly bounds: Uint32Array,
  ) {}

  get length(): number {
    return this.ids.length;
  }

  /** Record `index`, parsed now: each call gives a new object. */
  parse(index: number): unknown {
    const start = this.bounds[2 * index] ?? 0;
    const end = this.bounds[2 * index + 1] ?? 0;
    return JSON.parse(utf8.decode(this.bytes.subarray(start, end)));
  }

  /** Every record, in order: one parse of the whole text. */
  parseAll(): unknown[] {
    return JSON.parse(utf8.decode(this.bytes)) as unknown[];
  }

  wipe(): void {
    this.bytes.fill(0);
  }
}

/** Opened JSON of a list of records, with its outline when it has one (see `outlineRecords`). */
export interface OpenedRecords {
  text: ArrayBuffer;
  outline: RecordOutline | undefined;
}

/** The records of `opened`: outlined when it has an outline, otherwise parsed now. */
export function recordsOf(opened: OpenedRecords): OutlinedRecords | unknown[] {
  const bytes = new Uint8Array(opened.text);
  if (!opened.outline) return JSON.parse(utf8.decode(bytes)) as unknown[];
  return new OutlinedRecords(bytes, opened.outline.ids, opened.outline.bounds);
}

/** A whole opened payload as the page parses it fastest (`pageReadyPayload`), outlined. */
export function outlinedPayload(plaintext: ArrayBuffer): OpenedRecords {
  const text = pageReadyPayload(plaintext);
  return { text, outline: outlineRecords(new Uint8Array(text)) };
}
