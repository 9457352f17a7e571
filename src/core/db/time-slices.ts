/**
 * Long loops on the page yield to the event loop every few milliseconds, so the window keeps
 * painting and answering input (a task over 50 ms is what users feel as a freeze).
 */

/** Lets other tasks run: `scheduler.yield()` where the platform has it, else a timer. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface TimeSlicer {
  /** Yields when the current slice has run `budgetMs`; then runs `afterYield` (e.g. a check). */
  maybeYield(): Promise<void>;
}

export function timeSlicer(budgetMs = 12, afterYield?: () => void): TimeSlicer {
  let sliceStart = performance.now();
  return {
    async maybeYield() {
      if (performance.now() - sliceStart < budgetMs) return;
      await yieldToEventLoop();
      afterYield?.();
      sliceStart = performance.now();
    },
  };
}
