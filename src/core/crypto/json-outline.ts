/**
 * A chunk's records without parsing them: where each record of a JSON array of records sits
 * in the text, and its id. At unlock the unseal worker outlines each chunk it opens, and the
 * page parses a record only when it is asked for (a search hit, a name on the Dashboard) or
 * later in the background: parsing every chunk on the page was most of the unlock's time
 * after key derivation (docs/benchmarks.md). The text was authenticated before it was
 * outlined, so it is exactly the JSON that was sealed.
 */
import { scratchFor, writeEscape } from './ascii-json';
import { utf8 } from './bytes';
import { paddedUnits } from './padded-payload';

export interface RecordOutline {
  ids: string[];
  /** Start and end (exclusive) of each record's JSON in the ASCII text, as pairs. */
  bounds: Uint32Array<ArrayBuffer>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const LETTER_I = 0x69;
const LETTER_D = 0x64;

/** The ASCII characters the outline looks at; every other one is only copied. */
const SPECIAL = new Uint8Array(0x80);
for (const code of [QUOTE, BACKSLASH, COMMA, OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT]) {
  SPECIAL[code] = 1;
}
for (const space of [0x20, 0x09, 0x0a, 0x0d]) SPECIAL[space] = 2;

/** ASCII bytes as a string (an id: a few dozen characters). */
function asciiText(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
}

/** Where the scan is outside the records: the array's brackets and the commas between. */
const enum Between {
  Start,
  FirstItem,
  AfterItem,
  NextItem,
  End,
}

/**
 * A padded payload's text (UTF-16 code units) as ASCII JSON, as `asciiJsonOfUnits` gives it,
 * with the outline of the array of records it holds: each record an object with a string
 * `id` (no escapes) at its top level. The outline is undefined for anything else. The scan
 * runs in the same pass as the conversion and looks only at the few characters that matter
 * to JSON's structure: a separate pass cost more than the conversion itself.
 */
export function outlinedAsciiJson(units: Uint16Array): {
  text: Uint8Array<ArrayBuffer>;
  outline: RecordOutline | undefined;
} {
  const bytes = scratchFor(units);
  const ids: string[] = [];
  const bounds: number[] = [];
  let at = 0;
  let between = Between.Start;
  let depth = 0;
  let inString = false;
  let keyNext = false;
  /** The string being read is the value of the key "id"; where it starts, if it holds escapes. */
  let idValue = false;
  let idNext = false;
  let valueStart = 0;
  let escaped = false;
  let start = 0;
  let id: string | undefined;
  let outlined = true;
  const count = units.length;
  for (let i = 0; i < count; i += 1) {
    const code = units[i] ?? 0;
    if (code >= 0x80) {
      // Only inside strings: written as an escape, so an id holding it is not read as is.
      at = writeEscape(bytes, at, code);
      escaped = true;
      continue;
    }
    bytes[at++] = code;
    if (SPECIAL[code] === 0 || !outlined) continue;
    if (inString) {
      if (code === BACKSLASH) {
        escaped = true;
        // The escaped character is ASCII in JSON.stringify's text; copied as it is.
        i += 1;
        const next = units[i] ?? 0;
        if (next >= 0x80) at = writeEscape(bytes, at, next);
        else bytes[at++] = next;
      } else if (code === QUOTE) {
        inString = false;
        if (idValue) {
          idValue = false;
          if (escaped || id !== undefined) outlined = false;
          else id = asciiText(bytes, valueStart, at - 1);
        }
      }
      continue;
    }
    if (depth > 0) {
      if (code === QUOTE) {
        inString = true;
        escaped = false;
        if (depth === 1 && keyNext) {
          // JSON.stringify writes the key "id" as it is: two letters between quotes.
          idNext = units[i + 1] === LETTER_I && units[i + 2] === LETTER_D && units[i + 3] === QUOTE;
          keyNext = false;
        } else if (depth === 1 && idNext) {
          idNext = false;
          idValue = true;
          valueStart = at;
        }
      } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
        depth += 1;
      } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        depth -= 1;
        if (depth === 0) {
          if (id === undefined || idNext) outlined = false;
          ids.push(id ?? '');
          bounds.push(start, at);
          id = undefined;
          between = Between.AfterItem;
        }
      } else if (code === COMMA && depth === 1) {
        keyNext = true;
        // The value after "id": is not a string.
        if (idNext) outlined = false;
      }
      continue;
    }
    if (SPECIAL[code] === 2) continue;
    if (code === OPEN_ARRAY && between === Between.Start) {
      between = Between.FirstItem;
    } else if (
      code === OPEN_OBJECT &&
      (between === Between.FirstItem || between === Between.NextItem)
    ) {
      depth = 1;
      start = at - 1;
      keyNext = true;
    } else if (code === COMMA && between === Between.AfterItem) {
      between = Between.NextItem;
    } else if (
      code === CLOSE_ARRAY &&
      (between === Between.FirstItem || between === Between.AfterItem)
    ) {
      between = Between.End;
    } else {
      outlined = false;
    }
  }
  const text = bytes.slice(0, at);
  if (!outlined || between !== Between.End) return { text, outline: undefined };
  return { text, outline: { ids, bounds: Uint32Array.from(bounds) } };
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

/** Opened JSON of a list of records, with its outline when it has one. */
export interface OpenedRecords {
  text: ArrayBuffer;
  outline: RecordOutline | undefined;
}

/**
 * A whole opened payload as the page parses it fastest (see `pageReadyPayload`), outlined
 * when it is a padded payload holding a list of records. Older payloads are parsed whole.
 */
export function outlinedPayload(plaintext: ArrayBuffer): OpenedRecords {
  const units = paddedUnits(plaintext);
  if (!units) return { text: plaintext, outline: undefined };
  const { text, outline } = outlinedAsciiJson(units);
  return { text: text.buffer, outline };
}

/** The records of `opened`: outlined when it has an outline, otherwise parsed now. */
export function recordsOf(opened: OpenedRecords): OutlinedRecords | unknown[] {
  const bytes = new Uint8Array(opened.text);
  if (!opened.outline) return JSON.parse(utf8.decode(bytes)) as unknown[];
  return new OutlinedRecords(bytes, opened.outline.ids, opened.outline.bounds);
}
