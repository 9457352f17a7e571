/**
 * One replica in the worker (PouchDB in memory instead of IndexedDB) against a real
 * CouchDB-compatible server on 127.0.0.1, its requests through main's fetcher.
 */
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
});
