import { describe, expect, it } from 'vitest';
import { whipCount } from '@core/index';
import { targetsWith } from './fixtures';

describe('whipCount', () => {
  it('counts every stance and groups for and against', () => {
    const count = whipCount(
      targetsWith({ champion: 2, supportive: 3, undecided: 4, opposed: 1, hostile: 2, unknown: 5 }),
    );
    expect(count).toEqual({
      total: 17,
      byStance: { champion: 2, supportive: 3, undecided: 4, opposed: 1, hostile: 2, unknown: 5 },
      supportive: 5,
      opposed: 3,
    });
  });

  it('has every stance at zero for no targets, and no threshold fields without a threshold', () => {
    const count = whipCount([]);
    expect(count.byStance).toEqual({
      champion: 0,
      supportive: 0,
      undecided: 0,
      opposed: 0,
      hostile: 0,
      unknown: 0,
    });
    expect('needed' in count).toBe(false);
  });

  it.each([
    [0.5, 9, 5],
    [0.5, 10, 5],
    [0.6, 10, 6],
    [2 / 3, 9, 6],
    [2 / 3, 10, 7],
    [0.51, 100, 51],
    [1, 7, 7],
    [0.01, 3, 1],
  ])('needs ceil(%d × %d) = %d supporters', (threshold, total, needed) => {
    expect(whipCount(targetsWith({ undecided: total }), threshold).needed).toBe(needed);
  });

  it('counts how many more supporters are missing, never below zero', () => {
    const targets = targetsWith({ champion: 1, supportive: 2, undecided: 4, opposed: 2 });
    expect(whipCount(targets, 0.5)).toMatchObject({ needed: 5, missing: 2, reached: false });
    const won = targetsWith({ champion: 4, supportive: 3, opposed: 2 });
    expect(whipCount(won, 0.5)).toMatchObject({ needed: 5, missing: 0, reached: true });
  });

  it('is not reached with no targets at all', () => {
    expect(whipCount([], 0.5)).toMatchObject({ total: 0, needed: 0, missing: 0, reached: false });
  });
});
