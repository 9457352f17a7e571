/**
 * Generates letters off the main thread: the page posts a job, gets progress per letter and the
 * finished file (its bytes transferred, not copied); 'cancel' aborts between letters.
 */
import { LetterRenderError, LetterTemplateError, generateLetters } from '@core/letters';
import type { LettersWorkerRequest, LettersWorkerResponse } from './messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LettersWorkerRequest>) => void) | null;
  postMessage(message: LettersWorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let controller: AbortController | undefined;

async function run(job: Extract<LettersWorkerRequest, { type: 'start' }>['job']): Promise<void> {
  controller = new AbortController();
  const { signal } = controller;
  try {
    const result = await generateLetters(job, {
      signal,
      onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
    });
    const buffers = [result.file, ...result.parts]
      .map((f) => f.bytes.buffer)
      .filter((b, i, all): b is ArrayBuffer => b instanceof ArrayBuffer && all.indexOf(b) === i);
    scope.postMessage({ type: 'done', result }, buffers);
  } catch (error) {
    if (signal.aborted) scope.postMessage({ type: 'cancelled' });
    else if (error instanceof LetterTemplateError)
      scope.postMessage({
        type: 'failed',
        failure: { kind: 'template', problems: [...error.problems] },
      });
    else if (error instanceof LetterRenderError)
      scope.postMessage({
        type: 'failed',
        failure: { kind: 'render', recipientId: error.recipientId, message: error.message },
      });
    else
      scope.postMessage({
        type: 'failed',
        failure: { kind: 'other', message: String((error as Error).message ?? error) },
      });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') controller?.abort();
  else void run(request.job);
};
