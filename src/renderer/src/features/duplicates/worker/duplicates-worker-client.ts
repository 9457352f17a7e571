import type { DuplicatePair, StoredContactLike } from '@core/dedupe';
import { postContactKeys } from './post-contact-keys';
import type { DuplicatesWorkerRequest, DuplicatesWorkerResponse } from './duplicates.worker';

export interface RunningScan {
  pairs: Promise<DuplicatePair[]>;
  /** Ends the worker; `pairs` then never resolves. */
  cancel(): void;
}

/** Finds likely duplicate pairs among `contacts` in a worker of its own. */
export function scanDuplicates(
  contacts: readonly StoredContactLike[],
  organizationNames: ReadonlyMap<string, string>,
): RunningScan {
  const worker = new Worker(new URL('./duplicates.worker.ts', import.meta.url), {
    type: 'module',
  });
  let running = true;
  const cancel = () => {
    running = false;
    worker.terminate();
  };
  const pairs = new Promise<DuplicatePair[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<DuplicatesWorkerResponse>) => {
      cancel();
      if (event.data.type === 'pairs') resolve(event.data.pairs);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      cancel();
      reject(new Error(event.message || 'duplicates worker error'));
    };
  });
  void postContactKeys(worker, contacts, () => running).then((sent) => {
    if (!sent) return;
    const scan: DuplicatesWorkerRequest = {
      type: 'scan',
      organizationNames: [...organizationNames],
    };
    worker.postMessage(scan);
  });
  return { pairs, cancel };
}
