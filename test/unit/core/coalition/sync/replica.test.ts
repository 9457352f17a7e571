import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveCoalitionKeys, documentIdOf } from '@core/coalition/coalition-key';
import { padJson } from '@core/coalition/padding';
import { rotateCoalitionKey } from '@core/coalition/rotation';
import { toBase64, utf8 } from '@core/crypto/bytes';
import { seal } from '@core/crypto/sealed';
import { reviseTemplate, templateSchema } from '@core/domain/template';
import { openDocuments, sealDocument } from '@core/coalition/sealed-document';
import type { ReplicaDatabase } from '@core/coalition/sync/replica-database';
import { CoalitionReplica, type PullResult } from '@core/coalition/sync/replica';
import { remoteDatabase } from '@core/coalition/sync/replica-database';
import { startCouchServer, testPouch, type CouchServer } from '../../../../helpers/couch-server';
import {
  ARABIC_MARKER,
  LATIN_MARKER,
  laptop,
  newCoalitionKey,
  seededWorkspace,
  testClock,
  must,
  type Laptop,
} from './fixtures';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  await server.stop();
});

let databases = 0;
async function remoteOf(name = `coalition-${++databases}`) {
  await server.createDatabase(name);
  return remoteDatabase(testPouch(), { url: server.url, database: name });
}

const sync = async (remote: ReplicaDatabase, ...laptops: Laptop[]) => {
  for (const l of laptops) await l.replica.syncOnce(remote);
};

/**
 * A new member's receive as the app's worker runs it (replica-engine.ts): its own replication,
 * each pull batch announced in the change event and pulled as replicated.
 */
async function receiveAsTheWorker(
  l: Laptop,
  remote: ReplicaDatabase,
  options: { batch_size: number },
  { pushFirst = false } = {},
) {
  await l.replica.pull();
  await l.replica.beginReceive();
  const results: PullResult[] = [];
  let pulling: Promise<unknown> = Promise.resolve();
  const handle = l.db.sync(remote, options);
  handle.on('change', (info) => {
    if (info.direction !== 'pull') return;
    const replicated = l.replica.replicated(info.change?.docs ?? []);
    pulling = pulling.then(() =>
      l.replica.pull({ pushFirst, replicated }).then((result) => results.push(result)),
    );
  });
  await handle;
  await pulling;
  results.push(await l.replica.pull({ pushFirst }));
  return {
    received: results.reduce((sum, r) => sum + r.received, 0),
    merged: results.reduce((sum, r) => sum + r.merged, 0),
  };
}

/** Counts the documents the engine reads back from the replica's `_changes` from now on. */
function countReadBack(db: ReplicaDatabase): () => number {
  const changes = db.changes.bind(db);
  let reread = 0;
  // Only the engine's reads: the replication's own changes feed is an event emitter.
  db.changes = (options) => {
    const answer = changes(options);
    if (options.include_docs && options.conflicts)
      void answer.then(
        ({ results }) => (reread += results.filter((r) => !r.id.startsWith('_')).length),
      );
    return answer;
  };
  return () => reread;
}

/** Offline edits of one campaign on two laptops, each pushed into its replica: a conflict to be. */
async function editOffline(a: Laptop, b: Laptop, campaignId: string) {
  const onA = must(a.workspace.tables.campaigns.get(campaignId));
  a.workspace.put('campaigns', { ...onA, name: 'From A' });
  await a.replica.push();
  const onB = must(b.workspace.tables.campaigns.get(campaignId));
  b.workspace.put('campaigns', { ...onB, description: 'From B' });
  await b.replica.push();
}

async function conflictsIn(db: ReplicaDatabase): Promise<number> {
  const { rows } = await db.allDocs({ include_docs: true, conflicts: true });
  return rows.filter((row) => row.doc?._conflicts?.length).length;
}

/** Three laptops: A owns the campaign, B and C join. */
async function coalition() {
  const key = newCoalitionKey();
  const seeded = seededWorkspace();
  const now = testClock();
  const a = await laptop('member-a', key, seeded.workspace, [seeded.campaign.id], now);
  const b = await laptop('member-b', key, undefined, [], now);
  const c = await laptop('member-c', key, undefined, [], now);
  return { key, seeded, a, b, c, now };
}

describe('CoalitionReplica against a CouchDB-compatible server', () => {
  it('shares a campaign; offline edits on two laptops converge everywhere, conflicts emptied; a late joiner catches up', async () => {
    const { seeded, a, b, c } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    const campaignOnB = b.workspace.tables.campaigns.get(seeded.campaign.id);
    expect(campaignOnB?.name).toBe('Ordinance 2026-14');
    expect(b.workspace.tables.targets.get(seeded.target.id)?.contactId).toBe(seeded.official.id);
    // The volunteer travels code-named, under an alias; A's own record names them by id.
    const contactsOnB = [...b.workspace.tables.contacts.values()];
    expect(contactsOnB.map((x) => x.displayName).sort()).toEqual(
      [`Councillor ${LATIN_MARKER}`, 'Falcon'].sort(),
    );
    expect(b.workspace.tables.contacts.has(seeded.volunteer.id)).toBe(false);
    // The letter travels without its file.
    expect(b.workspace.tables.letters.get(seeded.letter.id)?.fileName).toBeUndefined();

    // Offline: A renames the campaign and adds a task; B changes its description, adds a task,
    // and moves the target's stance; both edit the interaction's outcome (a real conflict).
    const campaignA = must(a.workspace.tables.campaigns.get(seeded.campaign.id));
    a.workspace.put('campaigns', {
      ...campaignA,
      name: 'Ordinance 2026-14 (renamed by A)',
      tasks: [
        ...campaignA.tasks,
        { id: '00000000-0000-4000-8000-00000000aaaa', title: 'A task', status: 'todo' },
      ],
    });
    const campaignB = must(b.workspace.tables.campaigns.get(seeded.campaign.id));
    b.workspace.put('campaigns', {
      ...campaignB,
      description: 'Described by B',
      tasks: [
        ...campaignB.tasks,
        { id: '00000000-0000-4000-8000-00000000bbbb', title: 'B task', status: 'todo' },
      ],
    });
    const targetB = must(b.workspace.tables.targets.get(seeded.target.id));
    b.workspace.put('targets', {
      ...targetB,
      stance: 'supportive',
      stanceHistory: [{ at: '2026-12-07T09:00:00.000Z', from: 'undecided', to: 'supportive' }],
    });
    const interactionA = must(a.workspace.tables.interactions.get(seeded.interaction.id));
    a.workspace.put('interactions', { ...interactionA, outcome: 'A says yes' });
    const interactionB = must(b.workspace.tables.interactions.get(seeded.interaction.id));
    b.workspace.put('interactions', {
      ...interactionB,
      outcome: 'B says maybe',
      followUpDone: true,
    });
    await a.replica.push();
    await b.replica.push();

    await sync(remote, a, b, a, b);
    for (const l of [a, b]) {
      const campaign = must(l.workspace.tables.campaigns.get(seeded.campaign.id));
      expect(campaign.name).toBe('Ordinance 2026-14 (renamed by A)');
      expect(campaign.description).toBe('Described by B');
      expect(campaign.tasks.map((t) => t.title)).toEqual([
        'Call the councillor',
        'A task',
        'B task',
      ]);
      expect(l.workspace.tables.targets.get(seeded.target.id)?.stance).toBe('supportive');
      const interaction = must(l.workspace.tables.interactions.get(seeded.interaction.id));
      expect(interaction.followUpDone).toBe(true);
    }
    const outcomes = [a, b].map(
      (l) => l.workspace.tables.interactions.get(seeded.interaction.id)?.outcome,
    );
    expect(outcomes[0]).toBe(outcomes[1]);
    // A's own task keeps its owner: the alias came back as the volunteer's id.
    expect(a.workspace.tables.campaigns.get(seeded.campaign.id)?.tasks[0]?.ownerContactId).toBe(
      seeded.volunteer.id,
    );
    expect(a.workspace.tables.contacts.get(seeded.volunteer.id)?.displayName).toBe(ARABIC_MARKER);
    expect(await conflictsIn(remote)).toBe(0);
    expect(await conflictsIn(a.db)).toBe(0);
    expect(await conflictsIn(b.db)).toBe(0);

    // C joins late and receives the merged state.
    await sync(remote, c);
    const records = (l: Laptop) =>
      JSON.stringify(
        ['campaigns', 'targets', 'interactions', 'templates'].map((t) =>
          [...l.workspace.tables[t as 'campaigns'].values()].sort((x, y) => (x.id < y.id ? -1 : 1)),
        ),
      );
    expect(records(c)).toBe(records(b));
    expect(await conflictsIn(c.db)).toBe(0);

    // Nothing the test wrote is on the server in the clear.
    const response = await fetch(`${remote.name}/_all_docs?include_docs=true&conflicts=true`);
    const stored = await response.text();
    expect(stored).toContain('"rows"');
    for (const marker of [
      LATIN_MARKER,
      ARABIC_MARKER,
      'Ordinance',
      'Falcon',
      '234 567',
      seeded.campaign.id,
    ])
      expect(stored).not.toContain(marker);
  });

  it('pushes nothing when nothing changed, and a deletion travels', async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    const again = await a.replica.push();
    expect(again).toMatchObject({ written: 0, removed: 0 });
    a.workspace.remove('interactions', seeded.interaction.id);
    expect(await a.replica.push()).toMatchObject({ written: 0, removed: 1 });
    await sync(remote, a, b);
    expect(b.workspace.tables.interactions.has(seeded.interaction.id)).toBe(false);
    expect(await b.replica.push()).toMatchObject({ written: 0, removed: 0 });
  });

  it('a record no longer shared stays with the others; one made sensitive is deleted everywhere', async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    const falcon = [...b.workspace.tables.contacts.values()].find(
      (c) => c.displayName === 'Falcon',
    );
    expect(falcon).toBeDefined();
    // A's task no longer names the volunteer and the meeting with them is deleted: the
    // volunteer leaves the snapshot but stays in A's workspace.
    const campaign = must(a.workspace.tables.campaigns.get(seeded.campaign.id));
    a.workspace.put('campaigns', {
      ...campaign,
      tasks: campaign.tasks.map(({ ownerContactId: _, ...task }) => task),
    });
    a.workspace.remove('interactions', seeded.interaction.id);
    expect(await a.replica.push()).toMatchObject({ written: 1, removed: 1, withdrawn: 1 });
    await sync(remote, a, b);
    expect(b.workspace.tables.interactions.has(seeded.interaction.id)).toBe(false);
    expect(b.workspace.tables.contacts.get(must(falcon).id)?.displayName).toBe('Falcon');
    // B shares the campaign back: the contact leaves B's snapshot too, and stays.
    expect(await b.replica.push()).toMatchObject({ removed: 0, written: 0 });
    expect(b.workspace.tables.contacts.has(must(falcon).id)).toBe(true);

    // The official made sensitive: they and what is about them leave, deleted for everyone.
    const official = must(a.workspace.tables.contacts.get(seeded.official.id));
    a.workspace.put('contacts', { ...official, sensitive: true });
    // The template only their letter named leaves too, but only as no longer shared.
    expect(await a.replica.push()).toMatchObject({ removed: 3, withdrawn: 1 });
    await sync(remote, a, b);
    expect(b.workspace.tables.contacts.has(seeded.official.id)).toBe(false);
    expect(b.workspace.tables.targets.has(seeded.target.id)).toBe(false);
    expect(b.workspace.tables.letters.has(seeded.letter.id)).toBe(false);
    expect(b.workspace.tables.campaigns.has(seeded.campaign.id)).toBe(true);
    expect(b.workspace.tables.templates.has(seeded.template.id)).toBe(true);
  });

  it('keeps working offline when the server stops mid-sync, and resumes after it restarts', async () => {
    const own = await startCouchServer();
    try {
      const { seeded, a, b } = await coalition();
      await own.createDatabase('stopping');
      const remote = remoteDatabase(testPouch(), { url: own.url, database: 'stopping' });
      await a.replica.syncOnce(remote);
      await own.stop();
      const campaign = must(a.workspace.tables.campaigns.get(seeded.campaign.id));
      a.workspace.put('campaigns', { ...campaign, name: 'Edited while the server is down' });
      await expect(a.replica.syncOnce(remote, { retry: false })).rejects.toBeTruthy();
      const status = await a.replica.status();
      expect(status.unreachable).toBeTruthy();
      expect(status.changesWaiting).toBeGreaterThan(0);
      // Local work went on: the edit is in A's replica, waiting.
      await own.restart();
      await a.replica.syncOnce(remote);
      expect((await a.replica.status()).unreachable).toBeUndefined();
      expect((await a.replica.status()).changesWaiting).toBe(0);
      await b.replica.syncOnce(remote);
      expect(b.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe(
        'Edited while the server is down',
      );
    } finally {
      await own.stop();
    }
  });

  it('after a rotation to a new key and database, the removed member opens nothing new', async () => {
    const { key, seeded, a, b, c, now } = await coalition();
    const oldRemote = await remoteOf();
    await sync(oldRemote, a, b, c);
    // A removes C: a new key, a new database; A and B move, C keeps the old key.
    const rotated = await rotateCoalitionKey(await deriveCoalitionKeys(key));
    const move = async (l: Laptop) =>
      (await import('./fixtures'))
        .laptop(
          l.config.memberId,
          rotated.raw,
          l.workspace,
          l.config.sharedCampaigns.map((s) => s.campaignId),
          now,
        )
        .then(async (moved) => {
          moved.replica.reconfigure({ ...moved.config, retiredKeyIds: rotated.retiredKeyIds });
          return moved;
        });
    const a2 = await move(a);
    const b2 = await move(b);
    const newRemote = await remoteOf();
    await sync(newRemote, a2, b2);
    const campaign = must(a2.workspace.tables.campaigns.get(seeded.campaign.id));
    a2.workspace.put('campaigns', { ...campaign, name: 'After the rotation' });
    await sync(newRemote, a2, b2);
    expect(b2.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('After the rotation');
    // C, with the old key, pointed at the new database: everything refused as foreign.
    const before = JSON.stringify([...c.workspace.tables.campaigns.values()]);
    const pulled = await c.replica.syncOnce(newRemote);
    expect(pulled.applied).toBe(0);
    expect(pulled.refused.length).toBeGreaterThan(0);
    expect(new Set(pulled.refused.map((r) => r.reason))).toEqual(new Set(['foreign']));
    expect(JSON.stringify([...c.workspace.tables.campaigns.values()])).toBe(before);
    // A document under the old key reaching a rotated member is refused as old-key.
    const stale = await sealDocument(await deriveCoalitionKeys(key), {
      kind: 'campaign',
      record: { ...campaign, name: 'Written with the old key' },
      clocks: { fields: { name: '001796119200000:0000000099:member-c' }, items: {} },
      author: 'member-c',
    });
    await newRemote.put({ ...stale, _id: 'f'.repeat(64) });
    const refused = await b2.replica.syncOnce(newRemote);
    expect(refused.refused.map((r) => r.reason)).toContain('old-key');
    expect(b2.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('After the rotation');
  });

  it('reseals the replica under a rotated key into a new database; the others join it', async () => {
    const { key, seeded, a, b, c, now } = await coalition();
    await sync(await remoteOf(), a, b, c);
    const rotated = await rotateCoalitionKey(await deriveCoalitionKeys(key));
    const moved = await laptop('member-a', rotated.raw, a.workspace, [seeded.campaign.id], now);
    const resealed = await a.replica.resealInto(moved.db, rotated.keys);
    expect(resealed.refused).toEqual([]);
    expect(resealed.documents).toHaveLength(7);
    const newRemote = await remoteOf();
    // Nothing to push: the resealed documents already hold the workspace's records.
    await moved.replica.pull();
    expect(await moved.replica.push()).toMatchObject({ written: 0 });
    await moved.replica.syncOnce(newRemote);
    const b2 = await laptop('member-b', rotated.raw, undefined, [], now);
    await b2.replica.syncOnce(newRemote);
    expect(b2.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');
    const cPull = await c.replica.syncOnce(newRemote);
    expect(cPull.applied).toBe(0);
    expect(new Set(cPull.refused.map((r) => r.reason))).toEqual(new Set(['foreign']));
  });

  it('refuses tampered, foreign and moved documents, leaving local data untouched', async () => {
    const { key, seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    const keys = await deriveCoalitionKeys(key);
    const campaignDoc = documentIdOf(keys, 'campaign', seeded.campaign.id);
    const targetDoc = documentIdOf(keys, 'target', seeded.target.id);
    const stored = await remote.get(campaignDoc);
    const data = String(stored['data']);
    // Tampered: one character of the ciphertext changed.
    await remote.put({ ...stored, data: (data[0] === 'A' ? 'B' : 'A') + data.slice(1) });
    // Moved: the target's body copied under a new id (the id is associated data: altered),
    // and a body sealed by a key holder for another record under the target's id (moved).
    const targetStored = await remote.get(targetDoc);
    const otherRecord = { ...seeded.target, id: '00000000-0000-4000-8000-0000000fffff' };
    const clocks = { fields: { stance: '001796119200000:0000000099:member-x' }, items: {} };
    const body = {
      kind: 'target',
      record: otherRecord,
      clocks,
      hlc: clocks.fields.stance,
      author: 'member-x',
    };
    const sealedBody = await seal(
      keys.sealKey,
      padJson(utf8.encode(JSON.stringify(body))),
      `tadamun:coalition-document:1:${keys.keyId}:${targetDoc}`,
    );
    await remote.put({
      _id: targetDoc,
      _rev: targetStored._rev,
      v: 1,
      key: keys.keyId,
      iv: toBase64(sealedBody.iv),
      data: toBase64(new Uint8Array(sealedBody.data)),
    });
    // Foreign: another coalition's document.
    const foreign = await sealDocument(await deriveCoalitionKeys(newCoalitionKey()), {
      kind: 'campaign',
      record: { ...seeded.campaign, name: 'Foreign' },
      clocks: { fields: { name: '001796119200000:0000000099:member-x' }, items: {} },
      author: 'member-x',
    });
    await remote.put(foreign);
    const before = JSON.stringify([
      ...b.workspace.tables.campaigns.values(),
      ...b.workspace.tables.targets.values(),
    ]);
    const pulled = await b.replica.syncOnce(remote);
    expect(pulled.refused.map((r) => r.reason).sort()).toEqual(['altered', 'foreign', 'moved']);
    expect(
      JSON.stringify([
        ...b.workspace.tables.campaigns.values(),
        ...b.workspace.tables.targets.values(),
      ]),
    ).toBe(before);
    const status = await b.replica.status();
    expect(status.refused.map((r) => r.reason).sort()).toEqual(['altered', 'foreign', 'moved']);
  });

  it('refuses a document from a clock far ahead, naming its member', async () => {
    const { key, seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    const keys = await deriveCoalitionKeys(key);
    const ahead = await sealDocument(keys, {
      kind: 'interaction',
      record: {
        ...seeded.interaction,
        id: '00000000-0000-4000-8000-0000000eeeee',
        contactId: seeded.official.id,
      },
      clocks: { fields: { outcome: '002796119200000:0000000000:member-late' }, items: {} },
      author: 'member-late',
    });
    await remote.put(ahead);
    const pulled = await b.replica.syncOnce(remote);
    expect(pulled.refused).toEqual([
      { documentId: ahead._id, reason: 'clock-drift', detail: 'member-late' },
    ]);
    expect(b.workspace.tables.interactions.has('00000000-0000-4000-8000-0000000eeeee')).toBe(false);
  });

  it('leaves the pull checkpoint where it was when the workspace cannot be written', async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await a.replica.syncOnce(remote);
    b.workspace.failNextApply = true;
    await expect(b.replica.syncOnce(remote)).rejects.toThrow('simulated');
    expect(b.workspace.tables.campaigns.size).toBe(0);
    await b.replica.pull();
    expect(b.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');
  });

  it('after a failed apply, a local edit does not revert what the workspace did not take', async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    const onA = must(a.workspace.tables.campaigns.get(seeded.campaign.id));
    a.workspace.put('campaigns', { ...onA, name: 'Renamed by A' });
    await a.replica.syncOnce(remote);
    b.workspace.failNextApply = true;
    await expect(b.replica.syncOnce(remote)).rejects.toThrow('simulated');
    const onB = must(b.workspace.tables.campaigns.get(seeded.campaign.id));
    expect(onB.name).toBe('Ordinance 2026-14');
    b.workspace.put('campaigns', { ...onB, description: 'Described by B' });
    await sync(remote, b, a);
    for (const l of [a, b])
      expect(l.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject({
        name: 'Renamed by A',
        description: 'Described by B',
      });
  });

  it('keeps the member clock across reopening the replica', async () => {
    const { seeded, a } = await coalition();
    await a.replica.push();
    const stored = await a.db.get('_local/tadamun-coalition-sync');
    expect(String(stored['clock'])).toMatch(/:member-a$/);
    const reopened = await (
      await import('@core/coalition/sync/replica')
    ).CoalitionReplica.open(a.db, a.config, a.workspace, { now: () => Date.UTC(2026, 11, 7, 8) });
    const campaign = must(a.workspace.tables.campaigns.get(seeded.campaign.id));
    a.workspace.put('campaigns', { ...campaign, name: 'Clock went back' });
    expect(await reopened.push()).toMatchObject({ written: 1 });
    const after = await a.db.get('_local/tadamun-coalition-sync');
    expect(String(after['clock']) > String(stored['clock'])).toBe(true);
  });

  it('a local edit pushed before the revisions replication brought in are pulled does not revert them', async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    const onB = must(b.workspace.tables.campaigns.get(seeded.campaign.id));
    b.workspace.put('campaigns', { ...onB, description: 'From B' });
    await b.replica.syncOnce(remote);
    // A's replica receives B's revision, but A pushes an edit before pulling it.
    await a.db.replicate.from(remote);
    const onA = must(a.workspace.tables.campaigns.get(seeded.campaign.id));
    a.workspace.put('campaigns', { ...onA, name: 'From A' });
    expect(await a.replica.push()).toMatchObject({ written: 1 });
    await sync(remote, a, b, a);
    for (const l of [a, b])
      expect(l.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject({
        name: 'From A',
        description: 'From B',
      });
  });

  it('two members saving new template wording offline both keep it: the later current, the other in history', async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    const save = (l: Laptop, body: string, updatedAt: string) => {
      const template = templateSchema.parse(l.workspace.tables.templates.get(seeded.template.id));
      l.workspace.put('templates', {
        ...template,
        ...reviseTemplate(template, { body }),
        updatedAt,
      });
    };
    save(a, `Dear ${LATIN_MARKER}, vote no`, '2026-12-07T10:00:00.000Z');
    await a.replica.push();
    save(b, `عزيزي ${ARABIC_MARKER}`, '2026-12-07T10:00:05.000Z');
    await b.replica.push();
    await sync(remote, a, b, a, b);
    const onA = must(a.workspace.tables.templates.get(seeded.template.id));
    expect(b.workspace.tables.templates.get(seeded.template.id)).toEqual(onA);
    expect(onA).toMatchObject({ body: `عزيزي ${ARABIC_MARKER}`, version: 2 });
    expect(onA.history.map((r) => [r.version, r.body])).toEqual([
      [1, 'Dear {{ name }}'],
      [2, `Dear ${LATIN_MARKER}, vote no`],
    ]);
    // The next save numbers its wording above both version 2s.
    save(a, 'Third', '2026-12-07T11:00:00.000Z');
    expect(a.workspace.tables.templates.get(seeded.template.id)?.version).toBe(3);
    expect(await conflictsIn(remote)).toBe(0);
  });

  it('opens a batch holding a conflict, a refused document and revisions arriving twice', async () => {
    const { seeded, a, b, c } = await coalition();
    await a.replica.push();
    await b.db.replicate.from(a.db);
    await b.replica.pull();
    // Offline edits of one record on both laptops, and another coalition's document on A.
    await editOffline(a, b, seeded.campaign.id);
    const foreign = await sealDocument(await deriveCoalitionKeys(newCoalitionKey()), {
      kind: 'campaign',
      record: { ...seeded.campaign, name: 'Foreign' },
      clocks: { fields: { name: '001796119200000:0000000099:member-x' }, items: {} },
      author: 'member-x',
    });
    await a.db.put(foreign);
    await b.db.replicate.from(a.db);
    const pulled = await b.replica.pull();
    expect(pulled).toMatchObject({ merged: 1, refused: [{ reason: 'foreign' }] });
    expect(await conflictsIn(b.db)).toBe(0);
    // C gets every revision twice, through A and through B, in one batch each time.
    await c.db.replicate.from(a.db);
    await c.db.replicate.from(b.db);
    const again = await c.replica.pull();
    expect(again.refused.map((r) => r.reason)).toEqual(['foreign']);
    await b.replica.pull();
    await c.db.replicate.from(b.db);
    await c.replica.pull();
    expect(await conflictsIn(c.db)).toBe(0);
    for (const l of [b, c]) {
      expect(l.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject({
        name: 'From A',
        description: 'From B',
      });
      expect(l.workspace.tables.interactions.size).toBe(1);
      expect(l.workspace.tables.targets.size).toBe(1);
    }
    expect((await c.replica.status()).refused.map((r) => r.reason)).toEqual(['foreign']);
  });

  it("a new member's first receive takes each batch as replicated, reading no documents from _changes again", async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await a.replica.syncOnce(remote);
    const changes = b.db.changes.bind(b.db);
    let reread = 0;
    // Only the engine's reads: the replication's own changes feed is an event emitter.
    b.db.changes = (options) => {
      const answer = changes(options);
      if (options.include_docs && options.conflicts)
        void answer.then(({ results }) => (reread += results.length));
      return answer;
    };
    const pulled = await receiveAsTheWorker(b, remote, { batch_size: 2 });
    expect(reread).toBe(0);
    expect(pulled.received).toBe(7);
    expect(b.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');
    expect(b.workspace.tables.contacts.size).toBe(2);
    expect(b.workspace.tables.interactions.size).toBe(1);
    // The checkpoint is the replica's sequence: reopened, the replica has nothing left to pull.
    const state = await b.db.get('_local/tadamun-coalition-sync');
    expect(state['since']).toBe((await b.db.info()).update_seq);
    const reopened = await (
      await import('@core/coalition/sync/replica')
    ).CoalitionReplica.open(b.db, b.config, b.workspace);
    expect(await reopened.pull()).toMatchObject({ received: 0, refused: [] });
  });

  it("syncOnce: a new member's receive takes each batch as replicated, after the batch's checkpoint", async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await a.replica.syncOnce(remote);
    const reads = countReadBack(b.db);
    // The replication's own checkpoint writes: each batch is opened only after its own.
    const checkpoints: unknown[] = [];
    const sync = b.db.sync.bind(b.db);
    b.db.sync = (target, options) => {
      const handle = sync(target, options);
      handle.pull?.on('checkpoint', (info) => {
        if (info.checkpoint !== undefined) checkpoints.push(info.checkpoint);
      });
      return handle;
    };
    const apply = b.workspace.applyIncoming.bind(b.workspace);
    const appliedAfter: number[] = [];
    b.workspace.applyIncoming = async (config, keys, records) => {
      if (records.length) appliedAfter.push(checkpoints.length);
      return apply(config, keys, records);
    };
    const pulled = await b.replica.syncOnce(remote, { batch_size: 2 });
    expect(reads()).toBe(0);
    expect(pulled).toMatchObject({ received: 7, refused: [] });
    expect(appliedAfter).toEqual([1, 2, 3, 4]);
    expect(b.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');
    expect(b.workspace.tables.interactions.size).toBe(1);
    const state = await b.db.get('_local/tadamun-coalition-sync');
    expect(state['since']).toBe((await b.db.info()).update_seq);
    // Not empty any more: the next syncOnce reads from _changes as any pull.
    a.workspace.put('campaigns', {
      ...must(a.workspace.tables.campaigns.get(seeded.campaign.id)),
      name: 'Renamed',
    });
    await a.replica.syncOnce(remote);
    await b.replica.syncOnce(remote, { batch_size: 2 });
    expect(reads()).toBe(1);
    expect(b.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Renamed');
  });

  it('syncOnce: a first receive merges conflicts on the server; two at once both take in everything', async () => {
    const { seeded, key, a, b, c, now } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    await editOffline(a, b, seeded.campaign.id);
    await a.db.replicate.to(remote);
    await b.db.replicate.to(remote);
    const pulled = await c.replica.syncOnce(remote, { batch_size: 2 });
    expect(pulled.merged).toBe(1);
    expect(await conflictsIn(c.db)).toBe(0);
    expect(c.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject({
      name: 'From A',
      description: 'From B',
    });
    // Two replications into one empty replica: neither counts its batches as the replica's.
    const d = await laptop('member-d', key, undefined, [], now);
    const twice = await Promise.all([
      d.replica.syncOnce(remote, { batch_size: 2 }),
      d.replica.syncOnce(remote, { batch_size: 3 }),
    ]);
    expect(twice.flatMap((r) => r.refused)).toEqual([]);
    expect(await conflictsIn(d.db)).toBe(0);
    expect(d.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject({
      name: 'From A',
      description: 'From B',
    });
    expect(d.workspace.tables.contacts.size).toBe(2);
    expect(d.workspace.tables.interactions.size).toBe(1);
    const state = await d.db.get('_local/tadamun-coalition-sync');
    expect(state['since']).toBe((await d.db.info()).update_seq);
  });

  it('a first receive merges conflicts already on the server as any pull does', async () => {
    const { seeded, a, b, c } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    // Offline edits of one campaign on A and B, both sent without pulling: a conflict on the server.
    await editOffline(a, b, seeded.campaign.id);
    await a.db.replicate.to(remote);
    await b.db.replicate.to(remote);
    expect(await conflictsIn(remote)).toBe(1);
    const pulled = await receiveAsTheWorker(c, remote, { batch_size: 2 });
    expect(pulled.merged).toBe(1);
    expect(await conflictsIn(c.db)).toBe(0);
    await sync(remote, a, b, c);
    for (const l of [a, b, c])
      expect(l.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject({
        name: 'From A',
        description: 'From B',
      });
    expect(await conflictsIn(remote)).toBe(0);
  });

  it('a local edit pushed during a first receive: the rest is read from _changes, nothing lost', async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await a.replica.syncOnce(remote);
    // As soon as the campaign arrives, B edits it (a received campaign is shared back).
    const apply = b.workspace.applyIncoming.bind(b.workspace);
    let pushing: Promise<unknown> | undefined;
    b.workspace.applyIncoming = async (config, keys, records) => {
      const applied = await apply(config, keys, records);
      const campaign = b.workspace.tables.campaigns.get(seeded.campaign.id);
      if (campaign && !pushing) {
        b.workspace.put('campaigns', { ...campaign, description: 'Edited while receiving' });
        pushing = b.replica.push();
      }
      return applied;
    };
    await receiveAsTheWorker(b, remote, { batch_size: 1 }, { pushFirst: true });
    await pushing;
    expect(b.workspace.tables.contacts.size).toBe(2);
    expect(b.workspace.tables.targets.size).toBe(1);
    expect(b.workspace.tables.letters.size).toBe(1);
    await sync(remote, b, a);
    expect(a.workspace.tables.campaigns.get(seeded.campaign.id)?.description).toBe(
      'Edited while receiving',
    );
    const state = await b.db.get('_local/tadamun-coalition-sync');
    expect(state['since']).toBe((await b.db.info()).update_seq);
  });

  it('opens every slice with the opener it was given; the refusals it returns are refused, local data untouched', async () => {
    const { key, seeded, a, now } = await coalition();
    const remote = await remoteOf();
    await a.replica.syncOnce(remote);
    const keys = await deriveCoalitionKeys(key);
    const targetDoc = documentIdOf(keys, 'target', seeded.target.id);
    const stored = await remote.get(targetDoc);
    const data = String(stored['data']);
    await remote.put({ ...stored, data: (data[0] === 'A' ? 'B' : 'A') + data.slice(1) });
    const opened: string[] = [];
    const d = await laptop('member-d', key, undefined, [], now);
    const replica = await CoalitionReplica.open(d.db, d.config, d.workspace, {
      now,
      openDocuments: (docs, options) => {
        opened.push(...docs.map((doc) => doc._id));
        return openDocuments(docs, keys, options);
      },
    });
    const pulled = await replica.syncOnce(remote, { batch_size: 2 });
    expect(pulled.refused).toEqual([{ documentId: targetDoc, reason: 'altered' }]);
    expect(pulled.received).toBe(6);
    expect(opened).toHaveLength(7);
    expect(opened).toContain(targetDoc);
    expect(d.workspace.tables.targets.size).toBe(0);
    expect(d.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');
  });

  it('live: a change on one laptop is visible on another within 2 s', async () => {
    const { seeded, a, b } = await coalition();
    const remote = await remoteOf();
    await sync(remote, a, b);
    const pulled: number[] = [];
    const liveA = a.replica.startLive(remote);
    const liveB = b.replica.startLive(remote, { onPulled: (r) => pulled.push(r.applied) });
    try {
      const campaign = must(a.workspace.tables.campaigns.get(seeded.campaign.id));
      const started = performance.now();
      a.workspace.put('campaigns', { ...campaign, name: 'Live edit' });
      await a.replica.push();
      await expect
        .poll(() => b.workspace.tables.campaigns.get(seeded.campaign.id)?.name, {
          timeout: 2000,
          interval: 20,
        })
        .toBe('Live edit');
      expect(performance.now() - started).toBeLessThan(2000);
      await expect.poll(() => pulled.length).toBeGreaterThan(0);
    } finally {
      await liveA.stop();
      await liveB.stop();
    }
  });
});
