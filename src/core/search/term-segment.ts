/**
 * The frozen part of the index: sorted terms (binary search for a word, a contiguous range for
 * a prefix), their postings packed into one Uint32Array, and terms bucketed by length with a
 * letter signature each, so typo candidates come from a short scan instead of the whole list.
 */
import { runSteps } from '../scheduling/time-slices';
import { boundedEditDistance, letterSignature, signaturesMayMatch } from './edit-distance';

/** A posting is `slot << FIELD_BITS | fieldIndex`: up to 16 fields, 2^28 documents. */
export const FIELD_BITS = 4;
export const FIELD_MASK = (1 << FIELD_BITS) - 1;
export const MAX_FIELDS = 1 << FIELD_BITS;

/** What `forEachNear` scans: terms bucketed by length, each with its letter signature. */
export interface TermLayout {
  termsByLength: Uint32Array;
  lengthStarts: Uint32Array;
  signatures: Uint32Array;
}

/** Work between two yields of `termLayout`. */
const LAYOUT_STEP = 8192;

/** Builds a `TermLayout` as steps (see `runSteps`): in one go it holds the page at 200,000 terms. */
export function* termLayout(terms: readonly string[]): Generator<void, TermLayout> {
  let longest = 0;
  const signatures = new Uint32Array(terms.length);
  for (let index = 0; index < terms.length; index += 1) {
    if (index % LAYOUT_STEP === LAYOUT_STEP - 1) yield;
    const term = terms[index] ?? '';
    if (term.length > longest) longest = term.length;
    signatures[index] = letterSignature(term);
  }
  const lengthStarts = new Uint32Array(longest + 2);
  for (let index = 0; index < terms.length; index += 1) {
    if (index % LAYOUT_STEP === LAYOUT_STEP - 1) yield;
    const length = (terms[index] ?? '').length;
    lengthStarts[length + 1] = (lengthStarts[length + 1] ?? 0) + 1;
  }
  for (let length = 1; length < lengthStarts.length; length += 1) {
    lengthStarts[length] = (lengthStarts[length] ?? 0) + (lengthStarts[length - 1] ?? 0);
  }
  yield;
  const next = lengthStarts.slice();
  const termsByLength = new Uint32Array(terms.length);
  for (let index = 0; index < terms.length; index += 1) {
    if (index % LAYOUT_STEP === LAYOUT_STEP - 1) yield;
    const length = (terms[index] ?? '').length;
    const position = next[length] ?? 0;
    termsByLength[position] = index;
    next[length] = position + 1;
  }
  return { termsByLength, lengthStarts, signatures };
}

export class TermSegment {
  private readonly termsByLength: Uint32Array;
  /** Terms of length `n` are `termsByLength[lengthStarts[n] .. lengthStarts[n + 1])`. */
  private readonly lengthStarts: Uint32Array;
  private readonly signatures: Uint32Array;

  /**
   * @param terms sorted by code unit, no duplicates
   * @param offsets postings of term `t` are `postings[offsets[t] .. offsets[t + 1])`
   * @param layout the typo lookup tables, when the caller built them already (in slices)
   */
  constructor(
    readonly terms: readonly string[],
    readonly offsets: Uint32Array,
    readonly postings: Uint32Array,
    layout: TermLayout = runSteps(termLayout(terms)),
  ) {
    this.termsByLength = layout.termsByLength;
    this.lengthStarts = layout.lengthStarts;
    this.signatures = layout.signatures;
  }

  static empty(): TermSegment {
    return new TermSegment([], new Uint32Array(1), new Uint32Array(0));
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** The index of the first term that is not less than `text`. */
  lowerBound(text: string): number {
    const terms = this.terms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((terms[middle] ?? '') < text) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  indexOf(term: string): number {
    const index = this.lowerBound(term);
    return this.terms[index] === term ? index : -1;
  }

  /** `[from, to)`: the terms that start with `prefix` (the term equal to it included). */
  prefixRange(prefix: string): [number, number] {
    return [this.lowerBound(prefix), this.lowerBound(`${prefix}\uffff`)];
  }

  /** Calls `found` with every term within `maxEdits` of `term` (itself included). */
  forEachNear(term: string, maxEdits: number, found: (index: number, edits: number) => void): void {
    const signature = letterSignature(term);
    const shortest = Math.max(1, term.length - maxEdits);
    const longest = Math.min(this.lengthStarts.length - 2, term.length + maxEdits);
    if (shortest > longest) return;
    const from = this.lengthStarts[shortest] ?? 0;
    const to = this.lengthStarts[longest + 1] ?? 0;
    for (let position = from; position < to; position += 1) {
      const index = this.termsByLength[position] ?? 0;
      if (!signaturesMayMatch(signature, this.signatures[index] ?? 0, maxEdits)) continue;
      const edits = boundedEditDistance(term, this.terms[index] ?? '', maxEdits);
      if (edits <= maxEdits) found(index, edits);
    }
  }
}
