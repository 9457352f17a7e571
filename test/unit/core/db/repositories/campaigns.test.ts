import { describe, expect, it } from 'vitest';
import { failNthWrite, recordSnapshot as snapshot } from '../../../../helpers/fail-nth-write';
import { freshDataCore } from '../../../../helpers/fresh-data-core';
import { fiveTargetedContacts, layla } from '../fixtures';

describe('campaigns, targets, interactions', () => {
  it('refuses a campaign that ends before it starts', async () => {
    const { core } = await freshDataCore();
    await expect(
      core.campaigns.create({ name: 'x', startDate: '2026-12-01', endDate: '2026-11-01' }),
    ).rejects.toThrow(/endDate: the end date is before the start date/);
  });

  it('deletes a campaign with its targets, interactions and letters only', async () => {
    const { core, reopen } = await freshDataCore();
    const contact = await core.contacts.create(layla);
    const [a, b] = await core.campaigns.createMany([{ name: 'A' }, { name: 'B' }]);
    if (!a || !b) throw new Error('campaigns not created');
    for (const campaign of [a, b]) {
      await core.targets.create({ campaignId: campaign.id, contactId: contact.id });
      await core.interactions.create({
        campaignId: campaign.id,
        contactId: contact.id,
        kind: 'email',
        occurredAt: '2026-11-21T08:00:00+02:00',
      });
    }
    await core.campaigns.removeWithDependents(a.id);
    const again = await reopen();
    expect(again.campaigns.all().map((c) => c.name)).toEqual(['B']);
    expect(again.targets.all().map((t) => t.campaignId)).toEqual([b.id]);
    expect(again.interactions.forCampaign(b.id)).toHaveLength(1);
    expect(again.interactions.forContact(contact.id)).toHaveLength(1);
    expect(again.contacts.count()).toBe(1);
  });
});

describe('all-or-nothing writes', () => {
  it('deleting a campaign with its dependents fails whole', async () => {
    const { core, reopen, campaign } = await fiveTargetedContacts();
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.campaigns.removeWithDependents(campaign.id)).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });
});
