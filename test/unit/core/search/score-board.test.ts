import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoreBoard } from '@core/search/score-board';
import { FIELD_BITS } from '@core/search/term-segment';

const SLOTS = 40;
const weights = new Float64Array([1, 2, 3]);
const posting = (slot: number, field: number) => (slot << FIELD_BITS) | field;

interface Word {
  postings: { slot: number; field: number }[];
  weight: number;
}

/** What takeTop must return: most words, then highest score, then the earliest slot. */
function expected(words: Word[], limit: number, dead: ReadonlySet<number>) {
  const totals = new Map<number, { words: number; score: number }>();
  for (const word of words) {
    const best = new Map<number, number>();
    for (const { slot, field } of word.postings) {
      const score = Math.fround(word.weight * (weights[field] ?? 0));
      if (score > (best.get(slot) ?? 0)) best.set(slot, score);
    }
    for (const [slot, score] of best) {
      const entry = totals.get(slot) ?? { words: 0, score: 0 };
      totals.set(slot, { words: entry.words + 1, score: Math.fround(entry.score + score) });
    }
  }
  return [...totals]
    .filter(([slot]) => !dead.has(slot))
    .sort(([a, x], [b, y]) => y.words - x.words || y.score - x.score || a - b)
    .slice(0, limit)
    .map(([slot, { score }]) => ({ slot, score }));
}

function play(board: ScoreBoard, words: Word[]) {
  for (const word of words) {
    const list = word.postings.map(({ slot, field }) => posting(slot, field));
    board.addPostings(list, 0, list.length, word.weight);
    board.endWord();
  }
}

const wordArbitrary = fc.record({
  postings: fc.array(
    fc.record({
      slot: fc.integer({ min: 0, max: SLOTS - 1 }),
      field: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 30 },
  ),
  weight: fc.constantFrom(1, 0.8, 0.4, 0.25),
});

describe('ScoreBoard', () => {
  it('ranks by words matched, score and slot, skipping removed documents, query after query', () => {
    const board = new ScoreBoard(SLOTS, weights);
    fc.assert(
      fc.property(
        fc.array(wordArbitrary, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 8 }),
        fc.uniqueArray(fc.integer({ min: 0, max: SLOTS - 1 }), { maxLength: 10 }),
        (words, limit, deadSlots) => {
          const dead = new Set(deadSlots);
          play(board, words);
          expect(board.takeTop(limit, (slot) => !dead.has(slot))).toEqual(
            expected(words, limit, dead),
          );
        },
      ),
    );
  });

  it('still fills the list when removed documents held the most words', () => {
    const board = new ScoreBoard(SLOTS, weights);
    const both = [0, 1, 2].map((slot) => ({ slot, field: 0 }));
    const words: Word[] = [
      { postings: [...both, { slot: 5, field: 2 }, { slot: 6, field: 1 }], weight: 1 },
      { postings: both, weight: 1 },
    ];
    play(board, words);
    const dead = new Set([0, 1, 2]);
    expect(board.takeTop(2, (slot) => !dead.has(slot)).map(({ slot }) => slot)).toEqual([5, 6]);
    // The board is clear for the next query.
    play(board, [{ postings: [{ slot: 7, field: 0 }], weight: 1 }]);
    expect(board.takeTop(3, () => true)).toEqual([{ slot: 7, score: 1 }]);
  });
});
