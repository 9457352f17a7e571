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

/**
 * Lets every other task run first: `scheduler.postTask` at background priority where the
 * platform has it (Chromium), else a timer. For work nobody waits for.
 */
export function yieldToBackground(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: BackgroundScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => {}, { priority: 'background' });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

interface BackgroundScheduler {
  postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void>;
}

/**
 * Lets queued tasks run first, messages among them: a worker that must hear a cancel message
 * yields this way (`scheduler.yield()` resumes ahead of queued tasks).
 */
export function yieldToQueuedTasks(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A slice's budget: a full collection landing in a slice adds its pause (docs/benchmarks.md). */
export const SLICE_MS = 6;

export interface TimeSlicer {
  /** Yields when the current slice has run `budgetMs`; then runs `afterYield` (e.g. a check). */
  maybeYield(): Promise<void>;
}

/**
 * When the running task started, as far as slicers know: one clock for every slicer, so loops
 * that follow one another in a task (a write, then the search index, then the caller's own
 * work) share one budget instead of each running its own. Reset by a timer, which cannot fire
 * inside the task: a later task starts a new clock.
 */
let taskStart = 0;
let inTask = false;

function startTask(now: number): void {
  taskStart = now;
  if (inTask) return;
  inTask = true;
  setTimeout(() => {
    inTask = false;
  }, 0);
}

/** Milliseconds the current task has run (counted from its first slicer call, or a yield). */
export function taskElapsed(): number {
  const now = performance.now();
  if (!inTask) startTask(now);
  return now - taskStart;
}

export function timeSlicer(
  budgetMs = SLICE_MS,
  afterYield?: () => void,
  yieldNow: () => Promise<void> = yieldToEventLoop,
): TimeSlicer {
  return {
    async maybeYield() {
      if (taskElapsed() < budgetMs) return;
      await yieldNow();
      startTask(performance.now());
      afterYield?.();
    },
  };
}

/**
 * For long loops: call it every iteration and await what it returns when it returns
 * something (every 64th call, a `maybeYield`), so a loop of 100,000 checks the clock rarely.
 */
export type LoopPacer = () => Promise<void> | undefined;

export function loopPacer(budgetMs = SLICE_MS): LoopPacer {
  const slicer = timeSlicer(budgetMs);
  let calls = 0;
  return () => ((calls = (calls + 1) & 63) === 0 ? slicer.maybeYield() : undefined);
}

/** A pacer that never yields: small writes keep running in one go. */
export const neverPause: LoopPacer = () => undefined;

/**
 * Long computations written as generators that `yield` now and then: run at once where a
 * caller needs the answer now, or in slices where the page must stay responsive.
 */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, pausing where `pace` says (a bulk write's pacer, shared with its other loops). */
export async function runStepsPaced<T>(steps: Generator<void, T>, pace: LoopPacer): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const wait = pace();
    if (wait) await wait;
  }
}

export async function runStepsInSlices<T>(
  steps: Generator<void, T>,
  slicer: TimeSlicer = timeSlicer(),
): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slicer.maybeYield();
  }
}
