import { describe, expect, it } from 'vitest';
import { deriveCoalitionKeys } from '@core/coalition/coalition-key';
import { BASES_ID_PREFIX, RecordBases } from '@core/coalition/sync/record-bases';
import { CoalitionReplica } from '@core/coalition/sync/replica';
import type { ReplicaDatabase } from '@core/coalition/sync/replica-database';
import { memoryReplica } from '../../../../helpers/couch-server';
import { laptop, must, newCoalitionKey, seededWorkspace, testClock } from './fixtures';

/** The replica, counting the documents the engine reads (opens) through it. */
function counting(db: ReplicaDatabase) {
  const counter = { opened: 0 };
  const allDocs = db.allDocs.bind(db);
  db.allDocs = async (options) => {
    const answer = await allDocs(options);
    if (options.include_docs)
      counter.opened += answer.rows.filter((row) => row.doc && !row.id.startsWith('_')).length;
    return answer;
  };
  return counter;
}

/** One laptop sharing the seeded campaign, and a way to "restart" its engine. */
async function sharing() {
  const key = newCoalitionKey();
  const seeded = seededWorkspace();
  const now = testClock();
  const a = await laptop('member-a', key, seeded.workspace, [seeded.campaign.id], now);
  const counter = counting(a.db);
  // A new engine over the same replica database: a laptop's IndexedDB across a restart.
  const restart = () => CoalitionReplica.open(a.db, a.config, seeded.workspace, { now });
  return { key, seeded, a, counter, restart, now };
}

describe('record bases across a restart', () => {
  it('opens no document on the first push after a restart when nothing changed, one when one did', async () => {
    const { seeded, a, counter, restart } = await sharing();
    const first = await a.replica.push();
    expect(first.written).toBe(7);

    counter.opened = 0;
    const reopened = await restart();
    expect(await reopened.push()).toMatchObject({ written: 0, unchanged: 7 });
    expect(counter.opened).toBe(0);

    const campaign = must(seeded.workspace.tables.campaigns.get(seeded.campaign.id));
    seeded.workspace.put('campaigns', { ...campaign, name: 'Renamed while closed' });
    counter.opened = 0;
    const again = await restart();
    expect(await again.push()).toMatchObject({ written: 1, unchanged: 6 });
    expect(counter.opened).toBe(1);
  });

  it('without saved digests (a replica from before), every document is opened once, then saved', async () => {
    const { a, counter, restart } = await sharing();
    await a.replica.push();
    for (let shard = 0; shard < 16; shard++) {
      const id = `${BASES_ID_PREFIX}${shard.toString(16)}`;
      const doc = await a.db.get(id).catch(() => undefined);
      if (doc) await a.db.bulkDocs([{ ...doc, _deleted: true }]);
    }
    counter.opened = 0;
    const reopened = await restart();
    expect(await reopened.push()).toMatchObject({ written: 0, unchanged: 7 });
    expect(counter.opened).toBe(7);
    counter.opened = 0;
    expect(await (await restart()).push()).toMatchObject({ written: 0 });
    expect(counter.opened).toBe(0);
  });

  it('a record pulled after its digest was saved is opened after a restart: a revert is not "unchanged"', async () => {
    const { key, seeded, a, counter, restart, now } = await sharing();
    const b = await laptop('member-b', key, undefined, [], now);
    await a.replica.push();
    await a.db.sync(b.db);
    await b.replica.pull();
    const onB = must(b.workspace.tables.campaigns.get(seeded.campaign.id));
    b.workspace.put('campaigns', { ...onB, name: 'Renamed by B' });
    await b.replica.push();
    await a.db.sync(b.db);
    // A pulls B's name and closes before any push saves the new digest.
    const before = must(seeded.workspace.tables.campaigns.get(seeded.campaign.id));
    await a.replica.pull();
    expect(seeded.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Renamed by B');
    // Offline, A's user puts the old name back: the text the saved digest describes.
    seeded.workspace.put('campaigns', before);
    counter.opened = 0;
    const reopened = await restart();
    expect(await reopened.push()).toMatchObject({ written: 1 });
    expect(counter.opened).toBe(1);
    await a.db.sync(b.db);
    await b.replica.pull();
    expect(b.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe(before.name);
  });

  it('keeps digests keyed: another coalition key gives another digest', async () => {
    const db = memoryReplica('bases-keyed');
    const one = await RecordBases.load(db, await deriveCoalitionKeys(newCoalitionKey()), 0);
    const two = await RecordBases.load(db, await deriveCoalitionKeys(newCoalitionKey()), 0);
    const text = '{"id":"x","name":"Ordinance"}';
    expect(await one.digest(text)).toMatch(/^[0-9a-f]{32}$/);
    expect(await one.digest(text)).toBe(await one.digest(text));
    expect(await one.digest(text)).not.toBe(await two.digest(text));
    const stored = JSON.stringify(await db.allDocs({ include_docs: true }));
    expect(stored).not.toContain('Ordinance');
  });
});
