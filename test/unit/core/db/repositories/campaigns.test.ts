import { describe, expect, it } from 'vitest';
import { failNthWrite, recordSnapshot as snapshot } from '../../../../helpers/fail-nth-write';
import { freshDataCore } from '../../../../helpers/fresh-data-core';

async function seeded() {
  const fresh = await freshDataCore();
  const { core } = fresh;
  const contacts = await core.contacts.createMany(
    Array.from({ length: 5 }, (_, i) => ({
      givenName: `Contact ${i}`,
      emails: [{ value: `c${i}@example.org` }],
    })),
  );
  const campaign = await core.campaigns.create({ name: 'Equality bill' });
  for (const contact of contacts) {
    await core.targets.create({ campaignId: campaign.id, contactId: contact.id });
    await core.interactions.create({
      campaignId: campaign.id,
      contactId: contact.id,
      kind: 'letter',
      occurredAt: '2026-11-20T10:00:00Z',
    });
  }
  return { ...fresh, contacts, campaign };
}

describe('all-or-nothing writes', () => {
  it('a bulk import that fails half-way leaves the database and memory as they were', async () => {
    const { core, reopen } = await seeded();
    const before = snapshot(core);
    // Write 1 puts the new chunks, write 2 (clearing pending rows) fails: the first must roll back.
    await failNthWrite(core, 2);
    await expect(
      core.contacts.createMany(Array.from({ length: 500 }, (_, i) => ({ givenName: `New ${i}` }))),
    ).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });

  it('deleting a campaign with its dependents fails whole', async () => {
    const { core, reopen, campaign } = await seeded();
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.campaigns.removeWithDependents(campaign.id)).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });

  it('a merge fails whole, and the store keeps working after a failure', async () => {
    const { core, reopen, contacts } = await seeded();
    const [keep, drop] = contacts;
    if (!keep || !drop) throw new Error('no contacts');
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.contacts.merge(keep.id, drop.id)).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    await core.contacts.merge(keep.id, drop.id);
    const after = await reopen();
    expect(after.contacts.count()).toBe(4);
    expect(after.interactions.forContact(keep.id)).toHaveLength(2);
  });
});
