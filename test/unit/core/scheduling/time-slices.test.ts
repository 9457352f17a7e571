import { describe, expect, it, vi } from 'vitest';
import { runSteps, runStepsPaced, SLICE_MS, timeSlicer } from '@core/scheduling/time-slices';

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

/**
 * The clock moved by hand from now on (until `vi.restoreAllMocks`): a loop that really ran
 * would be stretched by a loaded machine past the budgets these tests compare it with.
 */
function handClock(): (ms: number) => void {
  let now = performance.now();
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return (ms) => {
    now += ms;
  };
}

describe('time slicers', () => {
  it('share one budget within a task: a loop that follows another yields once both ran long', async () => {
    const yields: string[] = [];
    const slicer = (name: string) =>
      timeSlicer(20, undefined, async () => {
        yields.push(name);
      });
    // A fresh task: the clock starts with the first slicer's first look at it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const busy = handClock();
    const first = slicer('first');
    await first.maybeYield();
    busy(12);
    await first.maybeYield();
    expect(yields).toEqual([]);
    const second = slicer('second');
    busy(12);
    await second.maybeYield();
    expect(yields).toEqual(['second']);
    // After its yield, the clock starts again.
    await second.maybeYield();
    vi.restoreAllMocks();
    expect(yields).toEqual(['second']);
  });

  it('yield by default once a task ran SLICE_MS, short enough to leave room for a collection', async () => {
    expect(SLICE_MS).toBeLessThanOrEqual(8);
    let yields = 0;
    const slicer = timeSlicer(undefined, undefined, async () => {
      yields += 1;
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const busy = handClock();
    await slicer.maybeYield();
    busy(SLICE_MS - 0.5);
    await slicer.maybeYield();
    expect(yields).toBe(0);
    busy(1);
    await slicer.maybeYield();
    vi.restoreAllMocks();
    expect(yields).toBe(1);
  });
});
