/**
 * An experiment (docs/benchmarks.md, "Issue 20, eighth session"): a pull's slices opened on a
 * worker thread with the engine's own `openDocuments`, so that the receiving thread keeps only
 * the replication, the checks and the apply. `workerOpener(key)` is a `ReplicaOptions.openDocuments`;
 * this file is also the worker (run with the parent's tsx loader).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { deriveCoalitionKeys } from '@core/coalition/coalition-key';
import { RefusedDocumentError, type RefusalReason } from '@core/coalition/errors';
import { openDocuments, type OpenOptions } from '@core/coalition/sealed-document';
import type { DocumentOpener } from '@core/coalition/sync/replica';
import type { StoredDocument } from '@core/coalition/sync/replica-database';

interface Request {
  id: number;
  docs: readonly StoredDocument[];
  options: OpenOptions;
}
type Answer = { id: number; opened: unknown[] } | { id: number; error: string };
interface Refusal {
  refused: { documentId: string; reason: RefusalReason; fields: readonly string[] };
}

// Only in the worker `workerOpener` starts (marked by its data), not in any other thread.
const openerKey = (workerData as { openerKey?: Uint8Array<ArrayBuffer> } | null)?.openerKey;
if (!isMainThread && parentPort && openerKey) {
  const port = parentPort;
  const keys = deriveCoalitionKeys(openerKey);
  port.on('message', (request: Request) => {
    void keys
      .then((k) => openDocuments(request.docs, k, request.options))
      .then(
        (opened) => {
          const answer: Answer = {
            id: request.id,
            opened: opened.map((body) =>
              body instanceof RefusedDocumentError
                ? ({
                    refused: {
                      documentId: body.documentId,
                      reason: body.reason,
                      fields: body.fields,
                    },
                  } satisfies Refusal)
                : body,
            ),
          };
          port.postMessage(answer);
        },
        (error: unknown) => port.postMessage({ id: request.id, error: String(error) }),
      );
  });
}

export function workerOpener(key: Uint8Array<ArrayBuffer>): {
  open: DocumentOpener;
  close: () => Promise<number>;
} {
  // tsx's hooks do not reach a worker through execArgv: the worker registers them itself.
  const boot = `require('tsx/cjs/api').require(${JSON.stringify(new URL(import.meta.url).pathname)}, ${JSON.stringify(new URL(import.meta.url).pathname)})`;
  const worker = new Worker(boot, { eval: true, workerData: { openerKey: key } });
  worker.unref();
  let next = 0;
  const waiting = new Map<number, (answer: Answer) => void>();
  worker.on('message', (answer: Answer) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  const open: DocumentOpener = (docs, options) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (answer) => {
        if ('error' in answer) return reject(new Error(answer.error));
        resolve(
          answer.opened.map((body) => {
            const refusal = (body as Partial<Refusal>).refused;
            return refusal
              ? new RefusedDocumentError(refusal.documentId, refusal.reason, refusal.fields)
              : (body as Exclude<
                  Awaited<ReturnType<DocumentOpener>>[number],
                  RefusedDocumentError
                >);
          }),
        );
      });
      worker.postMessage({ id, docs, options } satisfies Request);
    });
  return { open, close: () => worker.terminate() };
}
