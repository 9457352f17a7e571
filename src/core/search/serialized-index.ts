/**
 * The index as a plain JSON value, for a fast start: terms as strings of space-separated
 * terms, postings as differences encoded in a compact text form (5 bits a character,
 * JSON-safe alphabet), so that parsing is a string copy and decoding a single loop. It holds
 * the indexed words in plain text: store it only encrypted.
 */
import { FIELD_BITS, MAX_FIELDS, TermSegment } from './term-segment';

export const SERIALIZED_FORMAT = 'tadamun-search-index';
/**
 * Version 2 keeps terms and numbers in parts: joining or decoding them whole was one step of
 * 6–25 ms (a long task while the search copy is saved). Version 1, one string each, still reads.
 */
export const SERIALIZED_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, SERIALIZED_VERSION];

export interface SerializedSearchIndex {
  format: typeof SERIALIZED_FORMAT;
  version: 1 | typeof SERIALIZED_VERSION;
  fields: { name: string; weight: number }[];
  /** Document ids by slot. */
  ids: string[];
  /** The sorted terms, separated by single spaces (a term never contains one), in parts. */
  terms: string | string[];
  /** The number of postings of each term, in term order (encoded numbers), in parts. */
  postingCounts: string | string[];
  /** Each term's postings, ascending, as differences from the previous one (encoded numbers). */
  postings: string | string[];
}

/**
 * Numbers as base-32 digits, least significant first: characters 0-31 of the alphabet end a
 * number, characters 32-63 are followed by more digits.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) DIGIT_VALUES[ALPHABET.charCodeAt(i)] = i;

const DIGIT_CODES = Uint8Array.from(ALPHABET, (digit) => digit.charCodeAt(0));
const ascii = new TextDecoder();

/** Work between two `yield`s of the serializing steps. */
const STEP = 1 << 16;

/** Numbers in a part of the encoded text, and between two `yield`s of encoding them. */
const NUMBERS_PER_PART = STEP / 4;

/**
 * Written as ASCII bytes, then decoded a part at a time (a string built digit by digit took
 * seconds; one decoded whole, 5 MB at 100,000 contacts, was a long step).
 */
function* encodeNumbers(
  count: number,
  valueAt: (index: number) => number,
): Generator<void, string[]> {
  // A 32-bit value takes at most 7 digits.
  const bytes = new Uint8Array(Math.min(count, NUMBERS_PER_PART) * 7);
  const parts: string[] = [];
  for (let from = 0; from < count; from += NUMBERS_PER_PART) {
    if (from > 0) yield;
    let length = 0;
    const to = Math.min(count, from + NUMBERS_PER_PART);
    for (let i = from; i < to; i += 1) {
      let value = valueAt(i);
      while (value >= 32) {
        bytes[length++] = DIGIT_CODES[32 + (value & 31)] ?? 0;
        value = Math.floor(value / 32);
      }
      bytes[length++] = DIGIT_CODES[value] ?? 0;
    }
    parts.push(ascii.decode(bytes.subarray(0, length)));
  }
  return parts;
}

/** A value's parts: version 1 held one string. */
function partsOf(value: unknown): string[] {
  const parts = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) {
    throw new Error('Serialized search index: bad parts');
  }
  return parts;
}

function decodeNumbers(parts: readonly string[], expected: number): Uint32Array {
  const values = new Uint32Array(expected);
  let count = 0;
  for (const text of parts) {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      const digit = code < 128 ? (DIGIT_VALUES[code] ?? -1) : -1;
      if (digit < 0) throw new Error('Serialized search index: bad number encoding');
      if (digit >= 32) {
        value += (digit - 32) * scale;
        scale *= 32;
        continue;
      }
      if (count === expected) throw new Error('Serialized search index: too many numbers');
      values[count++] = value + digit * scale;
      value = 0;
      scale = 1;
    }
    // Every part ends with a whole number.
    if (scale !== 1) throw new Error('Serialized search index: a number cut between parts');
  }
  if (count !== expected) throw new Error('Serialized search index: too few numbers');
  return values;
}

/**
 * Each posting's difference from the one before it in its term, for positions asked in order:
 * an array of them all was 4 bytes a posting more while the copy is saved.
 */
function gapsOf(offsets: Uint32Array, postings: Uint32Array): (index: number) => number {
  let term = 0;
  let previous = 0;
  return (index) => {
    while (index >= (offsets[term + 1] ?? Infinity)) {
      term += 1;
      previous = 0;
    }
    const posting = postings[index] ?? 0;
    const gap = posting - previous;
    previous = posting;
    return gap;
  };
}

/** The serialized index, as steps (see `runSteps`): the segment must not change meanwhile. */
export function* serializeIndex(
  fields: { name: string; weight: number }[],
  ids: string[],
  segment: TermSegment,
): Generator<void, SerializedSearchIndex> {
  const { offsets, postings } = segment;
  // Joining 200,000 terms at once holds the page: a part at a time, kept as parts.
  const termParts: string[] = [];
  for (let start = 0; start < segment.terms.length; start += STEP / 4) {
    yield;
    termParts.push(segment.terms.slice(start, start + STEP / 4).join(' '));
  }
  yield;
  return {
    format: SERIALIZED_FORMAT,
    version: SERIALIZED_VERSION,
    fields,
    ids: ids.slice(),
    terms: termParts,
    postingCounts: yield* encodeNumbers(
      segment.termCount,
      (term) => (offsets[term + 1] ?? 0) - (offsets[term] ?? 0),
    ),
    postings: yield* encodeNumbers(postings.length, gapsOf(offsets, postings)),
  };
}

/** Checks the shape and every bound, so that a damaged value fails here, not in a search. */
export function deserializeSegment(value: SerializedSearchIndex): TermSegment {
  if (value.format !== SERIALIZED_FORMAT || !READABLE_VERSIONS.includes(value.version)) {
    throw new Error('Not a serialized search index of this version');
  }
  if (!Array.isArray(value.fields) || value.fields.length > MAX_FIELDS) {
    throw new Error('Serialized search index: bad fields');
  }
  if (!Array.isArray(value.ids)) throw new Error('Serialized search index: bad ids');
  const terms = partsOf(value.terms).flatMap((part) => (part === '' ? [] : part.split(' ')));
  for (let i = 1; i < terms.length; i += 1) {
    if (!((terms[i - 1] ?? '') < (terms[i] ?? ''))) {
      throw new Error('Serialized search index: terms out of order');
    }
  }
  const counts = decodeNumbers(partsOf(value.postingCounts), terms.length);
  const offsets = new Uint32Array(terms.length + 1);
  for (let term = 0; term < terms.length; term += 1) {
    offsets[term + 1] = (offsets[term] ?? 0) + (counts[term] ?? 0);
  }
  const postings = decodeNumbers(partsOf(value.postings), offsets[terms.length] ?? 0);
  const slotLimit = value.ids.length;
  const fieldLimit = value.fields.length;
  for (let term = 0; term < terms.length; term += 1) {
    let previous = 0;
    for (let i = offsets[term] ?? 0; i < (offsets[term + 1] ?? 0); i += 1) {
      const posting = previous + (postings[i] ?? 0);
      if (
        posting > 0xffffffff ||
        posting >>> FIELD_BITS >= slotLimit ||
        (posting & (MAX_FIELDS - 1)) >= fieldLimit
      ) {
        throw new Error('Serialized search index: posting out of range');
      }
      postings[i] = posting;
      previous = posting;
    }
  }
  return new TermSegment(terms, offsets, postings);
}
