/**
 * The index's mutable part: terms written since the last merge and their postings.
 *
 * Postings live in typed arrays (a list per term, linked through `nexts`), not in a JS array per
 * term: a 100,000-contact import adds 2.2 million postings, and as arrays of numbers (a country
 * or a tag in every contact: arrays of 100,000, regrown again and again) they were tens of MB
 * the page's full collections marked, copied and moved while the import ran. Typed arrays hold
 * them off the JS heap, in a few buffers grown by half each time.
 */

const INITIAL_TERMS = 1024;
const INITIAL_POSTINGS = 8192;

function grown<T extends Int32Array | Uint32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(
    Math.max(needed, Math.ceil(array.length * 1.5)),
  );
  next.set(array);
  return next;
}

export class DeltaTerms {
  /** Term → its number, in the order terms came. */
  private readonly numbers = new Map<string, number>();
  /** Per term: its first and last posting's position, and how many it has. */
  private firsts = new Int32Array(INITIAL_TERMS);
  private lasts = new Int32Array(INITIAL_TERMS);
  private counts = new Uint32Array(INITIAL_TERMS);
  /** Per posting: its value, and the position of the term's next posting (-1: the last). */
  private values = new Uint32Array(INITIAL_POSTINGS);
  private nexts = new Int32Array(INITIAL_POSTINGS);
  private postings = 0;

  /** The number of terms. */
  get size(): number {
    return this.numbers.size;
  }

  get postingCount(): number {
    return this.postings;
  }

  has(term: string): boolean {
    return this.numbers.has(term);
  }

  keys(): IterableIterator<string> {
    return this.numbers.keys();
  }

  /** The number of postings `term` has (0 when it has none). */
  countOf(term: string): number {
    const number = this.numbers.get(term);
    return number === undefined ? 0 : (this.counts[number] ?? 0);
  }

  /** Appends `posting` to `term`'s postings (the caller adds them in ascending order). */
  add(term: string, posting: number): void {
    const at = this.postings;
    this.values = grown(this.values, at + 1);
    this.nexts = grown(this.nexts, at + 1);
    this.values[at] = posting;
    this.nexts[at] = -1;
    this.postings = at + 1;
    const number = this.numbers.get(term);
    if (number === undefined) {
      const added = this.numbers.size;
      this.firsts = grown(this.firsts, added + 1);
      this.lasts = grown(this.lasts, added + 1);
      this.counts = grown(this.counts, added + 1);
      this.numbers.set(term, added);
      this.firsts[added] = at;
      this.lasts[added] = at;
      this.counts[added] = 1;
      return;
    }
    this.nexts[this.lasts[number] ?? 0] = at;
    this.lasts[number] = at;
    this.counts[number] = (this.counts[number] ?? 0) + 1;
  }

  /**
   * Writes `term`'s postings, in the order they were added, into `out` from `at`; returns how
   * many (`out` must have room: `countOf(term)` from `at`).
   */
  postingsInto(term: string, out: Uint32Array, at: number): number {
    const number = this.numbers.get(term);
    if (number === undefined) return 0;
    let written = at;
    for (let position = this.firsts[number] ?? -1; position >= 0;) {
      out[written++] = this.values[position] ?? 0;
      position = this.nexts[position] ?? -1;
    }
    return written - at;
  }
}
