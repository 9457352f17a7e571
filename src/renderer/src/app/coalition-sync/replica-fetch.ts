/**
 * The replica's HTTP requests, as PouchDB's HTTP adapter makes them (its `fetch` option), sent
 * as messages instead: the adapter's Fetch API call becomes a plain request for main, main's
 * answer becomes a Response again. A request main could not make fails as fetch does (a
 * TypeError), so PouchDB retries it like any network failure.
 */
import type {
  CoalitionFetchOutcome,
  CoalitionFetchProblem,
  CoalitionFetchRequest,
} from '@shared/ipc';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT']);
/** Statuses whose Response may have no body (the constructor throws otherwise). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** Why the last request failed, for the replica's status. */
export class CoalitionFetchError extends TypeError {
  override name = 'CoalitionFetchError';
  constructor(
    readonly problem: CoalitionFetchProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The plain request for main; throws a CoalitionFetchError for what main would not carry. */
export function toFetchRequest(
  input: string | URL | Request,
  init?: RequestInit,
): CoalitionFetchRequest {
  const url = input instanceof Request ? input.url : String(input);
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (!METHODS.has(method)) {
    throw new CoalitionFetchError('refused', `Not sent: ${method} requests are not carried.`);
  }
  const body = init?.body ?? null;
  if (body !== null && typeof body !== 'string') {
    throw new CoalitionFetchError('refused', 'Not sent: only JSON text bodies are carried.');
  }
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  return { url, method: method as CoalitionFetchRequest['method'], headers, body };
}

export function toResponse(outcome: CoalitionFetchOutcome, method: string): Response {
  if (outcome.kind === 'failure') throw new CoalitionFetchError(outcome.problem, outcome.message);
  const empty = NULL_BODY.has(outcome.status) || method === 'HEAD';
  return new Response(empty ? null : outcome.body, {
    status: outcome.status,
    headers: outcome.headers,
  });
}

/**
 * A fetch for PouchDB that sends each request through `send` (to the page, then main). An
 * aborted signal rejects at once; main's own timeout ends the request there.
 */
export function forwardingFetch(
  send: (request: CoalitionFetchRequest) => Promise<CoalitionFetchOutcome>,
  onOutcome: (outcome: CoalitionFetchOutcome) => void = () => undefined,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = toFetchRequest(input, init);
    const signal = init?.signal;
    signal?.throwIfAborted();
    const outcome = await new Promise<CoalitionFetchOutcome>((resolve, reject) => {
      const abort = () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
      signal?.addEventListener('abort', abort, { once: true });
      send(request)
        .then(resolve, reject)
        .finally(() => signal?.removeEventListener('abort', abort));
    });
    onOutcome(outcome);
    return toResponse(outcome, request.method);
  };
}
