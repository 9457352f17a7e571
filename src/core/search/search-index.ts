/**
 * The in-memory contact search: Arabic-aware, typo-tolerant, ranked by field weight.
 *
 * Why purpose-built and not MiniSearch: the best general library we measured misses every
 * target at 100,000 contacts (docs/benchmarks.md). Its costs come from generality we do not
 * need: a radix tree of objects, per-document field-length statistics for BM25, and one Map
 * per matched document in every query. Contact search needs less: one normalization, then "word, prefix or near-miss of a
 * word, weighted by field". So this index keeps
 * - a frozen segment: sorted normalized terms (binary search for a word, one contiguous range
 *   for a prefix), all postings packed in one Uint32Array (document slot and field in 32 bits),
 *   terms bucketed by length with a 32-bit letter signature, so typo candidates come from a
 *   scan of integers before any edit distance is computed;
 * - a small mutable delta (term → postings) for documents written since, and tombstones for
 *   removed ones, merged into a new segment when they grow past a fraction of it, so that
 *   add/remove/replace stay cheap and searches always see every write;
 * - preallocated score arrays, so a query allocates almost nothing and resets only what it
 *   touched.
 * `toJSON()`/`fromJSON()` give a fast start from a stored copy; bench/scenarios/search.ts
 * measures it all against MiniSearch on the same data.
 */
import { runSteps } from '../scheduling/time-slices';
import { DeltaTerms } from './delta-terms';
import { mergeSegment } from './merge-segment';
import { tokenize } from './normalize';
import { ScoreBoard } from './score-board';
import { deserializeSegment, serializeIndex, type SerializedSearchIndex } from './serialized-index';
import { FIELD_BITS, MAX_FIELDS, TermSegment } from './term-segment';
import { WordMatches } from './word-matches';

export interface SearchDocument {
  id: string;
  /** Text per field; fields without a weight in the index options are not indexed. */
  fields: Readonly<Record<string, string | undefined>>;
}

export interface SearchIndexOptions {
  /** The indexed fields and their weights (> 0), e.g. names 3, notes 1; at most 16 fields. */
  fields: Readonly<Record<string, number>>;
}

export interface SearchOptions {
  /** At most this many hits; 20 unless given. */
  limit?: number;
}

export interface SearchHit {
  id: string;
  /** Higher is better: per query word, the best (match kind weight × field weight), summed. */
  score: number;
}

const DEFAULT_LIMIT = 20;
const MAX_QUERY_WORDS = 12;
/** Merge the delta into the segment once it holds this much, or this share of the segment. */
const MIN_DELTA_TERMS = 1024;
const MIN_DELTA_POSTINGS = 8192;
const MIN_DEAD_SLOTS = 1024;

export class SearchIndex {
  private readonly fieldNames: readonly string[];
  private readonly fieldWeights: Float64Array;
  private segment = TermSegment.empty();
  private delta = new DeltaTerms();
  /** Where a search copies a delta term's postings. */
  private deltaScratch = new Uint32Array(0);
  /** Document ids by slot; undefined marks a removed document until the next merge. */
  private slotIds: (string | undefined)[] = [];
  /**
   * Slot by id; after `fromJSON` built on first use: a start that only searches never needs it,
   * and building it is a noticeable pause at 100,000 documents.
   */
  private slotMap: Map<string, number> | undefined = new Map();
  private deadSlots = 0;
  private changes = 0;
  private board: ScoreBoard | undefined;
  private matches: WordMatches | undefined;

  constructor(options: SearchIndexOptions) {
    const fields = Object.entries(options.fields);
    if (fields.length === 0 || fields.length > MAX_FIELDS) {
      throw new Error(`A search index needs 1 to ${MAX_FIELDS} fields`);
    }
    for (const [name, weight] of fields) {
      if (!(weight > 0 && Number.isFinite(weight))) {
        throw new Error(`Field "${name}" needs a positive weight`);
      }
    }
    this.fieldNames = fields.map(([name]) => name);
    this.fieldWeights = Float64Array.from(fields, ([, weight]) => weight);
  }

  /** Grows with every change of what the index holds (not with a merge, which keeps it). */
  get changeCount(): number {
    return this.changes;
  }

  /** The number of documents in the index. */
  get size(): number {
    return this.slotIds.length - this.deadSlots;
  }

  private get slotOf(): Map<string, number> {
    if (this.slotMap) return this.slotMap;
    const map = new Map<string, number>();
    this.slotIds.forEach((id, slot) => {
      if (id === undefined) return;
      // A repeated id keeps its first slot (fromJSON refuses repeats unless authenticated).
      if (map.has(id)) {
        this.slotIds[slot] = undefined;
        this.deadSlots += 1;
      } else {
        map.set(id, slot);
      }
    });
    this.slotMap = map;
    return map;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /**
   * Where a document sits: for an index just loaded by `fromJSON`, its position in the saved
   * `ids`. Any change may move documents.
   */
  positionOf(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** Document ids by slot, as `toJSON().ids` lists them (undefined: removed, until a merge). */
  slotOrder(): readonly (string | undefined)[] {
    return this.slotIds;
  }

  /** The ids of the indexed documents, in no particular order. */
  ids(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  /** Adds a document; its id must not be in the index yet (use `replace` to update). */
  add(document: SearchDocument): void {
    this.assertNew(document.id);
    this.insert(document);
    this.mergeIfDue();
  }

  /** Adds many documents at once (all or none if an id repeats); the fast way to build. */
  addAll(documents: Iterable<SearchDocument>): void {
    const batch = [...documents];
    const ids = new Set<string>();
    for (const { id } of batch) {
      this.assertNew(id);
      if (ids.has(id)) throw new Error(`Duplicate id in batch: ${id}`);
      ids.add(id);
    }
    for (const document of batch) this.insert(document);
    this.mergeIfDue();
  }

  /**
   * `addAll`, awaiting `pause()` between documents (a time slicer's `maybeYield`), so that a
   * bulk import does not freeze the page; searches meanwhile see the documents added so far.
   */
  async addAllInSlices(
    documents: readonly SearchDocument[],
    pause: () => Promise<void>,
  ): Promise<void> {
    const ids = new Set<string>();
    for (const { id } of documents) {
      this.assertNew(id);
      if (ids.has(id)) throw new Error(`Duplicate id in batch: ${id}`);
      ids.add(id);
      if (ids.size % 256 === 0) await pause();
    }
    await this.addEachInSlices(documents, pause);
  }

  /**
   * Adds documents made one at a time (none is kept once indexed), awaiting `pause()` between
   * them; one whose id is in the index already (added meanwhile) is skipped. Then merges in
   * steps if due, as `addAllInSlices`.
   */
  async addEachInSlices(
    documents: Iterable<SearchDocument>,
    pause: () => Promise<void>,
  ): Promise<void> {
    for (const document of documents) {
      if (!this.slotOf.has(document.id)) this.insert(document);
      await pause();
    }
    if (!this.mergeDue()) return;
    const merging = this.merging();
    while (!merging.next().done) await pause();
  }

  /** Removes a document; false if the id was not in the index. */
  remove(id: string): boolean {
    const removed = this.drop(id);
    if (removed) this.mergeIfDue();
    return removed;
  }

  /** Adds the document, or replaces the one with the same id. */
  replace(document: SearchDocument): void {
    this.drop(document.id);
    this.insert(document);
    this.mergeIfDue();
  }

  clear(): void {
    this.changes += 1;
    this.segment = TermSegment.empty();
    this.delta = new DeltaTerms();
    this.slotIds = [];
    this.slotMap = new Map();
    this.deadSlots = 0;
    this.board = undefined;
    this.matches = undefined;
  }

  /**
   * Documents matching the words of `query`, best first: those matching more words, then the
   * higher score. A word matches itself (after normalization), terms it begins (3 letters
   * or more), terms one typo away (4 letters or more; two typos from 8 letters), and the same
   * with the Arabic article "ال" added or dropped. Empty or blank queries find nothing.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.floor(options.limit ?? DEFAULT_LIMIT);
    if (!(limit >= 1) || this.size === 0) return [];
    const words = [...new Set(tokenize(query))].slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return [];
    const board = this.scoreBoard();
    const matches = this.wordMatches();
    const { offsets, postings } = this.segment;
    const delta = this.delta;
    for (const word of words) {
      matches.collect(word, delta);
      matches.drainSegment((term, weight) =>
        board.addPostings(postings, offsets[term] ?? 0, offsets[term + 1] ?? 0, weight),
      );
      matches.drainDelta((term, weight) => {
        const count = delta.countOf(term);
        if (this.deltaScratch.length < count) this.deltaScratch = new Uint32Array(count * 2);
        board.addPostings(
          this.deltaScratch,
          0,
          delta.postingsInto(term, this.deltaScratch, 0),
          weight,
        );
      });
      board.endWord();
    }
    const slotIds = this.slotIds;
    return board
      .takeTop(limit, (slot) => slotIds[slot] !== undefined)
      .map(({ slot, score }) => ({ id: slotIds[slot] ?? '', score }));
  }

  /** A plain JSON value with everything the index holds (plain text: store it encrypted). */
  toJSON(): SerializedSearchIndex {
    const value = runSteps(this.serializing());
    if (!value) throw new Error('The search index changed while it was serialized.');
    return value;
  }

  /**
   * `toJSON()` as steps to run in slices, the pending merge among them. Undefined when a write
   * came during the merge (the index keeps its delta); a write after it makes the result a mix
   * of before and after: callers check `changeCount` and drop it then.
   */
  *serializing(): Generator<void, SerializedSearchIndex | undefined> {
    if (!(yield* this.merging())) return undefined;
    // After a merge no slot is empty: the ids are the slots as they are.
    return yield* serializeIndex(
      this.fieldNames.map((name, index) => ({ name, weight: this.fieldWeights[index] ?? 0 })),
      this.slotIds as string[],
      this.segment,
    );
  }

  /**
   * The index `toJSON()` saved; throws if the value is not one, or is damaged. `authenticated`:
   * the value is known to be exactly what `toJSON()` wrote (it was sealed), so the id map is
   * built only when first needed rather than checked for repeats now.
   */
  static fromJSON(value: SerializedSearchIndex, { authenticated = false } = {}): SearchIndex {
    const segment = deserializeSegment(value);
    const index = new SearchIndex({
      fields: Object.fromEntries(value.fields.map(({ name, weight }) => [name, weight])),
    });
    if (index.fieldNames.some((name, position) => value.fields[position]?.name !== name)) {
      throw new Error('Serialized search index: bad field names');
    }
    if (!value.ids.every((id) => typeof id === 'string')) {
      throw new Error('Serialized search index: bad id');
    }
    index.slotIds = [...value.ids];
    index.slotMap = undefined;
    if (!authenticated && index.slotOf.size !== value.ids.length) {
      throw new Error('Serialized search index: repeated id');
    }
    index.segment = segment;
    return index;
  }

  private assertNew(id: string): void {
    if (typeof id !== 'string') throw new Error('A document id must be a string');
    if (this.slotOf.has(id)) throw new Error(`Already in the index: ${id}`);
  }

  private insert(document: SearchDocument): void {
    this.changes += 1;
    const slot = this.slotIds.length;
    this.slotIds.push(document.id);
    this.slotOf.set(document.id, slot);
    this.fieldNames.forEach((name, field) => {
      const text = document.fields[name];
      if (typeof text !== 'string' || text === '') return;
      const words = tokenize(text);
      const posting = slot * (1 << FIELD_BITS) + field;
      const seen = words.length > 16 ? new Set<string>() : undefined;
      words.forEach((word, position) => {
        if (seen ? seen.has(word) : words.indexOf(word) < position) return;
        seen?.add(word);
        this.delta.add(word, posting);
      });
    });
  }

  private drop(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.changes += 1;
    this.slotOf.delete(id);
    this.slotIds[slot] = undefined;
    this.deadSlots += 1;
    return true;
  }

  private mergeDue(): boolean {
    const { termCount, postings } = this.segment;
    return (
      this.delta.size > Math.max(MIN_DELTA_TERMS, termCount / 8) ||
      this.delta.postingCount > Math.max(MIN_DELTA_POSTINGS, postings.length / 4) ||
      this.deadSlots > Math.max(MIN_DEAD_SLOTS, this.slotIds.length / 4)
    );
  }

  private mergeIfDue(): void {
    if (this.mergeDue()) this.merge();
  }

  private merge(): void {
    runSteps(this.merging());
  }

  /**
   * The merge as steps; searches meanwhile see the index as it was. The merged segment replaces
   * the old one only if nothing wrote to the index meanwhile: false then, the delta kept.
   */
  private *merging(): Generator<void, boolean> {
    if (this.delta.size === 0 && this.deadSlots === 0) return true;
    const changes = this.changes;
    const newSlotOf = new Int32Array(this.slotIds.length);
    const liveIds: string[] = [];
    this.slotIds.forEach((id, slot) => {
      newSlotOf[slot] = id === undefined ? -1 : liveIds.push(id) - 1;
    });
    const segment = yield* mergeSegment(this.segment, this.delta, newSlotOf);
    if (this.changes !== changes) return false;
    this.segment = segment;
    if (this.deadSlots > 0) {
      this.slotIds = liveIds;
      this.slotMap = undefined;
    }
    this.delta = new DeltaTerms();
    this.deltaScratch = new Uint32Array(0);
    this.deadSlots = 0;
    this.board = undefined;
    this.matches = undefined;
    return true;
  }

  private scoreBoard(): ScoreBoard {
    const needed = this.slotIds.length;
    if (!this.board || this.board.capacity < needed) {
      this.board = new ScoreBoard(Math.ceil(needed * 1.25) + 16, this.fieldWeights);
    }
    return this.board;
  }

  private wordMatches(): WordMatches {
    this.matches ??= new WordMatches(this.segment);
    return this.matches;
  }
}
