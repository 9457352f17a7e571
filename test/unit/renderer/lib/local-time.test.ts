import { describe, expect, it } from 'vitest';
import { instantFromLocal } from '@renderer/lib/local-time';

describe('local date-times', () => {
  it('reads the pickers’ values and refuses impossible dates', () => {
    expect(instantFromLocal('2026-03-01 09:30:00')).toBe(new Date(2026, 2, 1, 9, 30).toISOString());
    expect(instantFromLocal('2026-03-01 09:30')).toBe(new Date(2026, 2, 1, 9, 30).toISOString());
    expect(instantFromLocal('2026-02-30 09:30')).toBeUndefined();
    expect(instantFromLocal('')).toBeUndefined();
    expect(instantFromLocal('yesterday')).toBeUndefined();
  });
});
