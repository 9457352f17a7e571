/**
 * Lets an e2e test play the desktop app's main process for coalition requests: the browser
 * build's adapter then sends each one through main's own fetcher and checks
 * (src/main/ipc/coalition-fetch.ts), so pages reach the test server only through the harness,
 * never by a fetch of their own.
 */
import type { BrowserContext } from 'playwright-core';
import { coalitionFetchRequestSchema, coalitionRemotesSchema } from '@shared/ipc-schemas';
import { allowedRemote } from '@main/coalition-remotes';
import { CoalitionFetcher } from '@main/coalition-fetcher';

/** Exposes the host to every page of `context`; returns the fetcher (one per context). */
export async function hostCoalitionFetch(context: BrowserContext): Promise<CoalitionFetcher> {
  const fetcher = new CoalitionFetcher();
  await context.exposeFunction(
    'tadamunCoalitionHost',
    async (operation: 'set-origins' | 'fetch', payload: unknown) => {
      if (operation === 'set-origins') {
        fetcher.setRemotes(coalitionRemotesSchema.parse(payload).map(allowedRemote));
        return null;
      }
      return fetcher.fetch(coalitionFetchRequestSchema.parse(payload));
    },
  );
  return fetcher;
}
