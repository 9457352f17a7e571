/**
 * The index's mutable part: terms written since the last merge and their postings.
 *
 * Postings live in one typed array, not in a JS array per term: a 100,000-contact import adds
 * 2.2 million postings, and as arrays of numbers (a country or a tag in every contact: arrays
 * of 100,000, regrown again and again) they were tens of MB the page's full collections
 * marked, copied and moved while the import ran. Each term's postings are a chain of blocks in
 * that array, each block twice the one before (up to `MAX_BLOCK`): reading a term's postings is
 * a few contiguous copies, not a walk through memory (a list of single postings made the
 * merge's steps of common terms 20–30 ms).
 */

const INITIAL_TERMS = 1024;
const INITIAL_POOL = 16_384;
/** A block: the position of the next block (0: none), its capacity, how many it holds. */
const HEADER = 3;
const FIRST_BLOCK = 2;
const MAX_BLOCK = 4096;

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
  /** Per term: its first and last block's position, and how many postings it has. */
  private firsts = new Uint32Array(INITIAL_TERMS);
  private lasts = new Uint32Array(INITIAL_TERMS);
  private counts = new Uint32Array(INITIAL_TERMS);
  /** The blocks; position 0 is never one, so that 0 can mean "no next block". */
  private pool = new Uint32Array(INITIAL_POOL);
  private used = 1;
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
    this.postings += 1;
    let number = this.numbers.get(term);
    if (number === undefined) {
      number = this.numbers.size;
      this.firsts = grown(this.firsts, number + 1);
      this.lasts = grown(this.lasts, number + 1);
      this.counts = grown(this.counts, number + 1);
      this.numbers.set(term, number);
      const block = this.newBlock(FIRST_BLOCK);
      this.firsts[number] = block;
      this.lasts[number] = block;
      this.counts[number] = 0;
    }
    let block = this.lasts[number] ?? 0;
    const capacity = this.pool[block + 1] ?? 0;
    let held = this.pool[block + 2] ?? 0;
    if (held === capacity) {
      const next = this.newBlock(Math.min(capacity * 2, MAX_BLOCK));
      this.pool[block] = next;
      this.lasts[number] = next;
      block = next;
      held = 0;
    }
    this.pool[block + HEADER + held] = posting;
    this.pool[block + 2] = held + 1;
    this.counts[number] = (this.counts[number] ?? 0) + 1;
  }

  /**
   * Writes `term`'s postings, in the order they were added, into `out` from `at`; returns how
   * many (`out` must have room: `countOf(term)` from `at`).
   */
  postingsInto(term: string, out: Uint32Array, at: number): number {
    const number = this.numbers.get(term);
    if (number === undefined) return 0;
    const pool = this.pool;
    let written = at;
    for (let block = this.firsts[number] ?? 0; block !== 0; block = pool[block] ?? 0) {
      const held = pool[block + 2] ?? 0;
      out.set(pool.subarray(block + HEADER, block + HEADER + held), written);
      written += held;
    }
    return written - at;
  }

  private newBlock(capacity: number): number {
    const block = this.used;
    this.used += HEADER + capacity;
    this.pool = grown(this.pool, this.used);
    this.pool[block] = 0;
    this.pool[block + 1] = capacity;
    this.pool[block + 2] = 0;
    return block;
  }
}
