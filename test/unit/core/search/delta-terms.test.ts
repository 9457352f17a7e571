import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeltaTerms } from '@core/search/delta-terms';

describe('DeltaTerms', () => {
  it('gives back every term with its postings in the order they were added (model-based)', () => {
    const term = fc.constantFrom('a', 'b', 'نور', 'c', 'dd', '');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(term, fc.integer({ min: 0, max: 2 ** 32 - 1 })), { maxLength: 20_000 }),
        (additions) => {
          const delta = new DeltaTerms();
          const model = new Map<string, number[]>();
          for (const [text, posting] of additions) {
            delta.add(text, posting);
            model.set(text, [...(model.get(text) ?? []), posting]);
          }
          expect(delta.size).toBe(model.size);
          expect(delta.postingCount).toBe(additions.length);
          expect([...delta.keys()]).toEqual([...model.keys()]);
          for (const text of ['a', 'b', 'نور', 'c', 'dd', '', 'missing']) {
            const expected = model.get(text) ?? [];
            expect(delta.has(text)).toBe(model.has(text));
            expect(delta.countOf(text)).toBe(expected.length);
            const out = new Uint32Array(expected.length + 3);
            expect(delta.postingsInto(text, out, 3)).toBe(expected.length);
            expect([...out.subarray(3)]).toEqual(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
