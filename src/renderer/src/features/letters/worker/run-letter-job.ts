import type { LetterJob, LetterJobProgress, LetterJobResult } from '@core/letters';
import type { LettersWorkerFailure, LettersWorkerResponse } from './messages';

export type LetterJobOutcome =
  | { status: 'done'; result: LetterJobResult }
  | { status: 'cancelled' }
  | { status: 'failed'; failure: LettersWorkerFailure };

export interface RunningLetterJob {
  outcome: Promise<LetterJobOutcome>;
  cancel(): void;
}

/** Runs one job in its own worker, which ends with the job. */
export function runLetterJob(
  job: LetterJob,
  onProgress: (progress: LetterJobProgress) => void,
): RunningLetterJob {
  const worker = new Worker(new URL('./letters.worker.ts', import.meta.url), { type: 'module' });
  const outcome = new Promise<LetterJobOutcome>((resolve) => {
    const finish = (result: LetterJobOutcome) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<LettersWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') finish({ status: 'done', result: message.result });
      else if (message.type === 'cancelled') finish({ status: 'cancelled' });
      else finish({ status: 'failed', failure: message.failure });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({
        status: 'failed',
        failure: { kind: 'other', message: event.message || 'worker error' },
      });
    };
  });
  worker.postMessage({ type: 'start', job });
  return { outcome, cancel: () => worker.postMessage({ type: 'cancel' }) };
}
