/**
 * A chunk's records without parsing them: where each record of a JSON array of records sits
 * in the text, and its id. At unlock the unseal worker outlines each chunk it opens, and the
 * page parses a record only when it is asked for (a search hit, a name on the Dashboard) or
 * later in the background: parsing every chunk on the page was most of the unlock's time
 * after key derivation (docs/benchmarks.md). The text was authenticated before it was
 * outlined, so it is exactly the JSON that was sealed.
 */
import { paddedUnits, payloadText } from './padded-payload';

export interface RecordOutline {
  ids: string[];
  /** Start and end (exclusive) of each record's JSON in the text's code units, as pairs. */
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

/** Where the scan is outside the records: the array's brackets and the commas between. */
const enum Between {
  Start,
  FirstItem,
  AfterItem,
  NextItem,
  End,
}

/**
 * The outline of a padded payload's text (UTF-16 code units) holding an array of records,
 * each an object with a string `id` (no escapes) at its top level; undefined for anything
 * else. Bounds are in code units. One read-only pass that looks only at the few characters
 * that matter to JSON's structure: converting to ASCII JSON as well (for a faster parse on
 * the page) made the unseal workers the unlock's slowest part.
 */
export function outlineUnits(units: Uint16Array): RecordOutline | undefined {
  const ids: string[] = [];
  const bounds: number[] = [];
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
  const count = units.length;
  for (let i = 0; i < count; i += 1) {
    const code = units[i] ?? 0;
    if (code >= 0x80 || SPECIAL[code] === 0) continue;
    if (inString) {
      if (code === BACKSLASH) {
        escaped = true;
        i += 1;
      } else if (code === QUOTE) {
        inString = false;
        if (idValue) {
          idValue = false;
          if (escaped || id !== undefined) return undefined;
          id = unitText(units.subarray(valueStart, i));
          if (!isAscii(id)) return undefined;
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
          valueStart = i + 1;
        }
      } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
        depth += 1;
      } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        depth -= 1;
        if (depth === 0) {
          if (id === undefined || idNext) return undefined;
          ids.push(id);
          bounds.push(start, i + 1);
          id = undefined;
          between = Between.AfterItem;
        }
      } else if (code === COMMA && depth === 1) {
        keyNext = true;
        // The value after "id": was not a string.
        if (idNext) return undefined;
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
      start = i;
      keyNext = true;
    } else if (code === COMMA && between === Between.AfterItem) {
      between = Between.NextItem;
    } else if (
      code === CLOSE_ARRAY &&
      (between === Between.FirstItem || between === Between.AfterItem)
    ) {
      between = Between.End;
    } else {
      return undefined;
    }
  }
  if (between !== Between.End) return undefined;
  return { ids, bounds: Uint32Array.from(bounds) };
}

const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** Code units as a string, exactly (a decoder would replace a lone surrogate). */
function unitText(units: Uint16Array): string {
  const parts: string[] = [];
  for (let from = 0; from < units.length; from += 8192) {
    const part = units.subarray(from, from + 8192);
    parts.push(String.fromCharCode.apply(null, part as unknown as number[]));
  }
  return parts.join('');
}

/**
 * A list of records kept as the padded payload it was opened from, each parsed when asked
 * for. `wipe` overwrites the payload (on lock; once every record is parsed).
 */
export class OutlinedRecords {
  private readonly units: Uint16Array;

  constructor(
    private readonly plaintext: ArrayBuffer,
    readonly ids: readonly string[],
    private readonly bounds: Uint32Array,
  ) {
    this.units = paddedUnits(plaintext) ?? new Uint16Array();
  }

  get length(): number {
    return this.ids.length;
  }

  /** Record `index`, parsed now: each call gives a new object. */
  parse(index: number): unknown {
    const start = this.bounds[2 * index] ?? 0;
    const end = this.bounds[2 * index + 1] ?? 0;
    return JSON.parse(unitText(this.units.subarray(start, end)));
  }

  /** Every record, in order: one parse of the whole text (through ASCII JSON, the fastest). */
  parseAll(): unknown[] {
    return JSON.parse(payloadText(this.plaintext)) as unknown[];
  }

  wipe(): void {
    new Uint8Array(this.plaintext).fill(0);
  }
}

/** An opened payload holding a list of records, with its outline when it has one. */
export interface OpenedRecords {
  text: ArrayBuffer;
  outline: RecordOutline | undefined;
}

/** A whole opened payload, outlined when it is a padded one holding a list of records. */
export function outlinedPayload(plaintext: ArrayBuffer): OpenedRecords {
  const units = paddedUnits(plaintext);
  return { text: plaintext, outline: units && outlineUnits(units) };
}

/** The records of `opened`: outlined when it has an outline, otherwise parsed now. */
export function recordsOf(opened: OpenedRecords): OutlinedRecords | unknown[] {
  if (!opened.outline) return JSON.parse(payloadText(opened.text)) as unknown[];
  return new OutlinedRecords(opened.text, opened.outline.ids, opened.outline.bounds);
}
