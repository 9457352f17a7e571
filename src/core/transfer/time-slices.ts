/** Slicing for the import's long loops, with the user's Cancel. */
import { timeSlicer, type TimeSlicer } from '../scheduling/time-slices';

export { SLICE_MS, timeSlicer, yieldToEventLoop, type TimeSlicer } from '../scheduling/time-slices';

/** Thrown by a sliced loop whose signal was aborted (the user pressed Cancel). */
export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportCancelledError';
  }
}

/** A slicer that throws ImportCancelledError after a yield once `signal` is aborted. */
export function cancellableSlicer(budgetMs: number, signal?: AbortSignal): TimeSlicer {
  return timeSlicer(budgetMs, () => {
    if (signal?.aborted) throw new ImportCancelledError();
  });
}
