import { describe, expect, it } from 'vitest';
import type { LetterJob } from '@core/letters';
import {
  letterRanges,
  letterWorkerCount,
} from '@renderer/features/letters/worker/letters-worker-client';

const jobOf = (letters: number, output: LetterJob['output'], skip = 0) =>
  ({
    output,
    recipients: Array.from({ length: letters }, (_, i) => ({ id: `r${i}` })),
    skipRecipientIds: Array.from({ length: skip }, (_, i) => `r${i}`),
  }) as unknown as LetterJob;

describe('letterWorkerCount', () => {
  it('shares a large ZIP over the cores (at most four), a combined file in one, small jobs in one', () => {
    expect(letterWorkerCount(jobOf(1000, 'zip'), 2)).toBe(2);
    expect(letterWorkerCount(jobOf(1000, 'zip'), 16)).toBe(4);
    expect(letterWorkerCount(jobOf(1000, 'zip'), 1)).toBe(1);
    expect(letterWorkerCount(jobOf(1000, 'combined'), 8)).toBe(1);
    expect(letterWorkerCount(jobOf(1000, 'combined'), 1)).toBe(1);
    expect(letterWorkerCount(jobOf(30, 'combined'), 8)).toBe(1);
    expect(letterWorkerCount(jobOf(30, 'zip'), 8)).toBe(1);
    expect(letterWorkerCount(jobOf(100, 'zip'), 8)).toBe(2);
    // Skipped recipients are not written, so they do not count.
    expect(letterWorkerCount(jobOf(100, 'zip', 30), 8)).toBe(1);
  });
});

describe('letterRanges', () => {
  it('covers every letter once, in order, in near-equal ranges', () => {
    for (const [count, parts] of [
      [1000, 2],
      [7, 3],
      [81, 4],
    ] as const) {
      const ranges = letterRanges(count, parts);
      expect(ranges[0]?.from).toBe(0);
      expect(ranges.at(-1)?.to).toBe(count);
      ranges.slice(1).forEach((range, i) => expect(range.from).toBe(ranges[i]?.to));
      const sizes = ranges.map((r) => r.to - r.from);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});
