/**
 * Per-query scratch space, allocated once per index size and reused: a document's score for
 * the current query word (its best match over fields and terms), its total over the words so
 * far, how many words it matched, and the lists of documents touched, so that resetting costs
 * only what the query touched.
 */
import { FIELD_BITS, FIELD_MASK } from './term-segment';

export interface RankedSlot {
  slot: number;
  score: number;
}

export class ScoreBoard {
  private wordBest: Float32Array;
  private total: Float32Array;
  private matchedWords: Uint8Array;
  private wordTouched: Uint32Array;
  private wordTouchedCount = 0;
  private touched: Uint32Array;
  private touchedCount = 0;
  /** How many touched documents matched each number of words. */
  private readonly levels = new Uint32Array(256);

  constructor(
    capacity: number,
    private readonly fieldWeights: Float64Array,
  ) {
    this.wordBest = new Float32Array(capacity);
    this.total = new Float32Array(capacity);
    this.matchedWords = new Uint8Array(capacity);
    this.wordTouched = new Uint32Array(capacity);
    this.touched = new Uint32Array(capacity);
  }

  get capacity(): number {
    return this.total.length;
  }

  /** Scores postings `[from, to)` of one term matched with `termWeight` for the current word. */
  addPostings(postings: ArrayLike<number>, from: number, to: number, termWeight: number): void {
    const best = this.wordBest;
    const weights = this.fieldWeights;
    for (let i = from; i < to; i += 1) {
      const posting = postings[i] ?? 0;
      const slot = posting >>> FIELD_BITS;
      const score = termWeight * (weights[posting & FIELD_MASK] ?? 0);
      const previous = best[slot] ?? 0;
      if (score > previous) {
        if (previous === 0) this.wordTouched[this.wordTouchedCount++] = slot;
        best[slot] = score;
      }
    }
  }

  /** Adds the current word's best scores to the totals and starts the next word. */
  endWord(): void {
    const best = this.wordBest;
    for (let i = 0; i < this.wordTouchedCount; i += 1) {
      const slot = this.wordTouched[i] ?? 0;
      const words = this.matchedWords[slot] ?? 0;
      if (words === 0) this.touched[this.touchedCount++] = slot;
      else this.levels[words] = (this.levels[words] ?? 0) - 1;
      this.levels[words + 1] = (this.levels[words + 1] ?? 0) + 1;
      this.total[slot] = (this.total[slot] ?? 0) + (best[slot] ?? 0);
      this.matchedWords[slot] = words + 1;
      best[slot] = 0;
    }
    this.wordTouchedCount = 0;
  }

  /**
   * The best `limit` live documents, most matched words first, then highest score, then the
   * earliest added; clears the board for the next query.
   */
  takeTop(limit: number, isLive: (slot: number) => boolean): RankedSlot[] {
    if (limit > INSERTION_LIMIT) return this.takeSorted(limit, isLive);
    // Documents matching fewer words than the best `limit` cannot rank: a common word ("mail")
    // touches most of the index, and only those matching more words are compared.
    let fewest = this.levels.length - 1;
    for (let count = 0; fewest > 1; fewest -= 1) {
      count += this.levels[fewest] ?? 0;
      if (count >= limit) break;
    }
    let top = this.rankFrom(fewest, limit, isLive);
    // Removed documents among them left the list short: the rest are ranked after all.
    if (top.length < limit && fewest > 1) top = this.rankFrom(1, limit, isLive);
    this.clear();
    return top.map(({ slot, score }) => ({ slot, score }));
  }

  /** The best `limit` live documents among those matching `fewest` words or more. */
  private rankFrom(fewest: number, limit: number, isLive: (slot: number) => boolean): Ranked[] {
    const top: Ranked[] = [];
    for (let i = 0; i < this.touchedCount; i += 1) {
      const slot = this.touched[i] ?? 0;
      const words = this.matchedWords[slot] ?? 0;
      if (words < fewest) continue;
      const score = this.total[slot] ?? 0;
      const worst = top[top.length - 1];
      if (top.length === limit && worst && !ranksAbove(words, score, slot, worst)) continue;
      if (!isLive(slot)) continue;
      let position = top.length;
      while (position > 0) {
        const above = top[position - 1];
        if (!above || !ranksAbove(words, score, slot, above)) break;
        position -= 1;
      }
      top.splice(position, 0, { slot, words, score });
      if (top.length > limit) top.pop();
    }
    return top;
  }

  /**
   * For a large limit (the contacts list asks for every hit): one sort, where inserting into
   * the ranked list would cost hits × limit.
   */
  private takeSorted(limit: number, isLive: (slot: number) => boolean): RankedSlot[] {
    const all: Ranked[] = [];
    this.drain((slot, words, score) => {
      if (isLive(slot)) all.push({ slot, words, score });
    });
    all.sort((a, b) => b.words - a.words || b.score - a.score || a.slot - b.slot);
    return all.slice(0, limit).map(({ slot, score }) => ({ slot, score }));
  }

  /** Hands over each touched document's totals, then clears the board. */
  private drain(visit: (slot: number, words: number, score: number) => void): void {
    for (let i = 0; i < this.touchedCount; i += 1) {
      const slot = this.touched[i] ?? 0;
      visit(slot, this.matchedWords[slot] ?? 0, this.total[slot] ?? 0);
    }
    this.clear();
  }

  private clear(): void {
    if (this.touchedCount > this.total.length / 8) {
      this.matchedWords.fill(0);
      this.total.fill(0);
    } else {
      for (let i = 0; i < this.touchedCount; i += 1) {
        const slot = this.touched[i] ?? 0;
        this.matchedWords[slot] = 0;
        this.total[slot] = 0;
      }
    }
    this.touchedCount = 0;
    this.levels.fill(0);
  }
}

interface Ranked {
  slot: number;
  words: number;
  score: number;
}

/** Up to this limit, hits are inserted into a short ranked list; above it, sorted once. */
const INSERTION_LIMIT = 64;

function ranksAbove(words: number, score: number, slot: number, other: Ranked): boolean {
  if (words !== other.words) return words > other.words;
  if (score !== other.score) return score > other.score;
  return slot < other.slot;
}
