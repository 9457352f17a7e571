import { describe, expect, it } from 'vitest';
import type { CoalitionFetchOutcome } from '@shared/ipc';
import {
  CoalitionFetchError,
  forwardingFetch,
  toFetchRequest,
  toResponse,
} from '@renderer/app/coalition-sync/replica-fetch';

const URL_ = 'http://127.0.0.1:5984/coalition-a/_bulk_docs';

describe("the replica's requests as messages", () => {
  it('turns a Fetch API call into a plain request, headers included', () => {
    const headers = new Headers({ 'Content-Type': 'application/json', Authorization: 'Basic x' });
    expect(toFetchRequest(URL_, { method: 'post', headers, body: '{"docs":[]}' })).toEqual({
      url: URL_,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic x' },
      body: '{"docs":[]}',
    });
    expect(toFetchRequest(new URL(URL_))).toMatchObject({ method: 'GET', body: null });
  });

  it('refuses methods and bodies main does not carry, as a fetch failure', () => {
    expect(() => toFetchRequest(URL_, { method: 'DELETE' })).toThrow(CoalitionFetchError);
    expect(() => toFetchRequest(URL_, { method: 'PUT', body: new Uint8Array(2) })).toThrow(
      /only JSON text/,
    );
    // PouchDB treats a TypeError as the network failing, and retries.
    expect(() => toFetchRequest(URL_, { method: 'DELETE' })).toThrow(TypeError);
  });

  it("turns main's answer into a Response, and its failure into a typed TypeError", async () => {
    const ok = toResponse(
      {
        kind: 'response',
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: '[]',
      },
      'POST',
    );
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual([]);
    expect(toResponse({ kind: 'response', status: 204, headers: {}, body: '' }, 'GET').body).toBe(
      null,
    );
    const failed = () =>
      toResponse({ kind: 'failure', problem: 'unreachable', message: 'ECONNREFUSED' }, 'GET');
    expect(failed).toThrow(
      expect.objectContaining({ problem: 'unreachable', name: 'CoalitionFetchError' }),
    );
  });

  it('rejects at once when aborted, and reports every answer', async () => {
    const seen: CoalitionFetchOutcome[] = [];
    const answer: CoalitionFetchOutcome = {
      kind: 'response',
      status: 200,
      headers: {},
      body: '{}',
    };
    let release: (outcome: CoalitionFetchOutcome) => void = () => undefined;
    const fetch = forwardingFetch(
      () => new Promise((resolve) => (release = resolve)),
      (outcome) => seen.push(outcome),
    );
    const controller = new AbortController();
    const pending = fetch(URL_, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    release(answer);
    const next = fetch(URL_);
    release(answer);
    expect((await next).status).toBe(200);
    expect(seen).toEqual([answer]);
  });
});
