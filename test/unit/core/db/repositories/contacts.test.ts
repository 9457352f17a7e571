import { describe, expect, it } from 'vitest';
import { chosenFields, differingFields } from '@core/dedupe/merge-fields';
import { RestoreConflictError } from '@core/db/repositories/contacts';
import { NotFoundError } from '@core/db/repositories/repository';
import { ValidationError } from '@core/domain/validation';
import { failNthWrite, recordSnapshot } from '../../../../helpers/fail-nth-write';
import { freshDataCore } from '../../../../helpers/fresh-data-core';
import {
  errorOf,
  fiveTargetedContacts,
  layla,
  refusal,
  threeContactsTwoCampaigns,
} from '../fixtures';

const snapshot = recordSnapshot;

describe('contacts repository', () => {
  it('requires some name', async () => {
    const { core } = await freshDataCore();
    const error = await refusal(core.contacts.create({ kind: 'ally' }));
    expect(error.fieldErrors).toEqual([
      { field: 'displayName', message: 'a contact needs a given, family or display name' },
    ]);
  });

  it('deletes a contact with its targets, interactions and letters', async () => {
    const { core, reopen } = await freshDataCore();
    const contact = await core.contacts.create(layla);
    const campaign = await core.campaigns.create({
      name: 'Equality bill',
      tasks: [{ id: crypto.randomUUID(), title: 'Call', ownerContactId: contact.id }],
    });
    await core.targets.create({ campaignId: campaign.id, contactId: contact.id });
    await core.interactions.create({
      contactId: contact.id,
      kind: 'call',
      occurredAt: '2026-11-20T10:00:00Z',
    });
    await core.letters.create({ contactId: contact.id, renderedText: 'Dear…' });
    await core.contacts.removeWithDependents(contact.id);
    const again = await reopen();
    expect(
      [again.contacts, again.targets, again.interactions, again.letters].map((r) => r.count()),
    ).toEqual([0, 0, 0, 0]);
    expect(again.campaigns.require(campaign.id).tasks[0]?.ownerContactId).toBeUndefined();
  });
});

describe('merging contacts', () => {
  it('moves interactions, letters and targets and unites emails, phones and tags', async () => {
    const { core, reopen } = await freshDataCore();
    const keep = await core.contacts.create({ ...layla, phones: [{ value: '+961 1 234 567' }] });
    const drop = await core.contacts.create({
      givenName: 'Layla',
      familyName: 'Haddad',
      emails: [{ value: 'LAYLA.HADDAD@parliament.example' }, { value: 'layla@home.example' }],
      phones: [{ value: '+9611234567' }],
      party: 'Independent',
      tags: ['committee'],
      notes: 'Met at the conference.',
    });
    const campaign = await core.campaigns.create({ name: 'Equality bill' });
    const other = await core.campaigns.create({ name: 'Health access' });
    await core.targets.create({ campaignId: campaign.id, contactId: keep.id, priority: 3 });
    const dropTarget = await core.targets.create({
      campaignId: campaign.id,
      contactId: drop.id,
      priority: 1,
    });
    await core.targets.setStance(dropTarget.id, 'supportive', 'Rana');
    await core.targets.create({ campaignId: other.id, contactId: drop.id });
    await core.interactions.create({
      contactId: drop.id,
      kind: 'meeting',
      occurredAt: '2026-11-01T09:00:00Z',
    });
    await core.letters.create({ contactId: drop.id, renderedText: 'Dear Ms Haddad' });

    const merged = await core.contacts.merge(keep.id, drop.id);
    expect(merged.givenName).toBe('ليلى');
    expect(merged.party).toBe('Independent');
    expect(merged.emails.map((e) => e.value)).toEqual([
      'layla.haddad@parliament.example',
      'layla@home.example',
    ]);
    expect(merged.phones).toHaveLength(1);
    expect(merged.tags).toEqual(['لجنة حقوق الإنسان', 'committee']);

    const again = await reopen();
    expect(again.contacts.get(drop.id)).toBeUndefined();
    expect(again.interactions.forContact(keep.id)).toHaveLength(1);
    expect(again.letters.all().map((l) => l.contactId)).toEqual([keep.id]);
    const targets = again.targets.all();
    expect(targets).toHaveLength(2);
    expect(targets.every((t) => t.contactId === keep.id)).toBe(true);
    const equality = targets.find((t) => t.campaignId === campaign.id);
    expect(equality?.priority).toBe(1);
    expect(equality?.stanceHistory.map((h) => h.to)).toEqual(['supportive']);
  });
});

describe('sharing identity with coalitions', () => {
  it('is off by default, and a merged contact shares it only if both did', async () => {
    const { core } = await freshDataCore();
    const shared = await core.contacts.create({ displayName: 'Dana', shareIdentity: true });
    const other = await core.contacts.create({ displayName: 'Dana H.' });
    expect(other.shareIdentity).toBe(false);
    expect((await core.contacts.merge(shared.id, other.id)).shareIdentity).toBe(false);
    const a = await core.contacts.create({ displayName: 'Rim', shareIdentity: true });
    const b = await core.contacts.create({ displayName: 'Rim K.', shareIdentity: true });
    expect((await core.contacts.merge(a.id, b.id)).shareIdentity).toBe(true);
  });
});

describe('all-or-nothing writes', () => {
  it('a merge fails whole, and the store keeps working after a failure', async () => {
    const { core, reopen, contacts } = await fiveTargetedContacts();
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

describe('tagMany and untagMany', () => {
  it('tag only the contacts lacking the tag, in any letter case, and count them', async () => {
    const { core, reopen, layla, omar, rania } = await threeContactsTwoCampaigns();
    expect(await core.contacts.tagMany([layla.id, omar.id, rania.id], ' press ')).toBe(2);
    expect(core.contacts.require(omar.id).tags).toEqual(['Press']);
    expect(core.contacts.require(layla.id).tags).toEqual(['ally', 'press']);
    expect(await core.contacts.untagMany([layla.id, omar.id, rania.id], 'PRESS')).toBe(3);
    const again = await reopen();
    expect([layla, omar, rania].map((c) => again.contacts.require(c.id).tags)).toEqual([
      ['ally'],
      [],
      [],
    ]);
    expect(await again.contacts.untagMany([layla.id], 'press')).toBe(0);
  });

  it('refuse an empty or too long tag and an unknown contact, changing nothing', async () => {
    const { core, layla } = await threeContactsTwoCampaigns();
    const before = snapshot(core);
    expect(await errorOf(core.contacts.tagMany([layla.id], '  '))).toBeInstanceOf(ValidationError);
    expect(await errorOf(core.contacts.tagMany([layla.id], 'x'.repeat(61)))).toBeInstanceOf(
      ValidationError,
    );
    expect(
      await errorOf(
        core.contacts.tagMany([layla.id, '9b7e0c55-0000-4000-8000-000000000000'], 'new'),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(snapshot(core)).toEqual(before);
  });

  it('write all or nothing', async () => {
    const { core, reopen, layla, omar } = await threeContactsTwoCampaigns();
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.contacts.tagMany([layla.id, omar.id], 'new')).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });
});

describe('removeManyWithDependents and restoreRemoved', () => {
  it('delete contacts with targets, interactions, letters and task owners, and undo exactly', async () => {
    const { core, reopen, layla, omar, rania, campaign } = await threeContactsTwoCampaigns();
    const before = snapshot(core);
    const tasksBefore = core.campaigns.require(campaign.id).tasks;
    const removed = await core.contacts.removeManyWithDependents([layla.id, omar.id]);
    expect(removed.counts).toEqual({ contacts: 2, targets: 2, interactions: 2, letters: 1 });
    let again = await reopen();
    expect(again.contacts.all().map((c) => c.id)).toEqual([rania.id]);
    expect([again.targets.count(), again.interactions.count(), again.letters.count()]).toEqual([
      0, 0, 0,
    ]);
    expect(again.campaigns.require(campaign.id).tasks[0]?.ownerContactId).toBeUndefined();

    await again.contacts.restoreRemoved(removed);
    again = await reopen();
    const after = snapshot(again);
    // Everything is back as it was; only the campaign holding the task was rewritten.
    expect({ ...after, campaigns: [] }).toEqual({ ...before, campaigns: [] });
    expect(again.campaigns.require(campaign.id).tasks).toEqual(tasksBefore);
  });

  it('undo keeps a new owner given to the task meanwhile', async () => {
    const { core, layla, rania, campaign, taskId } = await threeContactsTwoCampaigns();
    const removed = await core.contacts.removeManyWithDependents([layla.id]);
    const tasks = core.campaigns
      .require(campaign.id)
      .tasks.map((t) => ({ ...t, ownerContactId: rania.id }));
    await core.campaigns.update(campaign.id, { tasks });
    await core.contacts.restoreRemoved(removed);
    expect(
      core.campaigns.require(campaign.id).tasks.find((t) => t.id === taskId)?.ownerContactId,
    ).toBe(rania.id);
    expect(core.contacts.get(layla.id)).toBeDefined();
  });

  it('undo refuses when a record exists again or its campaign was deleted, and writes nothing', async () => {
    const { core, layla, other, omar } = await threeContactsTwoCampaigns();
    const removed = await core.contacts.removeManyWithDependents([layla.id]);
    await core.contacts.restoreRemoved(removed);
    const twice = await errorOf(core.contacts.restoreRemoved(removed));
    expect(twice).toBeInstanceOf(RestoreConflictError);
    expect(twice).toMatchObject({ code: 'record-exists', table: 'contacts', id: layla.id });

    const removedOmar = await core.contacts.removeManyWithDependents([omar.id]);
    await core.campaigns.removeWithDependents(other.id);
    const before = snapshot(core);
    const missing = await errorOf(core.contacts.restoreRemoved(removedOmar));
    expect(missing).toMatchObject({ code: 'campaign-missing', id: other.id });
    expect(snapshot(core)).toEqual(before);
  });

  it('deleting many fails whole when the write fails half-way', async () => {
    const { core, reopen, layla, omar } = await threeContactsTwoCampaigns();
    // Enough records to take the bulk path, which writes chunks and then clears pending rows.
    await core.contacts.createMany(
      Array.from({ length: 300 }, (_, i) => ({ givenName: `Extra ${i}` })),
    );
    const ids = [
      layla.id,
      omar.id,
      ...core.contacts
        .all()
        .slice(3, 250)
        .map((c) => c.id),
    ];
    const before = snapshot(core);
    await failNthWrite(core, 2);
    await expect(core.contacts.removeManyWithDependents(ids)).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });

  it('undo fails whole too, and can be tried again', async () => {
    const { core, reopen, layla, omar } = await threeContactsTwoCampaigns();
    const removed = await core.contacts.removeManyWithDependents([layla.id, omar.id]);
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.contacts.restoreRemoved(removed)).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    await core.contacts.restoreRemoved(removed);
    expect((await reopen()).contacts.count()).toBe(3);
  });
});

describe('upsertByExternalId', () => {
  const senator = {
    kind: 'official' as const,
    honorific: 'Sen.',
    givenName: 'Peter',
    familyName: 'Welch',
    title: 'United States Senator',
    region: 'Vermont',
    phones: [{ label: 'Washington office', value: '202-224-4242' }],
    websites: [{ label: 'Website', value: 'https://www.welch.senate.gov' }],
    tags: ['Senate Committee on Finance'],
    externalId: 'bioguide:W000800',
  };

  it('creates, then updates in place, and reports unchanged entries', async () => {
    const { core, reopen } = await freshDataCore();
    const other = {
      ...senator,
      givenName: 'Bernard',
      familyName: 'Sanders',
      externalId: 'bioguide:S000033',
    };
    expect(await core.contacts.upsertByExternalId([senator, other])).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await core.contacts.upsertByExternalId([senator, other])).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = { ...senator, phones: [{ label: 'Washington office', value: '202-224-0000' }] };
    expect(await core.contacts.upsertByExternalId([changed, other])).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    const again = await reopen();
    expect(again.contacts.count()).toBe(2);
    expect(again.contacts.all().find((c) => c.familyName === 'Welch')?.phones).toEqual([
      { label: 'Washington office', value: '202-224-0000' },
    ]);
  });

  it("keeps the user's tags, notes, flags and own list entries", async () => {
    const { core } = await freshDataCore();
    await core.contacts.upsertByExternalId([senator]);
    const [created] = core.contacts.all();
    if (!created) throw new Error('not created');
    await core.contacts.update(created.id, {
      tags: ['priority'],
      notes: 'Met his staffer in May.',
      doNotContact: true,
      formOfAddress: 'masculine',
      phones: [...created.phones, { label: 'Staffer', value: '202-555-0101' }],
      title: 'Senator (edited)',
    });
    const refreshed = { ...senator, tags: ['Senate Committee on the Judiciary'], notes: 'ignored' };
    expect(await core.contacts.upsertByExternalId([refreshed])).toMatchObject({ updated: 1 });
    expect(core.contacts.require(created.id)).toMatchObject({
      tags: ['priority', 'Senate Committee on the Judiciary'],
      notes: 'Met his staffer in May.',
      doNotContact: true,
      formOfAddress: 'masculine',
      title: 'United States Senator',
      phones: [
        { label: 'Washington office', value: '202-224-4242' },
        { label: 'Staffer', value: '202-555-0101' },
      ],
    });
  });

  it('refuses entries without an external id, twice the same one, or invalid, naming each', async () => {
    const { core } = await freshDataCore();
    const error = await errorOf(
      core.contacts.upsertByExternalId([
        senator,
        { ...senator, externalId: undefined },
        senator,
        { ...senator, externalId: 'bioguide:X000001', phones: [{ value: 'call me' }] },
      ]),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((e) => e.field)).toEqual([
      '[1].externalId',
      '[2].externalId',
      '[3].phones.0.value',
    ]);
    expect(core.contacts.count()).toBe(0);
  });

  it('writes all or nothing', async () => {
    const { core, reopen } = await freshDataCore();
    const entries = Array.from({ length: 250 }, (_, i) => ({
      ...senator,
      externalId: `bioguide:T${String(i).padStart(6, '0')}`,
    }));
    await core.contacts.upsertByExternalId([senator]);
    const before = snapshot(core);
    // Write 1 puts the chunks, write 2 (clearing the pending row of the first) fails.
    await failNthWrite(core, 2);
    await expect(core.contacts.upsertByExternalId([senator, ...entries])).rejects.toThrow(
      /disk is full/,
    );
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });
});

describe('merge', () => {
  it('moves interactions, letters and targets; one target per campaign keeps both stance histories', async () => {
    const { core, reopen, layla, omar, campaign, other, target, taskId } =
      await threeContactsTwoCampaigns();
    const omarTarget = await core.targets.create({
      campaignId: campaign.id,
      contactId: omar.id,
      notes: 'Wary',
    });
    await core.targets.setStance(omarTarget.id, 'undecided', 'Rana');
    await core.targets.setStance(target.id, 'supportive', 'Sami');
    const omarLetter = await core.letters.create({
      campaignId: campaign.id,
      contactId: omar.id,
      targetId: omarTarget.id,
      renderedText: 'Dear Mr Khalil',
    });
    await core.campaigns.update(campaign.id, {
      tasks: [{ id: taskId, title: 'Call Omar', ownerContactId: omar.id }],
    });
    await core.contacts.merge(layla.id, omar.id);
    const again = await reopen();
    expect(again.contacts.get(omar.id)).toBeUndefined();
    expect(again.interactions.forContact(layla.id)).toHaveLength(2);
    expect(again.interactions.all().every((i) => i.contactId === layla.id)).toBe(true);
    const targets = again.targets.all();
    expect(targets.map((t) => [t.campaignId, t.contactId]).sort()).toEqual(
      [
        [campaign.id, layla.id],
        [other.id, layla.id],
      ].sort(),
    );
    const kept = again.targets.require(target.id);
    expect(kept.stanceHistory.map((h) => [h.to, h.by])).toEqual([
      ['undecided', 'Rana'],
      ['supportive', 'Sami'],
    ]);
    expect(kept.stance).toBe('supportive');
    expect(kept.notes).toBe('Wary');
    // The letter to the dropped target now points at the one kept.
    expect(again.letters.require(omarLetter.id)).toMatchObject({
      contactId: layla.id,
      targetId: target.id,
    });
    expect(again.campaigns.require(campaign.id).tasks[0]?.ownerContactId).toBe(layla.id);
  });

  it('fails whole when the write fails', async () => {
    const { core, reopen, layla, omar } = await threeContactsTwoCampaigns();
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.contacts.merge(layla.id, omar.id)).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });

  it('refuses a merged contact that would be invalid (too many e-mails), writing nothing', async () => {
    const { core } = await freshDataCore();
    const emails = (who: string) =>
      Array.from({ length: 6 }, (_, i) => ({ value: `${who}${i}@example.org` }));
    const [a, b] = await core.contacts.createMany([
      { givenName: 'A', emails: emails('a') },
      { givenName: 'B', emails: emails('b') },
    ]);
    if (!a || !b) throw new Error('not created');
    const before = snapshot(core);
    expect(await errorOf(core.contacts.merge(a.id, b.id))).toBeInstanceOf(ValidationError);
    expect(snapshot(core)).toEqual(before);
  });

  it('takes the field values the user chose side by side', async () => {
    const { core } = await freshDataCore();
    const [keep, drop] = await core.contacts.createMany([
      {
        givenName: 'Layla',
        familyName: 'Haddad',
        title: 'MP',
        emails: [{ value: 'a@example.org' }],
      },
      {
        givenName: 'Laila',
        familyName: 'Haddad',
        title: 'Member of Parliament',
        party: 'Independent',
        region: 'Beirut',
        emails: [{ value: 'b@example.org' }],
      },
    ]);
    if (!keep || !drop) throw new Error('not created');
    const differences = differingFields(keep, drop);
    expect(differences).toEqual([
      { field: 'givenName', keep: 'Layla', drop: 'Laila' },
      { field: 'title', keep: 'MP', drop: 'Member of Parliament' },
      { field: 'region', keep: undefined, drop: 'Beirut' },
      { field: 'party', keep: undefined, drop: 'Independent' },
    ]);
    const fields = chosenFields(keep, drop, { title: 'drop', region: 'keep' });
    expect(fields).toEqual({
      givenName: 'Layla',
      title: 'Member of Parliament',
      region: undefined,
      party: 'Independent',
    });
    const merged = await core.contacts.merge(keep.id, drop.id, fields);
    expect(merged).toMatchObject({
      givenName: 'Layla',
      title: 'Member of Parliament',
      party: 'Independent',
    });
    expect(merged.region).toBeUndefined();
    expect(merged.emails.map((e) => e.value)).toEqual(['a@example.org', 'b@example.org']);
  });

  it('counts what hangs on a contact', async () => {
    const { core, layla, rania } = await threeContactsTwoCampaigns();
    expect(core.contacts.dependentsOf(layla.id)).toEqual({
      interactions: 1,
      targets: 1,
      letters: 1,
      tasks: 1,
    });
    expect(core.contacts.dependentsOf(rania.id)).toEqual({
      interactions: 0,
      targets: 0,
      letters: 0,
      tasks: 0,
    });
  });
});

describe('createWithOrganization and updateWithOrganization', () => {
  it('create a new organization and a contact linked to it, in one commit', async () => {
    const { core, reopen } = await freshDataCore();
    const versions = () => [core.store.version('organizations'), core.store.version('contacts')];
    const before = versions();
    const { contact, organization } = await core.contacts.createWithOrganization(layla, {
      name: 'مجلس النواب',
    });
    expect(contact.organizationId).toBe(organization.id);
    expect(versions()).toEqual(before.map((version) => version + 1));
    const again = await reopen();
    expect(again.organizations.require(organization.id)).toMatchObject({ name: 'مجلس النواب' });
    expect(again.contacts.require(contact.id)).toMatchObject({
      givenName: 'ليلى',
      organizationId: organization.id,
    });
  });

  it('link an existing contact to a new organization, replacing the old link', async () => {
    const { core, reopen } = await freshDataCore();
    const old = await core.organizations.create({ name: 'Old committee' });
    const existing = await core.contacts.create({ ...layla, organizationId: old.id });
    const { contact, organization } = await core.contacts.updateWithOrganization(
      existing.id,
      { title: 'Chair' },
      { name: 'Human rights committee' },
    );
    expect(contact).toMatchObject({ id: existing.id, title: 'Chair' });
    const again = await reopen();
    expect(again.contacts.require(existing.id).organizationId).toBe(organization.id);
    expect(again.organizations.count()).toBe(2);
  });

  it('store neither when the contact or the organization is invalid', async () => {
    const { core } = await freshDataCore();
    const existing = await core.contacts.create(layla);
    const before = snapshot(core);
    expect(
      (await refusal(core.contacts.createWithOrganization({}, { name: 'Kept?' }))).entity,
    ).toBe('Contact');
    expect(
      (await refusal(core.contacts.createWithOrganization(layla, { name: '  ' }))).entity,
    ).toBe('Organization');
    expect(
      await errorOf(
        core.contacts.updateWithOrganization(
          '9b7e0c55-0000-4000-8000-000000000000',
          {},
          {
            name: 'Orphan',
          },
        ),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(
      (
        await refusal(
          core.contacts.updateWithOrganization(
            existing.id,
            { emails: [{ value: 'x' }] },
            {
              name: 'Kept?',
            },
          ),
        )
      ).entity,
    ).toBe('Contact');
    expect(snapshot(core)).toEqual(before);
  });

  it('fail whole when the write fails', async () => {
    const { core, reopen } = await freshDataCore();
    const existing = await core.contacts.create(layla);
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(
      core.contacts.createWithOrganization({ givenName: 'Omar' }, { name: 'Bar association' }),
    ).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    await failNthWrite(core, 1);
    await expect(
      core.contacts.updateWithOrganization(existing.id, {}, { name: 'Bar association' }),
    ).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });
});
