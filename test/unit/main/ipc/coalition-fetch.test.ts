import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IpcChannel, type CoalitionFetchOutcome, type IpcResult } from '@shared/ipc';
import { CoalitionFetcher } from '@main/coalition-fetcher';
import { registerCoalitionFetch } from '@main/ipc/coalition-fetch';
import { resetElectronDouble, type BrowserWindow } from '../../../helpers/electron-double';
import { startCouchServer, testPouch, type CouchServer } from '../../../helpers/couch-server';
import { eventFrom, FOREIGN_SENDERS, invoke, openWindow, trusted } from './windows';

type Outcome = IpcResult<CoalitionFetchOutcome>;

let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouchServer();
});
afterAll(() => couch.stop());

/** A plain server that answers as `answer` says, remembering the headers it was sent. */
async function plainServer(
  answer: (url: string, response: ServerResponse) => void,
): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers);
    answer(request.url ?? '/', response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, server };
}

describe('coalition fetch IPC', () => {
  let window: BrowserWindow;
  let event: ReturnType<typeof eventFrom>;
  let database: string;
  let n = 0;
  const open = (remotes: { url: string; database: string }[]) =>
    invoke(IpcChannel.setCoalitionOrigins, event, remotes);
  const send = (
    url: string,
    method: 'GET' | 'HEAD' | 'POST' | 'PUT' = 'GET',
    body: string | null = null,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => invoke(IpcChannel.coalitionFetch, event, { url, method, headers, body }) as Promise<Outcome>;

  beforeEach(() => {
    resetElectronDouble();
    window = openWindow();
    event = eventFrom(window);
    database = `coalition-${n++}`;
  });

  it('carries requests to a registered database and hands back status and body', async () => {
    registerCoalitionFetch(trusted);
    expect(await open([{ url: couch.url, database }])).toEqual({ ok: true, value: null });
    const created = await send(`${couch.url}/${database}`, 'PUT');
    expect(created).toMatchObject({ ok: true, value: { kind: 'response', status: 201 } });
    const put = await send(`${couch.url}/${database}/doc-1`, 'PUT', '{"data":"c2VhbGVk"}');
    expect(put).toMatchObject({ ok: true, value: { kind: 'response', status: 201 } });
    const got = await send(`${couch.url}/${database}/doc-1`, 'GET', null, {
      accept: 'application/json',
    });
    expect(got).toMatchObject({
      ok: true,
      value: { kind: 'response', status: 200, headers: { 'content-type': 'application/json' } },
    });
    expect(JSON.parse((got as { value: { body: string } }).value.body)).toMatchObject({
      _id: 'doc-1',
      data: 'c2VhbGVk',
    });
  });

  it('is all PouchDB replication needs: a replica syncs both ways through it', async () => {
    const fetcher = registerCoalitionFetch(trusted);
    await open([{ url: couch.url, database }]);
    const Pouch = testPouch();
    const viaMain = async (url: string | Request, init?: RequestInit): Promise<Response> => {
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
      const outcome = await fetcher.fetch({
        url: String(url),
        method: (init?.method ?? 'GET') as 'GET',
        headers,
        body: typeof init?.body === 'string' ? init.body : null,
      });
      if (outcome.kind === 'failure') throw new TypeError(outcome.message);
      return new Response(outcome.body, { status: outcome.status, headers: outcome.headers });
    };
    const remote = new Pouch(`${couch.url}/${database}`, { fetch: viaMain });
    const a = new Pouch(`a-${database}`, { adapter: 'memory' });
    const b = new Pouch(`b-${database}`, { adapter: 'memory' });
    await a.bulkDocs([
      { _id: 'x', data: 'one' },
      { _id: 'y', data: 'two' },
    ]);
    await Pouch.sync(a, remote);
    await Pouch.sync(b, remote);
    expect((await b.get('y'))['data']).toBe('two');
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('refuses what is not under a registered database, before any is registered and after []', async () => {
    registerCoalitionFetch(trusted);
    const before = await send(`${couch.url}/${database}/`);
    expect(before).toMatchObject({ ok: true, value: { kind: 'failure', problem: 'refused' } });
    await open([{ url: couch.url, database }]);
    for (const url of [
      `${couch.url}/other-database/`,
      `${couch.url}/_all_dbs`,
      `${couch.url}/${database}/../_users`,
      `http://localhost:${new URL(couch.url).port}/${database}/`,
    ]) {
      const outcome = await send(url);
      expect(outcome, url).toMatchObject({ ok: true, value: { problem: 'refused' } });
    }
    await open([]);
    const after = await send(`${couch.url}/${database}/`);
    expect(after).toMatchObject({ ok: true, value: { kind: 'failure', problem: 'refused' } });
  });

  it('forgets the databases when the page navigates or reloads, not on a route change', async () => {
    registerCoalitionFetch(trusted);
    await open([{ url: couch.url, database }]);
    window.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    const routed = await send(`${couch.url}/`);
    expect(routed).toMatchObject({ ok: true, value: { kind: 'response', status: 200 } });
    window.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    const reloaded = await send(`${couch.url}/`);
    expect(reloaded).toMatchObject({ ok: true, value: { problem: 'refused' } });
  });

  it('refuses to register plain http to another machine, or a URL with credentials', async () => {
    registerCoalitionFetch(trusted);
    for (const url of ['http://couch.example.org', 'https://admin:pw@couch.example.org']) {
      const result = await open([{ url, database: 'coalition-a' }]);
      expect(result, url).toMatchObject({ ok: false, error: { code: 'failed' } });
    }
    expect(await open([{ url: couch.url, database: '_users' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('refuses methods it does not carry and malformed requests', async () => {
    registerCoalitionFetch(trusted);
    await open([{ url: couch.url, database }]);
    for (const request of [
      { url: `${couch.url}/${database}`, method: 'DELETE', headers: {}, body: null },
      { url: `${couch.url}/${database}`, method: 'GET', headers: { 'x\n': 'y' }, body: null },
      { url: `${couch.url}/${database}`, method: 'GET', headers: { a: 'b\r\nc: d' }, body: null },
      { url: `${couch.url}/${database}`, method: 'GET', headers: {}, body: new Uint8Array(1) },
      { url: `${couch.url}/${database}`, method: 'GET', headers: {}, body: null, mode: 'x' },
    ]) {
      const result = await invoke(IpcChannel.coalitionFetch, event, request);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });

  it.each(FOREIGN_SENDERS)('refuses %s', async (_label, url, parent) => {
    registerCoalitionFetch(trusted);
    await open([{ url: couch.url, database }]);
    const foreign = eventFrom(window, url, parent);
    const request = { url: `${couch.url}/${database}/`, method: 'GET', headers: {}, body: null };
    expect(await invoke(IpcChannel.coalitionFetch, foreign, request)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await invoke(IpcChannel.setCoalitionOrigins, foreign, [])).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  describe('against a plain server', () => {
    let plain: Awaited<ReturnType<typeof plainServer>>;
    afterEach(() => new Promise<void>((resolve) => plain.server.close(() => resolve())));

    it('carries only accept, content-type and authorization', async () => {
      plain = await plainServer((_url, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'a=b' });
        response.end('{}');
      });
      registerCoalitionFetch(trusted);
      await open([{ url: plain.url, database: 'db' }]);
      const outcome = await send(`${plain.url}/db/`, 'GET', null, {
        accept: 'application/json',
        authorization: 'Basic dTpw',
        cookie: 'session=1',
        'x-forwarded-for': '10.0.0.1',
      });
      expect(outcome).toEqual({
        ok: true,
        value: {
          kind: 'response',
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{}',
        },
      });
      expect(plain.seen[0]).toMatchObject({
        accept: 'application/json',
        authorization: 'Basic dTpw',
      });
      expect(plain.seen[0]).not.toHaveProperty('cookie');
      expect(plain.seen[0]).not.toHaveProperty('x-forwarded-for');
      expect(plain.seen[0]).not.toHaveProperty('origin');
    });

    it('follows no redirect', async () => {
      plain = await plainServer((_url, response) => {
        response.writeHead(302, { location: 'https://evil.example/db/' });
        response.end();
      });
      registerCoalitionFetch(trusted);
      await open([{ url: plain.url, database: 'db' }]);
      expect(await send(`${plain.url}/db/`)).toMatchObject({
        ok: true,
        value: { kind: 'failure', problem: 'refused', message: expect.stringContaining('evil') },
      });
      expect(plain.seen).toHaveLength(1);
    });

    it('refuses an answer over the size limit', async () => {
      plain = await plainServer((_url, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`"${'x'.repeat(4096)}"`);
      });
      registerCoalitionFetch(trusted, new CoalitionFetcher({ maxResponseBytes: 1024 }));
      await open([{ url: plain.url, database: 'db' }]);
      expect(await send(`${plain.url}/db/`)).toMatchObject({
        ok: true,
        value: { kind: 'failure', problem: 'too-large' },
      });
    });

    it('gives up after its timeout', async () => {
      plain = await plainServer(() => undefined);
      registerCoalitionFetch(trusted, new CoalitionFetcher({ timeoutMs: 200 }));
      await open([{ url: plain.url, database: 'db' }]);
      expect(await send(`${plain.url}/db/_changes?feed=longpoll`)).toMatchObject({
        ok: true,
        value: { kind: 'failure', problem: 'timeout' },
      });
      plain.server.closeAllConnections();
    });

    it('aborts what is in flight when sharing stops', async () => {
      plain = await plainServer(() => undefined);
      registerCoalitionFetch(trusted);
      await open([{ url: plain.url, database: 'db' }]);
      const pending = send(`${plain.url}/db/_changes?feed=longpoll`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await open([]);
      expect(await pending).toMatchObject({
        ok: true,
        value: { kind: 'failure', problem: 'refused', message: expect.stringContaining('stopped') },
      });
      plain.server.closeAllConnections();
    });

    it('tells a failed TLS handshake from an unreachable server', async () => {
      plain = await plainServer((_url, response) => response.end('{}'));
      const port = new URL(plain.url).port;
      registerCoalitionFetch(trusted);
      await open([{ url: `https://127.0.0.1:${port}`, database: 'db' }]);
      expect(await send(`https://127.0.0.1:${port}/db/`)).toMatchObject({
        ok: true,
        value: { kind: 'failure', problem: 'tls' },
      });
      await new Promise<void>((resolve) => plain.server.close(() => resolve()));
      plain = await plainServer(() => undefined);
      await open([{ url: `http://127.0.0.1:${port}`, database: 'db' }]);
      expect(await send(`http://127.0.0.1:${port}/db/`)).toMatchObject({
        ok: true,
        value: {
          kind: 'failure',
          problem: 'unreachable',
          message: expect.stringContaining('ECONNREFUSED'),
        },
      });
    });
  });
});
