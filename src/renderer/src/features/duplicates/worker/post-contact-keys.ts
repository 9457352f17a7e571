/**
 * Sends stored contacts to a worker (the import check, the duplicate scan) as the fields
 * dedupe reads, a slice per message: one message of 100,000 contacts would stall the page
 * while it is cloned.
 */
import type { StoredContactLike } from '@core/dedupe';
import { storedContactKeys, timeSlicer } from '@core/transfer';

export interface ContactKeysMessage {
  type: 'existing';
  contacts: StoredContactLike[];
  /** The first slice: the worker starts a new list. */
  first: boolean;
}

const SLICE = 2000;

/** Resolves false when `stillWanted` turned false meanwhile (the work was cancelled). */
export async function postContactKeys(
  worker: Pick<Worker, 'postMessage'>,
  contacts: readonly StoredContactLike[],
  stillWanted: () => boolean,
): Promise<boolean> {
  const slicer = timeSlicer(12);
  for (let start = 0; start === 0 || start < contacts.length; start += SLICE) {
    const message: ContactKeysMessage = {
      type: 'existing',
      contacts: contacts.slice(start, start + SLICE).map(storedContactKeys),
      first: start === 0,
    };
    worker.postMessage(message);
    await slicer.maybeYield();
    if (!stillWanted()) return false;
  }
  return true;
}

/** The worker's side: the list the slices add up to. */
export function collectContactKeys(list: StoredContactLike[], message: ContactKeysMessage): void {
  if (message.first) list.length = 0;
  for (const contact of message.contacts) list.push(contact);
}
