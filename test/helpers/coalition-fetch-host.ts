/**
 * Lets an e2e test play the desktop app's main process for coalition requests: the browser
 * build's adapter then sends each one through main's own fetcher and checks
 * (src/main/ipc/coalition-fetch.ts), so pages reach the test server only through the harness,
 * never by a fetch of their own. A long body goes over in parts (see the adapter,
 * src/renderer/src/lib/coalition-fetch-host.ts), as the page takes each in a task of its own.
 */
import type { BrowserContext } from 'playwright-core';
import type { HostFetchOutcome } from '@renderer/lib/coalition-fetch-host';
import { coalitionFetchRequestSchema, coalitionRemotesSchema } from '@shared/ipc-schemas';
import { allowedRemote } from '@main/coalition-remotes';
import { CoalitionFetcher } from '@main/coalition-fetcher';

/** Bodies longer than this go to the page in parts of this size (about 3 ms of its CPU each). */
export const BODY_PART_CHARS = 128 * 1024;

/** `body` cut into parts of at most `size` characters, never inside a surrogate pair. */
export function bodyParts(body: string, size = BODY_PART_CHARS): string[] {
  const parts: string[] = [];
  for (let start = 0; start < body.length;) {
    let end = Math.min(start + size, body.length);
    const next = body.charCodeAt(end);
    if (end < body.length && next >= 0xdc00 && next <= 0xdfff && end - start > 1) end -= 1;
    parts.push(body.slice(start, end));
    start = end;
  }
  return parts.length ? parts : [''];
}

/** Exposes the host to every page of `context`; returns the fetcher (one per context). */
export async function hostCoalitionFetch(context: BrowserContext): Promise<CoalitionFetcher> {
  const fetcher = new CoalitionFetcher();
  // Parts not read yet, by answer.
  const waiting = new Map<number, string[]>();
  let answers = 0;
  await context.exposeFunction(
    'tadamunCoalitionHost',
    async (operation: 'set-origins' | 'fetch' | 'body-part', payload: unknown) => {
      if (operation === 'set-origins') {
        fetcher.setRemotes(coalitionRemotesSchema.parse(payload).map(allowedRemote));
        return null;
      }
      if (operation === 'body-part') {
        const { id, index } = payload as { id: number; index: number };
        const parts = waiting.get(id);
        const part = parts?.[index];
        if (parts === undefined || part === undefined)
          throw new Error(`No part ${index} of answer ${id}`);
        if (index === parts.length - 1) waiting.delete(id);
        return part;
      }
      const outcome = await fetcher.fetch(coalitionFetchRequestSchema.parse(payload));
      if (outcome.kind !== 'response' || outcome.body.length <= BODY_PART_CHARS) return outcome;
      const parts = bodyParts(outcome.body);
      const id = answers++;
      waiting.set(id, parts);
      return {
        ...outcome,
        body: parts[0] ?? '',
        parts: { id, count: parts.length },
      } satisfies HostFetchOutcome;
    },
  );
  return fetcher;
}
