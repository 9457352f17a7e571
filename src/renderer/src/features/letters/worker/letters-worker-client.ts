import {
  assembleLetterFiles,
  jobRecipients,
  type LetterFiles,
  type LetterJob,
  type LetterJobProgress,
  type LetterJobResult,
} from '@core/letters';
import { errorText } from '@renderer/lib/error-text';
import type { LettersWorkerFailure, LettersWorkerRequest, LettersWorkerResponse } from './messages';

export type LetterJobOutcome =
  | { status: 'done'; result: LetterJobResult }
  | { status: 'cancelled' }
  | { status: 'failed'; failure: LettersWorkerFailure };

export interface RunningLetterJob {
  outcome: Promise<LetterJobOutcome>;
  cancel(): void;
}

/** Below this many letters a second worker costs more to start than it saves. */
const LETTERS_PER_EXTRA_WORKER = 40;
const MAX_WORKERS = 4;

/**
 * How many workers write a job's letters: a ZIP's letters are independent files, shared out
 * over the machine's cores (at most four); a combined DOCX takes one. Two (one packing the
 * file's parts and rendering a share, the other the rest) held twice the memory of one, more
 * than the 1.5x of a mail merge allowed, and were no faster while other work ran
 * (docs/letters.md, "Performance").
 */
export function letterWorkerCount(job: LetterJob, cores = navigator.hardwareConcurrency): number {
  const letters = jobRecipients(job).length;
  const most = job.output === 'zip' ? MAX_WORKERS : 1;
  return Math.max(1, Math.min(cores || 2, most, Math.floor(letters / LETTERS_PER_EXTRA_WORKER)));
}

/** `count` letters cut into `parts` consecutive ranges, as even as they go. */
export function letterRanges(count: number, parts: number): { from: number; to: number }[] {
  return Array.from({ length: parts }, (_, i) => ({
    from: Math.floor((count * i) / parts),
    to: Math.floor((count * (i + 1)) / parts),
  }));
}

type WorkerEnd =
  | { status: 'done'; result: LetterJobResult }
  | { status: 'files'; files: LetterFiles }
  | Exclude<LetterJobOutcome, { status: 'done' }>;

const newWorker = () =>
  new Worker(new URL('./letters.worker.ts', import.meta.url), { type: 'module' });

/** Workers started and warmed ahead of a job (prepareLetterWorkers); the next job takes them. */
const prepared: Worker[] = [];

export interface PreparedLetterWorkers {
  /** Settles when every prepared worker has loaded and written its warm-up letter. */
  ready: Promise<void>;
  /** Ends the prepared workers no job has taken (a running job keeps its own). */
  release(): void;
}

/**
 * Starts the workers a job will use before the user asks for it (when the generate dialog
 * opens): loading the worker's code and the first DOCX it writes cost more than hundreds of
 * letters, and would otherwise run after the click. Two on a two-core machine, as a combined
 * job or a ZIP of 80 letters or more uses; a larger job on more cores starts the rest itself.
 */
export function prepareLetterWorkers(
  count = Math.min(navigator.hardwareConcurrency || 2, 2),
): PreparedLetterWorkers {
  const started: Worker[] = [];
  const warmed: Promise<void>[] = [];
  while (prepared.length < count) {
    const worker = newWorker();
    warmed.push(
      new Promise<void>((resolve) => {
        worker.onmessage = () => resolve();
        worker.onerror = () => resolve();
      }),
    );
    worker.postMessage({ type: 'warm' } satisfies LettersWorkerRequest);
    prepared.push(worker);
    started.push(worker);
  }
  return {
    ready: Promise.all(warmed).then(() => {}),
    release() {
      for (const worker of started) {
        const at = prepared.indexOf(worker);
        if (at < 0) continue;
        prepared.splice(at, 1);
        worker.terminate();
      }
    },
  };
}

interface StartedWorker {
  ended: Promise<WorkerEnd>;
  cancel(): void;
  terminate(): void;
}

function startWorker(
  request: LettersWorkerRequest,
  onProgress: (progress: LetterJobProgress) => void,
): StartedWorker {
  const worker = prepared.shift() ?? newWorker();
  const ended = new Promise<WorkerEnd>((resolve) => {
    worker.onmessage = (event: MessageEvent<LettersWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'warm') return;
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') resolve({ status: 'done', result: message.result });
      else if (message.type === 'files-done') resolve({ status: 'files', files: message.files });
      else if (message.type === 'cancelled') resolve({ status: 'cancelled' });
      else resolve({ status: 'failed', failure: message.failure });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      resolve({
        status: 'failed',
        failure: { kind: 'other', message: event.message || 'worker error' },
      });
    };
  });
  worker.postMessage(request);
  return {
    ended,
    cancel: () => worker.postMessage({ type: 'cancel' }),
    terminate: () => worker.terminate(),
  };
}

/** Runs one job in its own worker, which ends with the job. */
function runInOneWorker(
  job: LetterJob,
  onProgress: (progress: LetterJobProgress) => void,
): RunningLetterJob {
  const worker = startWorker({ type: 'start', job }, onProgress);
  const outcome = worker.ended.then((end): LetterJobOutcome => {
    worker.terminate();
    return end.status === 'files'
      ? { status: 'failed', failure: { kind: 'other', message: 'unexpected answer' } }
      : end;
  });
  return { outcome, cancel: worker.cancel };
}

/**
 * A ZIP job shared out over `count` workers, each writing a consecutive range of the letters;
 * progress adds up their letters, cancel reaches all of them, and the first failure stops the
 * rest. The page then names and zips the files (stored, not compressed: a DOCX already is).
 */
function runInWorkers(
  job: LetterJob,
  count: number,
  onProgress: (progress: LetterJobProgress) => void,
): RunningLetterJob {
  const total = jobRecipients(job).length;
  const progress = summedProgress(count, total, onProgress);
  const workers = letterRanges(total, count).map((range, i) =>
    startWorker({ type: 'start-files', job, range }, progress(i)),
  );
  const stopAll = () => workers.forEach((w) => w.terminate());
  const outcome = new Promise<LetterJobOutcome>((resolve) => {
    const slices: LetterFiles[] = [];
    let finished = 0;
    workers.forEach((worker, i) => {
      void worker.ended.then((end) => {
        if (end.status === 'cancelled' || end.status === 'failed') {
          stopAll();
          resolve(end);
          return;
        }
        if (end.status !== 'files') return;
        slices[i] = end.files;
        finished += 1;
        if (finished < count) return;
        stopAll();
        onProgress({ done: total, total, phase: 'pack' });
        try {
          resolve({ status: 'done', result: assembleLetterFiles(job, slices) });
        } catch (error) {
          resolve({ status: 'failed', failure: { kind: 'other', message: errorText(error) } });
        }
      });
    });
  });
  return { outcome, cancel: () => workers.forEach((w) => w.cancel()) };
}

/** Progress of several workers as one: their letters added up. */
function summedProgress(count: number, total: number, onProgress: (p: LetterJobProgress) => void) {
  const done = new Array<number>(count).fill(0);
  return (i: number) => (progress: LetterJobProgress) => {
    done[i] = progress.done;
    onProgress({ done: done.reduce((sum, n) => sum + n, 0), total, phase: 'render' });
  };
}

/** Runs a job off the main thread, in as many workers as letterWorkerCount says. */
export function runLetterJob(
  job: LetterJob,
  onProgress: (progress: LetterJobProgress) => void,
): RunningLetterJob {
  const count = letterWorkerCount(job);
  return count === 1 ? runInOneWorker(job, onProgress) : runInWorkers(job, count, onProgress);
}
