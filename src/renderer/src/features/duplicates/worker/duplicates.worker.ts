/** The on-demand duplicate scan off the page's thread (seconds at 100,000 contacts). */
import { findDuplicatePairs, type DuplicatePair, type StoredContactLike } from '@core/dedupe';
import { errorText } from '@renderer/lib/error-text';
import { collectContactKeys, type ContactKeysMessage } from './post-contact-keys';

export type DuplicatesWorkerRequest =
  ContactKeysMessage | { type: 'scan'; organizationNames: [string, string][] };

export type DuplicatesWorkerResponse =
  { type: 'pairs'; pairs: DuplicatePair[] } | { type: 'failed'; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<DuplicatesWorkerRequest>) => void) | null;
  postMessage(message: DuplicatesWorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
const contacts: StoredContactLike[] = [];

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'existing') {
    collectContactKeys(contacts, request);
    return;
  }
  try {
    const pairs = findDuplicatePairs(contacts, {
      organizationNames: new Map(request.organizationNames),
    });
    scope.postMessage({ type: 'pairs', pairs });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: errorText(error) });
  }
};
