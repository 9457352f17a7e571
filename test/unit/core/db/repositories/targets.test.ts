import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@core/db/repositories/repository';
import { ValidationError } from '@core/domain/validation';
import { failNthWrite, recordSnapshot as snapshot } from '../../../../helpers/fail-nth-write';
import { freshDataCore } from '../../../../helpers/fresh-data-core';
import { errorOf, layla, threeContactsTwoCampaigns } from '../fixtures';

describe('campaigns, targets, interactions', () => {
  it('keeps a stance history with who, when and from what', async () => {
    const { core, reopen } = await freshDataCore();
    const contact = await core.contacts.create(layla);
    const campaign = await core.campaigns.create({ name: 'قانون المساواة', language: 'ar' });
    const target = await core.targets.create({ campaignId: campaign.id, contactId: contact.id });
    await core.targets.setStance(target.id, 'undecided', 'Rana');
    await core.targets.setStance(target.id, 'supportive', 'Omar', 'after the meeting');
    await core.targets.setStance(target.id, 'supportive', 'Omar');
    const stored = (await reopen()).targets.require(target.id);
    expect(stored.stance).toBe('supportive');
    expect(stored.stanceHistory.map(({ from, to, by }) => [from, to, by])).toEqual([
      ['unknown', 'undecided', 'Rana'],
      ['undecided', 'supportive', 'Omar'],
    ]);
    expect(stored.stanceHistory[1]?.note).toBe('after the meeting');
  });
});

describe('targets.addContacts', () => {
  it('adds the contacts not yet targeted, with the defaults, in one commit', async () => {
    const { core, reopen, layla, omar, rania, campaign } = await threeContactsTwoCampaigns();
    const result = await core.targets.addContacts(
      campaign.id,
      [layla.id, omar.id, rania.id, omar.id],
      {
        stance: 'undecided',
        priority: 1,
      },
    );
    expect(result).toEqual({ added: 2, alreadyTargets: 2 });
    const targets = (await reopen()).targets.forCampaign(campaign.id);
    expect(targets.map((t) => t.contactId).sort()).toEqual([layla.id, omar.id, rania.id].sort());
    expect(targets.find((t) => t.contactId === rania.id)).toMatchObject({
      stance: 'undecided',
      priority: 1,
    });
  });

  it('refuses an unknown campaign or contact, or a bad priority, and adds nothing', async () => {
    const { core, omar, campaign } = await threeContactsTwoCampaigns();
    const before = snapshot(core);
    const nobody = '9b7e0c55-0000-4000-8000-000000000000';
    expect(await errorOf(core.targets.addContacts(nobody, [omar.id]))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await errorOf(core.targets.addContacts(campaign.id, [omar.id, nobody]))).toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await errorOf(core.targets.addContacts(campaign.id, [omar.id], { priority: 9 })),
    ).toBeInstanceOf(ValidationError);
    expect(snapshot(core)).toEqual(before);
  });

  it('writes all or nothing', async () => {
    const { core, reopen, omar, rania, campaign } = await threeContactsTwoCampaigns();
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.targets.addContacts(campaign.id, [omar.id, rania.id])).rejects.toThrow(
      /disk is full/,
    );
    expect(snapshot(await reopen())).toEqual(before);
  });
});
