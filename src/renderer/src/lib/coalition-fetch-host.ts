/**
 * Coalition fetch in the browser build, which has no main process to carry requests. The page
 * never fetches a coalition's server itself (its CSP allows only 'self'): without a host,
 * every request is refused. The e2e harness exposes a host that runs main's own fetcher
 * (test/helpers/coalition-fetch-host.ts), so tests reach their server only through it.
 *
 * A long answer's body comes in parts, a host call each: each call's result reaches the page
 * as a DevTools message that it parses in one task (half a megabyte took it 10–15 ms, where
 * main's IPC reply in the desktop app is a structured clone).
 */
import type {
  CoalitionFetchOutcome,
  CoalitionFetchRequest,
  CoalitionRemote,
  IpcResult,
} from '@shared/ipc';
import { errorText } from './error-text';

/** A host's answer: a response's body may hold only its first part of `parts.count`. */
export type HostFetchOutcome = CoalitionFetchOutcome & {
  parts?: { id: number; count: number };
};

/** What the e2e harness exposes to play main's coalition fetch. */
export interface CoalitionFetchHost {
  (operation: 'set-origins', remotes: CoalitionRemote[]): Promise<null>;
  (operation: 'fetch', request: CoalitionFetchRequest): Promise<HostFetchOutcome>;
  (operation: 'body-part', part: { id: number; index: number }): Promise<string>;
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
    coalitionFetch: (request) =>
      call(async () => (host ? await hostFetch(host, request) : NO_HOST)),
  };
}

async function hostFetch(
  host: CoalitionFetchHost,
  request: CoalitionFetchRequest,
): Promise<CoalitionFetchOutcome> {
  const { parts, ...outcome } = await host('fetch', request);
  if (!parts || outcome.kind !== 'response') return outcome;
  const body = [outcome.body];
  for (let index = 1; index < parts.count; index++)
    body.push(await host('body-part', { id: parts.id, index }));
  return { ...outcome, body: body.join('') };
}
