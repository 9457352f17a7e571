/**
 * Coalition fetch in the browser build, which has no main process to carry requests. The page
 * never fetches a coalition's server itself (its CSP allows only 'self'): without a host,
 * every request is refused. The e2e harness exposes a host that runs main's own fetcher
 * (test/helpers/coalition-fetch-host.ts), so tests reach their server only through it.
 */
import type {
  CoalitionFetchOutcome,
  CoalitionFetchRequest,
  CoalitionRemote,
  IpcResult,
} from '@shared/ipc';
import { errorText } from './error-text';

/** What the e2e harness exposes to play main's coalition fetch. */
export interface CoalitionFetchHost {
  (operation: 'set-origins', remotes: CoalitionRemote[]): Promise<null>;
  (operation: 'fetch', request: CoalitionFetchRequest): Promise<CoalitionFetchOutcome>;
}

declare global {
  interface Window {
    tadamunCoalitionHost?: CoalitionFetchHost;
  }
}

const NO_HOST: CoalitionFetchOutcome = {
  kind: 'failure',
  problem: 'refused',
  message: 'This browser build cannot reach a coalition server: use the desktop app.',
};

async function call<T>(work: () => Promise<T>): Promise<IpcResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: errorText(error) } };
  }
}

export function browserCoalitionFetch(host: CoalitionFetchHost | undefined): {
  setCoalitionOrigins(remotes: CoalitionRemote[]): Promise<IpcResult<null>>;
  coalitionFetch(request: CoalitionFetchRequest): Promise<IpcResult<CoalitionFetchOutcome>>;
} {
  return {
    setCoalitionOrigins: (remotes) =>
      call(async () => (host ? await host('set-origins', remotes) : null)),
    coalitionFetch: (request) => call(async () => (host ? await host('fetch', request) : NO_HOST)),
  };
}
