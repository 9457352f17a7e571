import type PouchDB from 'pouchdb-core';
import { describe, expect, it } from 'vitest';
import type { CoalitionSyncConfig } from '@core/coalition/sync/ports';
import type { ReplicaDatabase } from '@core/coalition/sync/replica-database';
import { MemoryWorkspace } from '@core/coalition/sync/memory-workspace';
import {
  syncEngine,
  workspaceProxy,
  type EngineWorkspace,
} from '@renderer/app/coalition-sync/replica-engine';
import { memoryReplica } from '../../../../helpers/couch-server';
import {
  laptop,
  must,
  newCoalitionKey,
  seededWorkspace,
} from '../../../core/coalition/sync/fixtures';

/** A member's workspace whose snapshots are counted and whose "edited" answer the test sets. */
function countedWorkspace() {
  const memory = new MemoryWorkspace();
  const counts = { snapshots: 0, failNextSnapshot: false, edited: true };
  const workspace: EngineWorkspace = {
    snapshot: async (config, keys) => {
      counts.snapshots += 1;
      if (counts.failNextSnapshot) {
        counts.failNextSnapshot = false;
        throw new Error('the page did not answer');
      }
      return memory.snapshot(config, keys);
    },
    applyIncoming: (config, keys, records) => memory.applyIncoming(config, keys, records),
    departures: (config, keys, records) => memory.departures(config, keys, records),
    editedSinceSnapshot: async () => counts.edited,
  };
  return { memory, counts, workspace };
}

const engineConfig = (key: Uint8Array<ArrayBuffer>): Omit<CoalitionSyncConfig, 'coalitionId'> => ({
  key,
  memberId: 'member-b',
  retiredKeyIds: [],
  sharedCampaigns: [],
});

/** A owns the campaign; B's engine runs over a replica A's documents reach by replication. */
async function setUp() {
  const key = newCoalitionKey();
  const seeded = seededWorkspace();
  const a = await laptop('member-a', key, seeded.workspace, [seeded.campaign.id]);
  await a.replica.push();
  const b = countedWorkspace();
  const engine = syncEngine('coalition-1', engineConfig(key), b.workspace);
  const db = memoryReplica('member-b');
  const replicate = () => a.db.replicate.to(db);
  await engine.beforeSync(db as unknown as PouchDB.Database);
  return { a, b, engine, db: db as unknown as PouchDB.Database, replicate, seeded };
}

describe('the sync engine in the replica worker', () => {
  it('pulls what arrived without snapshotting the workspace when nothing was edited', async () => {
    const { a, b, engine, db, replicate, seeded } = await setUp();
    await replicate();
    b.counts.edited = false;
    const before = b.counts.snapshots;
    await engine.received(db, []);
    expect(b.memory.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');
    expect(b.counts.snapshots).toBe(before);

    // A renames the campaign; B has a local edit waiting: the pull pushes it first.
    const campaign = must(a.workspace.tables.campaigns.get(seeded.campaign.id));
    a.workspace.put('campaigns', { ...campaign, name: 'Renamed by A' });
    await a.replica.push();
    await replicate();
    b.counts.edited = true;
    await engine.received(db, []);
    expect(b.counts.snapshots).toBe(before + 1);
    expect(b.memory.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Renamed by A');
  });

  it('pushes first again after a push that failed, whatever the page says', async () => {
    const { b, engine, db, replicate } = await setUp();
    await replicate();
    b.counts.edited = false;
    await engine.received(db, []);
    b.counts.failNextSnapshot = true;
    await expect(engine.localEdit(db)).rejects.toThrow('the page did not answer');
    b.counts.edited = false;
    const before = b.counts.snapshots;
    await engine.received(db, []);
    expect(b.counts.snapshots).toBe(before + 1);
    // Settled: the next pull needs no snapshot.
    await engine.received(db, []);
    expect(b.counts.snapshots).toBe(before + 1);
  });

  it("takes a new member's batches as replicated, reading no documents from _changes again", async () => {
    const { b, engine, db, seeded, a } = await setUp();
    b.counts.edited = false;
    let reread = 0;
    const replica = db as unknown as ReplicaDatabase;
    const changes = replica.changes.bind(replica);
    replica.changes = (options) => {
      const answer = changes(options);
      if (options.include_docs && options.conflicts)
        void answer.then(({ results }) => (reread += results.length));
      return answer;
    };
    // As the replica's replication does: each batch announced in its event, pulled after.
    const pulls: Promise<void>[] = [];
    await a.db.replicate.to(replica, { batch_size: 2 }).on('change', (info) => {
      const docs = info.docs ?? [];
      const replicated = engine.replicated?.(docs);
      expect(replicated).toBeDefined();
      pulls.push(
        engine.received(
          db,
          docs.map((doc) => doc._id),
          replicated,
        ),
      );
    });
    await Promise.all(pulls);
    expect(reread).toBe(0);
    expect(b.memory.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');
    expect(b.memory.tables.contacts.size).toBe(2);
    expect(b.memory.tables.letters.size).toBe(1);
    const state = await replica.get('_local/tadamun-coalition-sync');
    expect(state['since']).toBe((await replica.info()).update_seq);
  });

  it('starting again after a restart keeps an edit never pushed, with one snapshot', async () => {
    const { a, b, engine, db, replicate, seeded } = await setUp();
    await replicate();
    await engine.received(db, []);
    const campaignOf = (workspace: MemoryWorkspace) =>
      must(workspace.tables.campaigns.get(seeded.campaign.id));
    b.memory.put('campaigns', { ...campaignOf(b.memory), goal: 'Pushed by B' });
    await engine.localEdit(db);
    // B renames and the app closes before the push; A's description reaches B's replica.
    b.memory.put('campaigns', { ...campaignOf(b.memory), name: 'Renamed by B' });
    a.workspace.put('campaigns', { ...campaignOf(a.workspace), description: 'From A' });
    await a.replica.push();
    await replicate();
    const restarted = syncEngine('coalition-1', engineConfig(a.config.key), b.workspace);
    const before = b.counts.snapshots;
    await restarted.beforeSync(db);
    expect(b.counts.snapshots).toBe(before + 1);
    expect(campaignOf(b.memory)).toMatchObject({
      name: 'Renamed by B',
      goal: 'Pushed by B',
      description: 'From A',
    });
  });

  it('asks the page whether a shared record was edited', async () => {
    const asked: string[] = [];
    const proxy = workspaceProxy(async (request) => {
      asked.push(request.op);
      return { ok: true, value: false };
    });
    expect(await proxy.editedSinceSnapshot?.()).toBe(false);
    expect(asked).toEqual(['edited']);
  });
});
