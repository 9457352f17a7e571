/**
 * The page's client, the worker's hub (in process, PouchDB in memory instead of IndexedDB),
 * main's fetcher and a real CouchDB-compatible server on 127.0.0.1: the whole path a
 * replication request takes, but Electron's IPC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoalitionRemote } from '@shared/ipc';
import { allowedRemote } from '@main/coalition-remotes';
import { CoalitionFetcher } from '@main/coalition-fetcher';
import type {
  ReplicaCommand,
  ReplicaEvent,
  ReplicaStatus,
} from '@renderer/app/coalition-sync/messages';
import { replicaHub } from '@renderer/app/coalition-sync/replica-hub';
import { RotationError } from '@renderer/app/coalition-sync/rotation-error';
import { replicaDatabaseName } from '@renderer/lib/replica-databases';
import {
  CoalitionSyncClient,
  type ReplicaWorker,
  type WorkspaceHandler,
} from '@renderer/app/coalition-sync/sync-client';
import {
  deriveCoalitionKeys,
  newCoalitionKey,
  type CoalitionKeys,
} from '@core/coalition/coalition-key';
import { BundleError, type CoalitionSyncConfig, type MemoryWorkspace } from '@core/coalition/sync';
import { argon2idWithWasm } from '@shared/argon2id-wasm';
import type { Argon2idDeriver } from '@core/crypto/kdf';
import { startCouchServer, testPouch, type CouchServer } from '../../../../helpers/couch-server';
import {
  ARABIC_MARKER,
  LATIN_MARKER,
  seededWorkspace,
} from '../../../core/coalition/sync/fixtures';

let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouchServer();
});
afterAll(() => couch.stop());

let laptops = 0;

/** One laptop: a client over an in-process worker, and main's fetcher as its bridge. */
function laptop({
  mainAllows = true,
  workspace,
  argon2id,
}: { mainAllows?: boolean; workspace?: WorkspaceHandler; argon2id?: Argon2idDeriver } = {}) {
  const local = { adapter: 'memory', prefix: `laptop-${laptops++}-` };
  const fetcher = new CoalitionFetcher();
  const allowed: CoalitionRemote[][] = [];
  const commands: ReplicaCommand[] = [];
  let hub: ReturnType<typeof replicaHub> | undefined;
  const worker: ReplicaWorker = {
    onmessage: null,
    postMessage: (command) => {
      commands.push(command);
      void hub?.receive(structuredClone(command));
    },
    terminate: () => {
      for (const id of [...(hub?.replicas.keys() ?? [])])
        void hub?.receive({ type: 'stop', coalitionId: id });
      hub = undefined;
    },
  };
  const post = (event: ReplicaEvent) =>
    queueMicrotask(() => worker.onmessage?.({ data: structuredClone(event) } as MessageEvent));
  const client = new CoalitionSyncClient(
    () => {
      hub = replicaHub({ Pouch: testPouch(), local, post });
      return worker;
    },
    {
      setCoalitionOrigins: async (remotes) => {
        allowed.push(remotes);
        fetcher.setRemotes(mainAllows ? remotes.map(allowedRemote) : []);
        return { ok: true, value: null };
      },
      coalitionFetch: async (request) => ({ ok: true, value: await fetcher.fetch(request) }),
    },
    workspace,
    argon2id,
  );
  const statuses: ReplicaStatus[] = [];
  client.onStatus((status) => statuses.push(status));
  const replica = (id: string) => {
    const found = hub?.replicas.get(id);
    if (!found) throw new Error(`no replica ${id}`);
    return found.local;
  };
  return {
    client,
    statuses,
    allowed,
    commands,
    replica,
    hubReplica: (id: string) => hub?.replicas.get(id),
    local,
    started: () => hub !== undefined,
  };
}

async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined>,
  ms = 8000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let coalitions = 0;
const newCoalition = (live: boolean) => {
  const coalitionId = `c${coalitions++}`;
  return {
    coalitionId,
    remote: { url: couch.url, database: `coalition-${coalitionId}`, username: '', password: '' },
    live,
  };
};

/** The page's side: the workspace port carried out where the data lives. */
const hostOf =
  (key: Uint8Array<ArrayBuffer>, keys: CoalitionKeys) =>
  (workspace: MemoryWorkspace, memberId: string, shared: string[]): WorkspaceHandler =>
  async (coalitionId, request) => {
    // Memory workspaces do not track edits: every pull pushes first.
    if (request.op === 'edited') return { ok: true, value: true };
    const config: CoalitionSyncConfig = {
      coalitionId,
      key,
      memberId,
      retiredKeyIds: [],
      sharedCampaigns:
        request.op === 'snapshot'
          ? request.sharedCampaigns
          : shared.map((campaignId) => ({ campaignId, templateIds: [] })),
    };
    const value =
      request.op === 'snapshot'
        ? await workspace.snapshot(config, keys)
        : request.op === 'departures'
          ? await workspace.departures(config, keys, request.records)
          : await workspace.applyIncoming(config, keys, request.records);
    return { ok: true, value };
  };

describe('coalition sync client', () => {
  it('starts no worker and allows no server until a coalition exists', async () => {
    const a = laptop();
    await a.client.setCoalitions([]);
    expect(a.started()).toBe(false);
    expect(a.allowed).toEqual([[]]);
  });

  it('prepares its worker before a join without sending it anything, then uses that worker', async () => {
    const a = laptop();
    a.client.prepare();
    expect(a.started()).toBe(true);
    expect(a.commands).toEqual([]);
    expect(a.allowed).toEqual([]);
    const coalition = newCoalition(false);
    await a.client.setCoalitions([coalition]);
    // The prepared worker takes the start: no second worker replaced it.
    await until('the replica', () => a.hubReplica(coalition.coalitionId));
    expect(a.commands.map((command) => command.type)).toEqual(['start']);
    a.client.prepare();
    expect(a.hubReplica(coalition.coalitionId)).toBeDefined();
    await a.client.close();
  });

  it('lets a prepared worker go when the join fails, but not one that has replicas', async () => {
    const a = laptop();
    a.client.prepare();
    expect(a.started()).toBe(true);
    a.client.unprepare();
    expect(a.started()).toBe(false);
    expect(a.commands).toEqual([]);
    const coalition = newCoalition(false);
    await a.client.setCoalitions([coalition]);
    await until('the replica', () => a.hubReplica(coalition.coalitionId));
    a.client.prepare();
    a.client.unprepare();
    expect(a.hubReplica(coalition.coalitionId)).toBeDefined();
    await a.client.close();
  });

  it('replicates live between two laptops through main, and reports synced', async () => {
    const coalition = newCoalition(true);
    const [a, b] = [laptop(), laptop()];
    await a.client.setCoalitions([coalition]);
    await b.client.setCoalitions([coalition]);
    // Main may reach exactly the coalition's database, nothing else.
    expect(a.allowed).toEqual([[{ url: couch.url, database: coalition.remote.database }]]);
    await until('a synced', () => a.client.status(coalition.coalitionId)?.state === 'synced');
    await a.replica(coalition.coalitionId).bulkDocs([{ _id: 'doc-1', data: 'sealed' }]);
    const doc = await until('doc on b', () =>
      b
        .replica(coalition.coalitionId)
        .get('doc-1')
        .then(
          (found) => found,
          () => undefined,
        ),
    );
    expect(doc).toMatchObject({ data: 'sealed' });
    await until('a pushed it', () => {
      const status = a.client.status(coalition.coalitionId);
      return status?.sent === 1 && status.pending === 0 && status.state === 'synced';
    });
    // What b received is not a change of its own waiting to be sent; counted once.
    await until('b received it', () => {
      const status = b.client.status(coalition.coalitionId);
      return status?.received === 1 && status.state === 'synced' && status.pending === 0;
    });
    expect(a.client.status(coalition.coalitionId)?.syncedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await Promise.all([a.client.close(), b.client.close()]);
    expect(a.allowed.at(-1)).toEqual([]);
  });

  it('reports the server unreachable, keeps local changes waiting, and catches up on sync now', async () => {
    const coalition = newCoalition(true);
    const a = laptop();
    await a.client.setCoalitions([coalition]);
    await until('synced', () => a.client.status(coalition.coalitionId)?.state === 'synced');
    await couch.stop();
    try {
      await a.replica(coalition.coalitionId).bulkDocs([{ _id: 'offline-edit', data: 'x' }]);
      const offline = await until('offline', () => {
        const status = a.client.status(coalition.coalitionId);
        return status?.state === 'offline' && status.pending === 1 && status;
      });
      expect(offline.problem).toMatchObject({ kind: 'unreachable' });
    } finally {
      await couch.restart();
    }
    a.client.syncNow(coalition.coalitionId);
    await until('caught up', () => {
      const status = a.client.status(coalition.coalitionId);
      return status?.state === 'synced' && status.pending === 0 && status.problem === null;
    });
    await a.client.close();
  });

  it('replicates once, on sync now only, when not live', async () => {
    const coalition = newCoalition(false);
    const [a, b] = [laptop(), laptop()];
    await a.client.setCoalitions([coalition]);
    await until('a synced', () => a.client.status(coalition.coalitionId)?.state === 'synced');
    await a.replica(coalition.coalitionId).bulkDocs([{ _id: 'doc-2', data: 'sealed' }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.client.status(coalition.coalitionId)).toMatchObject({ state: 'synced', pending: 1 });
    a.client.syncNow(coalition.coalitionId);
    await until('pushed', () => a.client.status(coalition.coalitionId)?.pending === 0);
    await b.client.setCoalitions([coalition]);
    await until('b synced', () => b.client.status(coalition.coalitionId)?.state === 'synced');
    expect(await b.replica(coalition.coalitionId).get('doc-2')).toMatchObject({ data: 'sealed' });
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it('stops a coalition no longer listed, and says when main refuses the requests', async () => {
    const kept = newCoalition(true);
    const dropped = newCoalition(true);
    const a = laptop();
    await a.client.setCoalitions([kept, dropped]);
    const started = (id: string) => a.hubReplica(id);
    await until('both started', () => started(dropped.coalitionId) && started(kept.coalitionId));
    await a.replica(dropped.coalitionId).bulkDocs([{ _id: 'sealed-1', data: 'sealed' }]);
    const Pouch = testPouch();
    // PouchDB's constructor is an event emitter: it names each database destroyed.
    const emitter = Pouch as unknown as {
      once(event: string, listener: (name: string) => void): void;
    };
    const destroyed = new Promise<string>((resolve) => emitter.once('destroyed', resolve));
    await a.client.setCoalitions([kept]);
    // (Answers to the replicas' requests to the server went meanwhile: not counted.)
    const orders = a.commands.filter((command) => command.type !== 'fetch-result');
    expect(orders.map((command) => command.type)).toEqual(['start', 'start', 'stop']);
    expect(orders[2]).toEqual({ type: 'stop', coalitionId: dropped.coalitionId, forget: true });
    // A coalition left: its replica database is deleted, the other one's stays.
    expect(await destroyed).toContain(replicaDatabaseName(dropped.coalitionId));
    const reopened = new Pouch(replicaDatabaseName(dropped.coalitionId), a.local);
    expect((await reopened.info()).doc_count).toBe(0);
    await reopened.destroy();
    expect(a.hubReplica(kept.coalitionId)).toBeDefined();
    await a.client.close();
    // Main refuses every request (as for a database it was not told of): said as such.
    const refused = laptop({ mainAllows: false });
    const coalition = newCoalition(false);
    await refused.client.setCoalitions([coalition]);
    const status = await until('refused', () => {
      const found = refused.client.status(coalition.coalitionId);
      return found?.state === 'offline' && found;
    });
    expect(status.problem).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('Not sent'),
    });
    // A replication that ended on a refused request is not taken for caught up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(refused.statuses.map((found) => found.state)).not.toContain('synced');
    await refused.client.close();
  });

  it('with the engine: a shared campaign reaches the other workspace, edits travel back, the server holds only sealed documents', async () => {
    const key = newCoalitionKey();
    const keys = await deriveCoalitionKeys(key);
    const seeded = seededWorkspace();
    const b = { workspace: new (seeded.workspace.constructor as typeof MemoryWorkspace)() };
    const host = hostOf(key, keys);
    const coalition = newCoalition(true);
    const sync = (memberId: string, shared: string[]) => ({
      ...coalition,
      sync: {
        key,
        memberId,
        retiredKeyIds: [],
        sharedCampaigns: shared.map((campaignId) => ({ campaignId, templateIds: [] })),
      },
    });
    const a = laptop({ workspace: host(seeded.workspace, 'member-a', [seeded.campaign.id]) });
    const bLaptop = laptop({ workspace: host(b.workspace, 'member-b', []) });
    await a.client.setCoalitions([sync('member-a', [seeded.campaign.id])]);
    await bLaptop.client.setCoalitions([sync('member-b', [])]);
    // Documents may arrive in more than one batch: wait for the campaign too.
    const target = await until(
      'the target and campaign on b',
      () =>
        b.workspace.records().campaigns.length > 0 &&
        b.workspace.records().targets.find((found) => found.id === seeded.target.id),
    );
    expect(target.stance).toBe('undecided');
    expect(b.workspace.records().campaigns.map((found) => found.name)).toEqual([
      seeded.campaign.name,
    ]);
    // b edits the stance; the engine seals it on a local edit and live replication carries it.
    b.workspace.put('targets', {
      ...target,
      stance: 'supportive',
      updatedAt: new Date().toISOString(),
    });
    bLaptop.client.localEdit();
    await until(
      'the stance on a',
      () =>
        seeded.workspace.records().targets.find((found) => found.id === seeded.target.id)
          ?.stance === 'supportive',
    );
    const stored = await fetch(
      `${couch.url}/${coalition.remote.database}/_all_docs?include_docs=true`,
    );
    const text = await stored.text();
    expect(text).toContain('"rows"');
    expect(text).not.toContain(LATIN_MARKER);
    expect(text).not.toContain(ARABIC_MARKER);
    expect(text).not.toContain(seeded.campaign.name);
    await Promise.all([a.client.close(), bLaptop.client.close()]);
  });

  it('removing a member: the replica sealed again under the new key goes to the new database, a missing one changes nothing', async () => {
    const key = newCoalitionKey();
    const keys = await deriveCoalitionKeys(key);
    const seeded = seededWorkspace();
    const coalition = newCoalition(true);
    const config = {
      key,
      memberId: 'member-a',
      retiredKeyIds: [],
      sharedCampaigns: [{ campaignId: seeded.campaign.id, templateIds: [] }],
    };
    const a = laptop({
      workspace: hostOf(key, keys)(seeded.workspace, 'member-a', [seeded.campaign.id]),
    });
    await a.client.setCoalitions([{ ...coalition, sync: config }]);
    const oldDatabase = `${couch.url}/${coalition.remote.database}`;
    const count = async (url: string) =>
      ((await (await fetch(`${url}/_all_docs`)).json()) as { rows: unknown[] }).rows.length;
    const shared = await until('the shared documents on the server', async () => {
      const n = await count(oldDatabase).catch(() => 0);
      return n > 0 ? n : undefined;
    });

    const newKey = newCoalitionKey();
    const newKeys = await deriveCoalitionKeys(newKey);
    const rotated = { ...config, key: newKey, retiredKeyIds: [keys.keyId] };
    const missing = { ...coalition.remote, database: `${coalition.remote.database}-missing` };
    const failed = await a.client
      .rotate(coalition.coalitionId, rotated, missing)
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(RotationError);
    expect(failed).toMatchObject({
      stage: 'push',
      problem: 'no-database',
      where: { url: couch.url, database: missing.database },
    });
    // Main may reach the old database only again; the old replica goes on.
    expect(a.allowed.at(-1)).toEqual([{ url: couch.url, database: coalition.remote.database }]);

    const next = { ...coalition.remote, database: `${coalition.remote.database}-2` };
    await couch.createDatabase(next.database);
    const moved = await a.client.rotate(coalition.coalitionId, rotated, next);
    expect(moved).toEqual({ documents: shared, refused: 0 });
    const stored = (await (
      await fetch(`${couch.url}/${next.database}/_all_docs?include_docs=true`)
    ).json()) as { rows: { doc: { key: string } }[] };
    expect(stored.rows).toHaveLength(shared);
    expect(new Set(stored.rows.map((row) => row.doc.key))).toEqual(new Set([newKeys.keyId]));
    expect(JSON.stringify(stored)).not.toContain(LATIN_MARKER);

    // Had storing the key failed: the new replica goes, the old one replicates again.
    const reports = () => a.statuses.filter((s) => s.coalitionId === coalition.coalitionId);
    const before = reports().length;
    a.client.discardRotation(coalition.coalitionId, newKeys.keyId);
    await until('the old replica replicating again', () =>
      reports()
        .slice(before)
        .some((s) => s.state === 'synced'),
    );
    const Pouch = testPouch();
    const leftover = new Pouch(replicaDatabaseName(coalition.coalitionId, newKeys.keyId), a.local);
    expect((await leftover.info()).doc_count).toBe(0);
    await leftover.destroy();

    // Rotated again (to another database, the last one holding these ids already) and stored:
    // the replica moves to the one the rotation filled.
    const third = { ...coalition.remote, database: `${coalition.remote.database}-3` };
    await couch.createDatabase(third.database);
    expect(await a.client.rotate(coalition.coalitionId, rotated, third)).toEqual(moved);
    const switched = reports().length;
    await a.client.setCoalitions([{ ...coalition, remote: third, sync: rotated }]);
    // Between the old replica's stop and the new one's start the hub holds none.
    await until('the replica under the new key', () =>
      a.hubReplica(coalition.coalitionId)?.local.name.includes(newKeys.keyId),
    );
    const filled = await a.replica(coalition.coalitionId).allDocs();
    expect(filled.rows.filter((row) => !row.id.startsWith('_'))).toHaveLength(shared);
    // Everything the rotation sealed is on the new database already: nothing is ever waiting.
    await until('synced under the new key', () =>
      reports()
        .slice(switched)
        .some((s) => s.state === 'synced'),
    );
    expect(
      reports()
        .slice(switched)
        .flatMap((s) => (s.pending ? [s.pending] : [])),
    ).toEqual([]);
    await a.client.close();
  });

  it('files only: a bundle made in one worker is taken in by another, and a wrong passphrase is refused', async () => {
    const key = newCoalitionKey();
    const host = hostOf(key, await deriveCoalitionKeys(key));
    const seeded = seededWorkspace();
    const other = new (seeded.workspace.constructor as typeof MemoryWorkspace)();
    // The page computes the bundle's Argon2id (appArgon2id in the app); counted to prove it.
    let derivations = 0;
    const argon2id: Argon2idDeriver = (request) => {
      derivations += 1;
      return argon2idWithWasm(request);
    };
    const filesOnly = (memberId: string, shared: string[]) => ({
      coalitionId: `files-${coalitions++}`,
      live: false,
      sync: {
        key,
        memberId,
        retiredKeyIds: [],
        sharedCampaigns: shared.map((campaignId) => ({ campaignId, templateIds: [] })),
      },
    });
    const aCoalition = filesOnly('member-a', [seeded.campaign.id]);
    const a = laptop({
      workspace: host(seeded.workspace, 'member-a', [seeded.campaign.id]),
      argon2id,
    });
    const b = laptop({ workspace: host(other, 'member-b', []), argon2id });
    await a.client.setCoalitions([aCoalition]);
    await b.client.setCoalitions([
      { ...filesOnly('member-b', []), coalitionId: aCoalition.coalitionId },
    ]);
    // No server: main may reach nothing.
    expect(a.allowed).toEqual([[]]);
    const bundle = await a.client.exportBundle(aCoalition.coalitionId, seeded.campaign.id);
    expect(bundle.documents).toBeGreaterThan(0);
    expect(bundle.file).not.toContain(seeded.campaign.name);
    const wrong = await b.client
      .importBundle(aCoalition.coalitionId, bundle.file, 'not the passphrase')
      .catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(BundleError);
    expect((wrong as BundleError).problem).toBe('wrong-passphrase');
    expect(other.records().campaigns).toEqual([]);
    const received = await b.client.importBundle(
      aCoalition.coalitionId,
      bundle.file,
      bundle.passphrase,
    );
    expect(received).toBe(bundle.documents);
    expect(other.records().campaigns.map((found) => found.name)).toEqual([seeded.campaign.name]);
    expect(derivations).toBeGreaterThanOrEqual(2);
    await Promise.all([a.client.close(), b.client.close()]);
  });
});
