/**
 * Which rows a scroll position draws, and the slot keys that let a scroll step refill rows
 * instead of re-keying them.
 */
import { describe, expect, it } from 'vitest';
import { rowWindowOf } from '@renderer/features/contacts/list/row-window';

const ROW = 44;
const options = (count: number) => ({
  count,
  rowHeight: ROW,
  offset: 40,
  overscan: 4,
  drawWholeUpTo: 60,
});

describe('the rows drawn', () => {
  it('draws a short list whole, whatever the scroll position', () => {
    expect(rowWindowOf({ first: 0, height: 400 }, options(60))).toEqual({
      start: 0,
      end: 60,
      slots: 60,
    });
    expect(rowWindowOf({ first: 30, height: 400 }, options(12))).toEqual({
      start: 0,
      end: 12,
      slots: 12,
    });
    expect(rowWindowOf({ first: 0, height: 400 }, options(0))).toMatchObject({ start: 0, end: 0 });
  });

  it('covers the rows in view and at most the overscan around them, never more than its slots', () => {
    const height = 470;
    const inView = Math.ceil(height / ROW) + 1;
    for (let first = 0; first < 100_000; first += 37) {
      const drawn = rowWindowOf({ first, height }, options(100_000));
      const shown = Math.min(first, 100_000 - inView);
      expect(drawn.start).toBe(Math.max(0, shown - 4));
      expect(drawn.end).toBe(Math.min(100_000, shown + inView + 4));
      // The same modulus everywhere: slot keys never all change on a scroll step.
      expect(drawn.slots).toBe(inView + 8);
      expect(drawn.end - drawn.start).toBeLessThanOrEqual(drawn.slots);
    }
    // At the top (where a new query shows), no rows are drawn above.
    expect(rowWindowOf({ first: 0, height }, options(100_000))).toEqual({
      start: 0,
      end: inView + 4,
      slots: inView + 8,
    });
  });

  it('keys the drawn rows by distinct slots, and a step keeps the rows still in view', () => {
    const height = 470;
    const before = rowWindowOf({ first: 1000, height }, options(100_000));
    const after = rowWindowOf({ first: 1005, height }, options(100_000));
    const keys = (drawn: typeof before) => {
      const byKey = new Map<number, number>();
      for (let index = drawn.start; index < drawn.end; index += 1)
        byKey.set(index % drawn.slots, index);
      return byKey;
    };
    const old = keys(before);
    const next = keys(after);
    expect(next.size).toBe(after.end - after.start);
    // A row still in view keeps its key, so React leaves it alone.
    let kept = 0;
    for (const [key, index] of next) if (old.get(key) === index) kept += 1;
    expect(kept).toBe(before.end - after.start);
  });

  it('shows the last rows of a list that got shorter than the old scroll position', () => {
    const drawn = rowWindowOf({ first: 5000, height: 470 }, options(300));
    expect(drawn.end).toBe(300);
    expect(drawn.start).toBe(300 - 12 - 4);
  });
});
