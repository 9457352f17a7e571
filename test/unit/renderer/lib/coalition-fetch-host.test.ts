import { describe, expect, it, vi } from 'vitest';
import type { CoalitionFetchOutcome } from '@shared/ipc';
import { browserCoalitionFetch, type CoalitionFetchHost } from '@renderer/lib/coalition-fetch-host';

const request = {
  url: 'http://127.0.0.1:5984/coalition-a/_changes',
  method: 'GET' as const,
  headers: {},
  body: null,
};

describe('coalition fetch in the browser build', () => {
  it('refuses every request without a host: the page never fetches a server itself', async () => {
    const page = vi.spyOn(globalThis, 'fetch');
    const adapter = browserCoalitionFetch(undefined);
    expect(await adapter.setCoalitionOrigins([])).toEqual({ ok: true, value: null });
    expect(await adapter.coalitionFetch(request)).toMatchObject({
      ok: true,
      value: { kind: 'failure', problem: 'refused' },
    });
    expect(page).not.toHaveBeenCalled();
    page.mockRestore();
  });

  it("goes through the harness's host when there is one, and reports its failures", async () => {
    const answer: CoalitionFetchOutcome = {
      kind: 'response',
      status: 200,
      headers: {},
      body: '{}',
    };
    const calls: unknown[][] = [];
    const host = (async (...args: unknown[]) => {
      calls.push(args);
      if (args[0] === 'fetch') return answer;
      if ((args[1] as unknown[]).length > 1) throw new Error('too many');
      return null;
    }) as CoalitionFetchHost;
    const adapter = browserCoalitionFetch(host);
    const remotes = [{ url: 'http://127.0.0.1:5984', database: 'coalition-a' }];
    expect(await adapter.setCoalitionOrigins(remotes)).toEqual({ ok: true, value: null });
    expect(await adapter.coalitionFetch(request)).toEqual({ ok: true, value: answer });
    expect(calls).toEqual([
      ['set-origins', remotes],
      ['fetch', request],
    ]);
    expect(await adapter.setCoalitionOrigins([...remotes, ...remotes])).toEqual({
      ok: false,
      error: { code: 'failed', message: 'too many' },
    });
  });

  it('gathers a long body from its parts, one host call each, in order', async () => {
    const calls: unknown[][] = [];
    const host = (async (...args: unknown[]) => {
      calls.push(args);
      if (args[0] === 'fetch')
        return {
          kind: 'response',
          status: 200,
          headers: {},
          body: 'ab',
          parts: { id: 7, count: 3 },
        };
      const { index } = args[1] as { index: number };
      return ['ab', 'cd', 'é'][index];
    }) as CoalitionFetchHost;
    expect(await browserCoalitionFetch(host).coalitionFetch(request)).toEqual({
      ok: true,
      value: { kind: 'response', status: 200, headers: {}, body: 'abcdé' },
    });
    expect(calls).toEqual([
      ['fetch', request],
      ['body-part', { id: 7, index: 1 }],
      ['body-part', { id: 7, index: 2 }],
    ]);
  });
});
