import { describe, expect, it } from 'vitest';
import {
  contactAliasOf,
  deriveCoalitionKeys,
  newCoalitionKey,
} from '@core/coalition/coalition-key';
import {
  DataCoreWorkspace,
  receivedContactsMetaKey,
} from '@core/coalition/sync/data-core-workspace';
import type { CoalitionSyncConfig } from '@core/coalition/sync/ports';
import { CoalitionReplica } from '@core/coalition/sync/replica';
import type { DataCore } from '@core/db/data-core';
import { BULK_WRITE_AT } from '@core/db/record-store';
import { memoryReplica } from '../../../../helpers/couch-server';
import { failNthWrite, recordSnapshot } from '../../../../helpers/fail-nth-write';
import { closingAfterEach } from '../../../../helpers/fresh-data-core';
import { ARABIC_MARKER, must, testClock } from './fixtures';

const freshCore = closingAfterEach();

async function seed(core: DataCore) {
  const official = await core.contacts.create({
    kind: 'official',
    displayName: 'Councillor Okafor',
  });
  const volunteer = await core.contacts.create({
    kind: 'volunteer',
    displayName: ARABIC_MARKER,
    codeName: 'Falcon',
  });
  const campaign = await core.campaigns.create({
    name: 'Ordinance 2026-14',
    tasks: [{ id: crypto.randomUUID(), title: 'Call', ownerContactId: volunteer.id }],
  });
  await core.targets.create({ campaignId: campaign.id, contactId: official.id });
  const interaction = await core.interactions.create({
    campaignId: campaign.id,
    contactId: volunteer.id,
    kind: 'meeting',
    occurredAt: '2026-12-01T09:00:00Z',
  });
  return { official, volunteer, campaign, interaction };
}

async function pair() {
  const key = newCoalitionKey();
  const now = testClock();
  const a = (await freshCore()).core;
  const bFresh = await freshCore();
  const seeded = await seed(a);
  const config = (memberId: string, campaigns: string[]): CoalitionSyncConfig => ({
    coalitionId: 'c1',
    key,
    memberId,
    retiredKeyIds: [],
    sharedCampaigns: campaigns.map((campaignId) => ({ campaignId, templateIds: [] })),
  });
  const aDb = memoryReplica('a');
  const bDb = memoryReplica('b');
  const aReplica = await CoalitionReplica.open(
    aDb,
    config('member-a', [seeded.campaign.id]),
    new DataCoreWorkspace(a),
    { now },
  );
  const bReplica = await CoalitionReplica.open(
    bDb,
    config('member-b', []),
    new DataCoreWorkspace(bFresh.core),
    { now },
  );
  // Two replicas replicating directly stand in for the server here.
  const exchange = async () => {
    await aReplica.push();
    await bReplica.push();
    await aDb.sync(bDb);
    await aReplica.pull();
    await bReplica.pull();
  };
  return { a, bFresh, seeded, exchange, bReplica };
}

/** A coalition sharing nothing of this workspace, and its keys. */
async function unsharedConfig() {
  const config: CoalitionSyncConfig = {
    coalitionId: 'c1',
    key: newCoalitionKey(),
    memberId: 'member-a',
    retiredKeyIds: [],
    sharedCampaigns: [],
  };
  return { config, keys: await deriveCoalitionKeys(config.key) };
}

describe('DataCoreWorkspace', () => {
  it('stores received records in the data core; code-named contacts under their alias and code name', async () => {
    const { bFresh, seeded, exchange } = await pair();
    await exchange();
    const b = await bFresh.reopen();
    expect(b.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');
    expect(b.contacts.get(seeded.official.id)?.displayName).toBe('Councillor Okafor');
    expect(b.contacts.get(seeded.volunteer.id)).toBeUndefined();
    const alias = must(b.interactions.get(seeded.interaction.id)).contactId;
    expect(alias).not.toBe(seeded.volunteer.id);
    expect(b.contacts.get(alias)).toMatchObject({
      codeName: 'Falcon',
      displayName: 'Falcon',
      kind: 'volunteer',
    });
    expect(b.campaigns.get(seeded.campaign.id)?.tasks[0]?.ownerContactId).toBe(alias);
    expect(await b.store.readMeta(receivedContactsMetaKey('c1'))).toEqual({
      codeNamed: [alias],
      whole: [seeded.official.id],
    });
  });

  it('maps an alias back to the owner’s contact: an edit made elsewhere reaches the right record', async () => {
    const { a, bFresh, seeded, exchange } = await pair();
    await exchange();
    const b = bFresh.latest();
    await b.interactions.update(seeded.interaction.id, { outcome: 'Agreed to speak' });
    await exchange();
    expect(a.interactions.get(seeded.interaction.id)).toMatchObject({
      outcome: 'Agreed to speak',
      contactId: seeded.volunteer.id,
    });
    // The owner keeps the identity: the code-named copy never replaced it.
    expect(a.contacts.get(seeded.volunteer.id)?.displayName).toBe(ARABIC_MARKER);
    expect(a.contacts.count()).toBe(2);
    // B sends its received contacts back as they came: no second alias appears.
    expect(b.contacts.count()).toBe(2);
  });

  it('writes nothing when the commit fails, and takes the records at the next pull', async () => {
    const { bFresh, seeded, exchange, bReplica } = await pair();
    const b = bFresh.latest();
    const before = recordSnapshot(b);
    await failNthWrite(b, 1);
    await expect(exchange()).rejects.toThrow();
    expect(recordSnapshot(b)).toEqual(before);
    await bReplica.pull();
    expect(b.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');
  });

  it('tells a record no longer shared from one deleted or made sensitive', async () => {
    const core = (await freshCore()).core;
    const seeded = await seed(core);
    const workspace = new DataCoreWorkspace(core);
    const { config, keys } = await unsharedConfig();
    const alias = await contactAliasOf(keys, seeded.volunteer.id);
    const refs = [
      { kind: 'contact' as const, id: alias },
      { kind: 'contact' as const, id: seeded.official.id },
      { kind: 'interaction' as const, id: seeded.interaction.id },
    ];
    expect(await workspace.departures(config, keys, refs)).toEqual([
      'withdrawn',
      'withdrawn',
      'withdrawn',
    ]);
    await core.contacts.update(seeded.volunteer.id, { sensitive: true });
    await core.contacts.remove(seeded.official.id);
    expect(await workspace.departures(config, keys, refs)).toEqual([
      'deleted',
      'deleted',
      'deleted',
    ]);
  });

  it('reads a record again when a local write lands while a batch is checked: a letter keeps its file', async () => {
    const core = (await freshCore()).core;
    const official = await core.contacts.create({
      kind: 'official',
      displayName: 'Senator Padilla',
    });
    const letter = await core.letters.create({
      contactId: official.id,
      renderedText: 'Dear Senator Padilla,',
    });
    const { config, keys } = await unsharedConfig();
    const withFile = { ...letter, fileName: 'Padilla.docx', docxSha256: 'a'.repeat(64) };
    // The letter's file is recorded while the batch is being checked, from the stale record.
    const { store } = core;
    const get = store.get.bind(store);
    let written: Promise<void> | undefined;
    store.get = ((table, id) => {
      const value = get(table, id);
      if (table === 'letters' && id === letter.id && !written) {
        written = store.commit([{ table: 'letters', put: withFile }]);
      }
      return value;
    }) as typeof store.get;
    const sent = { ...letter, status: 'sent', updatedAt: '2026-12-07T10:00:00.000Z' };
    const result = await new DataCoreWorkspace(core).applyIncoming(config, keys, [
      { documentId: 'd', kind: 'letter', record: sent, removed: false, checked: true },
    ]);
    await written;
    expect(result.applied).toBe(1);
    expect(core.letters.get(letter.id)).toMatchObject({
      status: 'sent',
      fileName: 'Padilla.docx',
      docxSha256: 'a'.repeat(64),
    });
  });

  it('stores each batch of a receive in chunks of its own, the earlier ones left as they were', async () => {
    const fresh = await freshCore();
    const { config, keys } = await unsharedConfig();
    const workspace = new DataCoreWorkspace(fresh.core);
    // Officials travel whole: made in another workspace, as the coalition's member did.
    const source = (await freshCore()).core;
    const officials = await source.contacts.createMany(
      Array.from({ length: 2 * BULK_WRITE_AT }, (_, i) => ({
        kind: 'official' as const,
        displayName: `Councillor ${i}`,
      })),
    );
    const batch = (from: number) =>
      officials.slice(from, from + BULK_WRITE_AT).map((record) => ({
        documentId: record.id,
        kind: 'contact' as const,
        record,
        removed: false,
        checked: true,
      }));
    expect((await workspace.applyIncoming(config, keys, batch(0))).applied).toBe(BULK_WRITE_AT);
    const first = await fresh.core.store.db.chunks.toArray();
    expect(first).toHaveLength(1);
    expect((await workspace.applyIncoming(config, keys, batch(BULK_WRITE_AT))).applied).toBe(
      BULK_WRITE_AT,
    );
    const rows = await fresh.core.store.db.chunks.toArray();
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual(first[0]);
    const b = await fresh.reopen();
    expect(b.contacts.count()).toBe(2 * BULK_WRITE_AT);
    for (const official of officials) expect(b.contacts.get(official.id)).toEqual(official);
  });
});
