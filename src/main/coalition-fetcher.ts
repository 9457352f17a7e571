/**
 * The replication engine's HTTP requests, made with Node's fetch under main's checks (see
 * coalition-remotes.ts): only to the allowed databases, no redirect followed, size limits, a
 * timeout, and a typed reason when no answer came. It holds no key: what it carries is sealed.
 * No Electron here: the e2e harness runs it too (test/helpers/coalition-fetch-host.ts).
 */
import type { CoalitionFetchOutcome, CoalitionFetchRequest } from '@shared/ipc';
import { MAX_COALITION_REQUEST_BYTES, MAX_COALITION_RESPONSE_BYTES } from '@shared/ipc-schemas';
import { checkRequest, type AllowedRemote } from './coalition-remotes';

/** Longer than the engine's long poll (25 s, see the replica worker), shorter than a user's patience. */
export const COALITION_FETCH_TIMEOUT_MS = 60_000;

/** The only request headers carried: anything else (cookies, origin, proxies' headers) is dropped. */
const REQUEST_HEADERS = new Set(['accept', 'content-type', 'authorization']);
/** The only response headers handed back: the engine reads none but the type. */
const RESPONSE_HEADERS = new Set(['content-type', 'etag']);

export interface CoalitionFetchOptions {
  timeoutMs?: number;
  maxResponseBytes?: number;
}

interface InFlight {
  method: string;
  url: string;
  controller: AbortController;
}

const failure = (
  problem: Extract<CoalitionFetchOutcome, { kind: 'failure' }>['problem'],
  message: string,
): CoalitionFetchOutcome => ({ kind: 'failure', problem, message });

/** Node's fetch wraps the socket's error in `cause`; TLS failures say so in its code or text. */
function isTlsError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const text = `${String(cause?.code ?? '')} ${String(cause?.message ?? '')}`;
  return /CERT|TLS|SSL|HANDSHAKE/i.test(text);
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = cause?.code ?? cause?.message;
  return typeof detail === 'string' ? detail : error instanceof Error ? error.message : 'error';
}

async function readLimited(response: Response, limit: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class CoalitionFetcher {
  private remotes: AllowedRemote[] = [];
  private readonly inFlight = new Set<InFlight>();

  constructor(private readonly options: CoalitionFetchOptions = {}) {}

  /** Replaces the allowed databases; requests in flight to one no longer allowed are aborted. */
  setRemotes(remotes: AllowedRemote[]): void {
    this.remotes = remotes;
    for (const request of this.inFlight) {
      if (!checkRequest(request.method, request.url, remotes).allowed) request.controller.abort();
    }
  }

  async fetch(request: CoalitionFetchRequest): Promise<CoalitionFetchOutcome> {
    const verdict = checkRequest(request.method, request.url, this.remotes);
    if (!verdict.allowed) return failure('refused', `Not sent: ${verdict.reason}.`);
    if (request.body !== null && Buffer.byteLength(request.body) > MAX_COALITION_REQUEST_BYTES) {
      return failure('too-large', 'Not sent: the request is over the size limit.');
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (REQUEST_HEADERS.has(name.toLowerCase())) headers.set(name, value);
    }
    const controller = new AbortController();
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? COALITION_FETCH_TIMEOUT_MS);
    const entry: InFlight = { method: request.method, url: request.url, controller };
    this.inFlight.add(entry);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        redirect: 'manual',
        credentials: 'omit',
        signal: AbortSignal.any([controller.signal, timeout]),
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const to = response.headers.get('location') ?? 'elsewhere';
        return failure('refused', `The server redirected to ${to}: redirects are not followed.`);
      }
      const body = await readLimited(
        response,
        this.options.maxResponseBytes ?? MAX_COALITION_RESPONSE_BYTES,
      );
      if (body === null) return failure('too-large', 'The answer is over the size limit.');
      const kept: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (RESPONSE_HEADERS.has(name)) kept[name] = value;
      });
      return { kind: 'response', status: response.status, headers: kept, body };
    } catch (error) {
      if (timeout.aborted) return failure('timeout', 'The server did not answer in time.');
      if (controller.signal.aborted) {
        return failure('refused', 'Sharing with this server was stopped.');
      }
      if (isTlsError(error)) {
        return failure('tls', `The secure connection failed (${causeText(error)}).`);
      }
      return failure('unreachable', `The server could not be reached (${causeText(error)}).`);
    } finally {
      this.inFlight.delete(entry);
    }
  }
}
