import { describe, expect, it } from 'vitest';
import { FirstReceive } from '@core/coalition/sync/first-receive';
import type { StoredDocument } from '@core/coalition/sync/replica-database';

const doc = (id: string, rev = '1-a', deleted = false): StoredDocument => ({
  _id: id,
  _rev: rev,
  ...(deleted && { _deleted: true }),
});

describe('FirstReceive', () => {
  it('counts each batch as the sequences after the previous one', () => {
    const first = new FirstReceive();
    expect(first.announce([doc('a'), doc('b')])).toMatchObject({ start: 0, end: 2 });
    expect(first.announce([doc('c')])).toMatchObject({ start: 2, end: 3 });
  });

  it('takes a batch only when the replica is as counted', () => {
    const first = new FirstReceive();
    const one = first.announce([doc('a'), doc('b')]);
    const two = first.announce([doc('c')]);
    if (!one || !two) throw new Error('announced');
    expect(first.matches(one, 0, 2)).toBe(true);
    // The next batch already written: still as counted.
    expect(first.matches(one, 0, 3)).toBe(true);
    // A document that took no sequence, or a write nobody announced.
    expect(first.matches(one, 0, 1)).toBe(false);
    expect(first.matches(one, 0, 4)).toBe(false);
    // The checkpoint is not where the batch starts (an earlier batch not taken in).
    expect(first.matches(two, 0, 3)).toBe(false);
    expect(first.matches(two, 2, 3)).toBe(true);
    expect(first.matches(two, 2, '3')).toBe(false);
    first.stop();
    expect(first.matches(two, 2, 3)).toBe(false);
    expect(first.announce([doc('d')])).toBeUndefined();
    expect(first.active).toBe(false);
  });

  it('reads from the replica an id seen before or with several revisions; skips deletions', () => {
    const first = new FirstReceive();
    const one = first.announce([
      doc('a'),
      doc('b', '1-b'),
      doc('b', '1-c'),
      doc('gone', '2-x', true),
    ]);
    const two = first.announce([doc('a', '2-a'), doc('_design/x'), doc('c')]);
    if (!one || !two) throw new Error('announced');
    const split = first.split(one);
    expect(split.winners.map((d) => d._id)).toEqual(['a']);
    expect(split.reread).toEqual(['b']);
    expect([...split.settled]).toEqual(['a']);
    const next = first.split(two);
    expect(next.winners.map((d) => d._id)).toEqual(['c']);
    expect(next.reread).toEqual(['a']);
  });
});
