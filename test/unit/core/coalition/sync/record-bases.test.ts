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

  /** A and B share the campaign; B's description reaches A's replica, not yet A's workspace. */
  async function editedByBothWhileAClosed() {
    const shared = await sharing();
    const { key, seeded, a, now } = shared;
    const b = await laptop('member-b', key, undefined, [], now);
    await a.replica.push();
    await a.db.sync(b.db);
    await b.replica.pull();
    const onB = must(b.workspace.tables.campaigns.get(seeded.campaign.id));
    b.workspace.put('campaigns', { ...onB, description: 'Described by B' });
    await b.replica.push();
    await a.db.sync(b.db);
    // A's user renames the campaign; the app closes before that edit is pushed.
    const onA = must(seeded.workspace.tables.campaigns.get(seeded.campaign.id));
    seeded.workspace.put('campaigns', { ...onA, name: 'Renamed by A while closing' });
    const both = { name: 'Renamed by A while closing', description: 'Described by B' };
    return { ...shared, b, both };
  }

  it('an edit never pushed before a restart survives the first pull after it', async () => {
    const { seeded, a, b, restart, both } = await editedByBothWhileAClosed();
    const reopened = await restart();
    await reopened.pull();
    expect(seeded.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject(both);
    await a.db.sync(b.db);
    await b.replica.pull();
    expect(b.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject(both);
  });

  it('an edit never pushed before a restart is rebased on its base: what arrived meanwhile stays', async () => {
    const { seeded, a, b, counter, restart, both } = await editedByBothWhileAClosed();
    const reopened = await restart();
    counter.opened = 0;
    expect(await reopened.push()).toMatchObject({ written: 1, unchanged: 6 });
    await reopened.pull();
    expect(seeded.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject(both);
    await a.db.sync(b.db);
    await b.replica.pull();
    expect(b.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject(both);
  });

  it('the base found again may be a revision pulled, or the one before a rebased push', async () => {
    const { key, seeded, a, restart, now } = await sharing();
    const b = await laptop('member-b', key, undefined, [], now);
    const campaignOf = (l: { workspace: typeof b.workspace }) =>
      must(l.workspace.tables.campaigns.get(seeded.campaign.id));
    const bEdits = async (fields: Record<string, string>) => {
      b.workspace.put('campaigns', { ...campaignOf(b), ...fields });
      await b.replica.push();
      await a.db.sync(b.db);
    };
    await a.replica.push();
    await a.db.sync(b.db);
    await b.replica.pull();
    // A's base becomes B's revision, pulled; a push saves its digest.
    await bEdits({ goal: 'Goal from B' });
    await a.replica.pull();
    await a.replica.push();
    // B's next edit is in A's replica only; A renames and pushes, rebased on it.
    await bEdits({ description: 'Described by B' });
    seeded.workspace.put('campaigns', { ...campaignOf(a), name: 'Renamed by A' });
    expect(await a.replica.push()).toMatchObject({ written: 1 });
    // Then A edits again and the app closes before that push and before any pull.
    seeded.workspace.put('campaigns', { ...campaignOf(a), ask: 'Vote no, asked by A' });
    await bEdits({ tags: ['from-b'] } as never);
    const reopened = await restart();
    await reopened.pull();
    await a.db.sync(b.db);
    await b.replica.pull();
    for (const l of [a, b])
      expect(campaignOf(l)).toMatchObject({
        name: 'Renamed by A',
        ask: 'Vote no, asked by A',
        goal: 'Goal from B',
        description: 'Described by B',
        tags: ['from-b'],
      });
  });

  it('an edit held by a push waiting for code names is not overwritten by pulls, nor across a restart', async () => {
    const { seeded, a, b, restart, both } = await editedByBothWhileAClosed();
    // A contact of A's shared campaign lost its code name: pushes wait for it.
    const { codeName: _removed, ...nameless } = seeded.volunteer;
    seeded.workspace.put('contacts', nameless);
    const waiting = await a.replica.pull();
    expect(waiting.received).toBe(0);
    expect(seeded.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe(both.name);
    const reopened = await restart();
    expect((await reopened.push()).waitingForCodeNames).toEqual([seeded.volunteer.id]);
    await reopened.pull();
    expect(seeded.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe(both.name);
    seeded.workspace.put('contacts', seeded.volunteer);
    await reopened.pull();
    await a.db.sync(b.db);
    await b.replica.pull();
    for (const workspace of [b.workspace, seeded.workspace])
      expect(workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject(both);
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
