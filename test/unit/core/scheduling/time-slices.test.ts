import { describe, expect, it } from 'vitest';
import { runSteps, runStepsPaced } from '@core/scheduling/time-slices';

function* countTo(n: number): Generator<void, number> {
  let total = 0;
  for (let i = 1; i <= n; i += 1) {
    total += i;
    yield;
  }
  return total;
}

describe('steps run in slices', () => {
  it('run at once or paced, to the same answer, pausing where the pacer says', async () => {
    expect(runSteps(countTo(10))).toBe(55);
    const pauses: number[] = [];
    let calls = 0;
    const pace = () => {
      calls += 1;
      if (calls % 4 !== 0) return undefined;
      pauses.push(calls);
      return Promise.resolve();
    };
    expect(await runStepsPaced(countTo(10), pace)).toBe(55);
    expect(calls).toBe(10);
    expect(pauses).toEqual([4, 8]);
  });
});
