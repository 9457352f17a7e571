/**
 * Generates letters off the main thread: the page posts a job (or one worker's share of it),
 * gets progress per letter or chunk and the finished file or files (their bytes transferred,
 * not copied); 'cancel' aborts between letters. See letters-worker-client.ts for how a job is shared.
 */
import {
  LetterRenderError,
  LetterTemplateError,
  generateLetterFiles,
  generateLetters,
  type LetterJobControl,
  type NamedFile,
  warmUpLetterWriting,
} from '@core/letters';
import { errorText } from '@renderer/lib/error-text';
import type { LettersWorkerFailure, LettersWorkerRequest, LettersWorkerResponse } from './messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LettersWorkerRequest>) => void) | null;
  postMessage(message: LettersWorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let controller: AbortController | undefined;
/** The warm-up, when the page asked for one: a job waits for it rather than running beside it. */
let warming: Promise<void> = Promise.resolve();

const buffersOf = (files: readonly NamedFile[]) =>
  files
    .map((f) => f.bytes.buffer)
    .filter((b, i, all): b is ArrayBuffer => b instanceof ArrayBuffer && all.indexOf(b) === i);

function failureOf(error: unknown): LettersWorkerFailure {
  if (error instanceof LetterTemplateError)
    return { kind: 'template', problems: [...error.problems] };
  if (error instanceof LetterRenderError)
    return { kind: 'render', recipientId: error.recipientId, message: error.message };
  return { kind: 'other', message: errorText(error) };
}

type Work = Extract<LettersWorkerRequest, { type: 'start' | 'start-files' }>;

async function run(request: Work): Promise<void> {
  controller = new AbortController();
  const { signal } = controller;
  const control: LetterJobControl = {
    signal,
    onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
  };
  try {
    await warming;
    signal.throwIfAborted();
    if (request.type === 'start-files') {
      const files = await generateLetterFiles(request.job, request.range, control);
      scope.postMessage({ type: 'files-done', files }, buffersOf(files.parts));
    } else {
      const result = await generateLetters(request.job, control);
      scope.postMessage({ type: 'done', result }, buffersOf([result.file, ...result.parts]));
    }
  } catch (error) {
    if (signal.aborted) scope.postMessage({ type: 'cancelled' });
    else scope.postMessage({ type: 'failed', failure: failureOf(error) });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') controller?.abort();
  else if (request.type === 'warm') {
    // A failed warm-up only means the job pays the first-run costs itself.
    warming = warmUpLetterWriting().catch(() => {});
    void warming.then(() => scope.postMessage({ type: 'warm' }));
  } else void run(request);
};
