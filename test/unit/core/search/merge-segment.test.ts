import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedInSteps } from '@core/search/merge-segment';

describe('sortedInSteps', () => {
  it('sorts in steps exactly as Array.prototype.sort does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 20_000 }), (items) => {
        const steps = sortedInSteps(items);
        let step = steps.next();
        while (!step.done) step = steps.next();
        expect(step.value).toEqual([...items].sort());
      }),
      { numRuns: 30 },
    );
  });
});
