/**
 * One replica in the worker (PouchDB in memory instead of IndexedDB) against a real
 * CouchDB-compatible server on 127.0.0.1, its requests through main's fetcher.
 */
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PouchDB from 'pouchdb-core';
import { allowedRemote } from '@main/coalition-remotes';
import { CoalitionFetcher } from '@main/coalition-fetcher';
import type { ReplicaStatus } from '@renderer/app/coalition-sync/messages';
import { Replica } from '@renderer/app/coalition-sync/replica';
import { startCouchServer, testPouch, type CouchServer } from '../../../../helpers/couch-server';

let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouchServer();
});
afterAll(() => couch.stop());

async function until(what: string, check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** PouchDB whose local databases tell each live changes listener's event to `heard`. */
function listenedPouch(heard: () => void): PouchDB.Static {
  return new Proxy(testPouch(), {
    construct(target, args: [string, PouchDB.DatabaseOptions]) {
      const db = new target(...args);
      if (args[1].adapter !== 'memory') return db;
      const changes = db.changes.bind(db) as (options: { live?: boolean }) => unknown;
      Object.assign(db, {
        changes: (options: { live?: boolean }) => {
          const feed = changes(options);
          if (options.live)
            (feed as { on(event: 'change', listener: () => void): unknown }).on('change', heard);
          return feed;
        },
      });
      return db;
    },
  });
}

describe('Replica', () => {
  it('reads none of the documents it receives back while replicating, and counts a local change once done', async () => {
    const database = 'replica-listener';
    await couch.createDatabase(database);
    const server = new (testPouch())(couch.databaseUrl(database));
    await server.bulkDocs(Array.from({ length: 600 }, (_, index) => ({ _id: `doc-${index}` })));
    const fetcher = new CoalitionFetcher();
    fetcher.setRemotes([allowedRemote({ url: couch.url, database })]);
    const statuses: ReplicaStatus[] = [];
    let heardWhileSyncing = 0;
    let heard = 0;
    const replica = new Replica({
      Pouch: listenedPouch(() => {
        heard += 1;
        if (statuses.at(-1)?.state === 'syncing') heardWhileSyncing += 1;
      }),
      local: { adapter: 'memory', prefix: 'replica-test-' },
      coalitionId: 'listener',
      remote: { url: couch.url, database, username: '', password: '' },
      send: (request) => fetcher.fetch(request),
      report: (status) => statuses.push(status),
    });
    await replica.start(false);
    expect(statuses.at(-1)).toMatchObject({ state: 'synced', received: 600, pending: 0 });
    // The documents arrived in two batches: the counting listener heard none of them.
    expect(heardWhileSyncing).toBe(0);
    expect(heard).toBe(0);
    // Between replications it listens again: a change written now is waiting.
    await replica.local.bulkDocs([{ _id: 'written-here' }]);
    await until('one change waiting', () => statuses.at(-1)?.pending === 1);
    expect(heard).toBe(1);
    await replica.stop();
    await server.destroy();
  });

  it("hands each batch to the engine once the batch's checkpoint is written", async () => {
    const database = 'replica-checkpoint-gate';
    await couch.createDatabase(database);
    const server = new (testPouch())(couch.databaseUrl(database));
    await server.bulkDocs(Array.from({ length: 1200 }, (_, index) => ({ _id: `doc-${index}` })));
    const fetcher = new CoalitionFetcher();
    fetcher.setRemotes([allowedRemote({ url: couch.url, database })]);
    let checkpoints = 0;
    const batches: { documents: number; checkpointsBefore: number }[] = [];
    const statuses: ReplicaStatus[] = [];
    // Counts the pull half's written checkpoints, heard before the replica hears them.
    const Pouch = new Proxy(testPouch(), {
      get: (target, name, receiver) =>
        name === 'sync'
          ? (...args: Parameters<PouchDB.Static['sync']>) => {
              const handler = target.sync(...args);
              handler.pull?.on('checkpoint', (info) => {
                if (info.checkpoint !== undefined) checkpoints += 1;
              });
              return handler;
            }
          : Reflect.get(target, name, receiver),
    });
    const replica = new Replica({
      Pouch,
      local: { adapter: 'memory', prefix: 'replica-test-' },
      coalitionId: 'checkpoint-gate',
      remote: { url: couch.url, database, username: '', password: '' },
      send: (request) => fetcher.fetch(request),
      report: (status) => statuses.push(status),
      engine: {
        beforeSync: async () => undefined,
        localEdit: async () => undefined,
        refusedCount: () => 0,
        receivedCampaigns: () => [],
        received: async (_replica, ids) => {
          batches.push({ documents: ids.length, checkpointsBefore: checkpoints });
        },
      },
    });
    // Live: the engine takes the batches while the replication runs (a one-off start waits).
    replica.live = true;
    await replica.start(true);
    await until('three batches', () => batches.length === 3);
    await replica.stop();
    expect(batches.map((batch) => batch.documents)).toEqual([500, 500, 200]);
    batches.forEach((batch, index) => expect(batch.checkpointsBefore).toBeGreaterThan(index));
    await server.destroy();
  });

  /** A live replica of a server database holding `count` documents; requests are noted. */
  async function liveReplica(database: string, count: number) {
    await couch.createDatabase(database);
    const server = new (testPouch())(couch.databaseUrl(database));
    await server.bulkDocs(Array.from({ length: count }, (_, index) => ({ _id: `doc-${index}` })));
    const fetcher = new CoalitionFetcher();
    fetcher.setRemotes([allowedRemote({ url: couch.url, database })]);
    const requests: string[] = [];
    const statuses: ReplicaStatus[] = [];
    const replica = new Replica({
      Pouch: testPouch(),
      local: { adapter: 'memory', prefix: 'replica-test-' },
      coalitionId: database,
      remote: { url: couch.url, database, username: '', password: '' },
      send: (request) => {
        requests.push(request.url);
        return fetcher.fetch(request);
      },
      report: (status) => statuses.push(status),
    });
    replica.live = true;
    const synced = () =>
      until('synced', () => {
        const last = statuses.at(-1);
        return last?.state === 'synced' && last.received === count;
      });
    return { server, replica, requests, statuses, synced };
  }

  it('live: catches up once, then pushes from after what it received (no revs_diff for it)', async () => {
    const { server, replica, requests, statuses, synced } = await liveReplica('replica-live', 600);
    await replica.start(true);
    await synced();
    expect(requests.filter((url) => url.includes('_revs_diff'))).toEqual([]);
    // The live push still sends what is written here afterwards.
    await replica.local.bulkDocs([{ _id: 'written-here' }]);
    await until('sent', () => (statuses.at(-1)?.sent ?? 0) === 1);
    expect((await server.get('written-here'))._id).toBe('written-here');
    await replica.stop();
    await server.destroy();
  });

  it('live: a document written while catching up is pushed all the same', async () => {
    const { server, replica, statuses, synced } = await liveReplica('replica-live-written', 600);
    let wrote: Promise<unknown> | undefined;
    const report = statuses.push.bind(statuses);
    statuses.push = (...added: ReplicaStatus[]) => {
      // Written after the first batch arrived: the one-off push has finished by then.
      if (!wrote && added.some((status) => status.received > 0))
        wrote = replica.local.bulkDocs([{ _id: 'written-meanwhile' }]);
      return report(...added);
    };
    await replica.start(true);
    await synced();
    await wrote;
    await until('sent', () => (statuses.at(-1)?.sent ?? 0) >= 1);
    expect((await server.get('written-meanwhile'))._id).toBe('written-meanwhile');
    await replica.stop();
    await server.destroy();
  });

  it('says it is syncing while documents arrive, even after its replication said it had caught up', async () => {
    // A live replication says 'active' only when it resumes: its first documents may come
    // after a one-off pass ended 'synced' (seen in the app's receive of a whole campaign).
    const handler = Object.assign(new EventEmitter(), {
      cancel: () => undefined,
      then: (done: (value: unknown) => unknown) => finished.then(done),
    });
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const Pouch = new Proxy(testPouch(), {
      get: (target, name, receiver) =>
        name === 'sync' ? () => handler : Reflect.get(target, name, receiver),
    });
    const statuses: ReplicaStatus[] = [];
    const replica = new Replica({
      Pouch,
      local: { adapter: 'memory', prefix: 'replica-test-' },
      coalitionId: 'paused-then-change',
      remote: { url: couch.url, database: 'unused', username: '', password: '' },
      send: () => Promise.reject(new Error('no request expected')),
      report: (status) => statuses.push(status),
    });
    const started = replica.start(false);
    await until('the replication listened to', () => handler.listenerCount('change') > 0);
    handler.emit('paused');
    await until('synced', () => statuses.at(-1)?.state === 'synced');
    handler.emit('change', { direction: 'pull', change: { docs: [{ _id: 'a' }, { _id: 'b' }] } });
    expect(statuses.at(-1)).toMatchObject({ state: 'syncing', received: 2 });
    finish();
    await started;
    expect(statuses.at(-1)).toMatchObject({ state: 'synced', received: 2 });
    await replica.stop();
  });
});
