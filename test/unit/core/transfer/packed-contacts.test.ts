import { describe, expect, it } from 'vitest';
import {
  freePacked,
  packContacts,
  packedBuffers,
  packedCount,
  unpackAll,
  unpackAt,
  unpackContacts,
} from '@core/transfer/packed-contacts';

const contacts = Array.from({ length: 7 }, (_, index) => ({
  displayName: index % 2 ? `Contact ${index}` : `سلمى ${index} 👋`,
  emails: [{ value: `c${index}@example.org`, kind: 'work' }],
  notes: index === 3 ? 'a "quoted" line\nand a lone surrogate \ud800 kept' : undefined,
}));
/** What the contacts are once through JSON (an undefined field is left out). */
const asJson = (items: readonly object[]) => JSON.parse(JSON.stringify(items)) as unknown[];

describe('packContacts', () => {
  it('reads back every contact, in order, across slices', () => {
    const slices = packContacts(contacts, 3);
    expect(slices.map((slice) => slice.ends.length)).toEqual([3, 3, 1]);
    expect(packedCount(slices)).toBe(7);
    expect(unpackAll(slices)).toEqual(asJson(contacts));
  });

  it('keeps Arabic, emoji, quotes and even a lone surrogate exactly', () => {
    const [third] = unpackAt(packContacts(contacts, 2), [3]) as { notes: string }[];
    expect(third?.notes).toBe(contacts[3]?.notes);
    expect(unpackAt(packContacts(contacts), [0])).toEqual(asJson([contacts[0] ?? {}]));
  });

  it('reads part of a slice, and contacts at positions in the order asked', () => {
    const [first, second] = packContacts(contacts, 4);
    if (!first || !second) throw new Error('two slices expected');
    expect(unpackContacts(first, 1, 3)).toEqual(asJson(contacts.slice(1, 3)));
    expect(unpackContacts(second)).toEqual(asJson(contacts.slice(4)));
    const expected = asJson(contacts);
    expect(unpackAt([first, second], [6, 0, 4])).toEqual([expected[6], expected[0], expected[4]]);
  });

  it('reads every range of a slice with one parse, and refuses ends that do not match', () => {
    const [slice] = packContacts(contacts, 7);
    if (!slice) throw new Error('one slice expected');
    const expected = asJson(contacts);
    for (let from = 0; from <= 7; from += 1)
      for (let to = from; to <= 7; to += 1)
        expect(unpackContacts(slice, from, to)).toEqual(expected.slice(from, to));
    const shifted = {
      ...slice,
      ends: slice.ends.map((end, index) => (index === 2 ? end + 1 : end)),
    };
    expect(() => unpackContacts(shifted, 0, 3)).toThrow();
  });

  it('grows its scratch space for a contact longer than a megabyte', () => {
    const long = [{ notes: 'ع'.repeat(700_000) }, { notes: 'x' }];
    expect(unpackAll(packContacts(long))).toEqual(long);
  });

  it('packs nothing into no slices', () => {
    expect(packContacts([])).toEqual([]);
  });
});

describe('freePacked', () => {
  it('empties every buffer of the slices at once', () => {
    const slices = packContacts(contacts, 3);
    const buffers = packedBuffers(slices);
    expect(buffers).toHaveLength(6);
    expect(buffers.every((buffer) => buffer.byteLength > 0)).toBe(true);
    freePacked(slices);
    expect(buffers.map((buffer) => buffer.byteLength)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
