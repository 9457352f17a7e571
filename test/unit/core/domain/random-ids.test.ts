import { describe, expect, it } from 'vitest';
import { idSchema } from '@core/domain/common';
import { nextRandomId, randomIds } from '@core/domain/random-ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomIds', () => {
  it('makes version 4 UUIDs that the record schema accepts, past several refills', () => {
    const next = randomIds();
    const ids = Array.from({ length: 1000 }, next);
    for (const id of ids) {
      expect(id).toMatch(UUID_V4);
      expect(idSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('spreads its randomness: every hex digit appears in every random position', () => {
    const ids = Array.from({ length: 2000 }, randomIds());
    const positions = [...(ids[0] ?? '')].flatMap((char, index) =>
      char === '-' || index === 14 || index === 19 ? [] : [index],
    );
    for (const position of positions) {
      expect(new Set(ids.map((id) => id[position])).size).toBe(16);
    }
    // The variant digit takes 8, 9, a and b only.
    expect(new Set(ids.map((id) => id[19]))).toEqual(new Set(['8', '9', 'a', 'b']));
  });

  it('gives different ids from two sources and from the shared one', () => {
    const a = Array.from({ length: 300 }, randomIds());
    const b = Array.from({ length: 300 }, randomIds());
    const shared = Array.from({ length: 300 }, nextRandomId);
    expect(new Set([...a, ...b, ...shared]).size).toBe(900);
  });
});
