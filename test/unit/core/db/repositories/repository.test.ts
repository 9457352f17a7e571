import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@core/db/repositories/repository';
import { ValidationError } from '@core/domain/validation';
import { freshDataCore } from '../../../../helpers/fresh-data-core';

/** The ValidationError a write was refused with; fails the test if it was not refused so. */
async function refusal(write: Promise<unknown>): Promise<ValidationError> {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError))
    throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error;
}

const layla = {
  kind: 'official' as const,
  honorific: 'النائبة',
  givenName: 'ليلى',
  familyName: 'حداد',
  formOfAddress: 'feminine' as const,
  title: 'عضو مجلس النواب',
  emails: [{ value: 'layla.haddad@parliament.example' }],
  addresses: [{ lines: ['مجلس النواب', 'شارع البرلمان'], locality: 'بيروت', country: 'لبنان' }],
  tags: ['لجنة حقوق الإنسان'],
};

describe('contacts repository', () => {
  it('creates a contact with id, timestamps and defaults, and finds it after reopening', async () => {
    const { core, reopen } = await freshDataCore();
    const created = await core.contacts.create(layla);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(created).toMatchObject({ doNotContact: false, sensitive: false, phones: [] });
    const again = await reopen();
    expect(again.contacts.get(created.id)).toEqual(created);
  });

  it('updates fields, keeps createdAt, moves updatedAt', async () => {
    const { core, reopen } = await freshDataCore();
    const created = await core.contacts.create(layla);
    const updated = await core.contacts.update(created.id, { party: 'مستقلة', doNotContact: true });
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect((await reopen()).contacts.get(created.id)).toMatchObject({
      party: 'مستقلة',
      doNotContact: true,
      givenName: 'ليلى',
    });
  });

  it('refuses invalid writes with field-level messages, and stores nothing', async () => {
    const { core } = await freshDataCore();
    const error = await refusal(
      core.contacts.create({ kind: 'wizard' as never, emails: [{ value: 'not-an-email' }] }),
    );
    const fields = error.fieldErrors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'emails.0.value']));
    expect(error.message).toMatch(/^Contact: /);
    expect(error.fieldErrors.find((e) => e.field === 'emails.0.value')?.message).toBe(
      'not a valid email address',
    );
    expect(core.contacts.count()).toBe(0);
  });

  it('requires some name', async () => {
    const { core } = await freshDataCore();
    const error = await refusal(core.contacts.create({ kind: 'ally' }));
    expect(error.fieldErrors).toEqual([
      { field: 'displayName', message: 'a contact needs a given, family or display name' },
    ]);
  });

  it('refuses an update of a record that does not exist', async () => {
    const { core } = await freshDataCore();
    await expect(
      core.contacts.update('9b7e0c55-0000-4000-8000-000000000000', {}),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('createMany names the row and field of every problem and writes nothing', async () => {
    const { core } = await freshDataCore();
    const error = await refusal(
      core.contacts.createMany([
        layla,
        { givenName: 'Sam', emails: [{ value: 'x@' }] },
        { kind: 'ally' },
      ]),
    );
    expect(error.fieldErrors.map((e) => e.field)).toEqual([
      '[1].emails.0.value',
      '[2].displayName',
    ]);
    expect(core.contacts.count()).toBe(0);
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

describe('settings', () => {
  it('has defaults, and keeps changes', async () => {
    const { core, reopen } = await freshDataCore();
    expect(core.settings.get()).toMatchObject({ letterPaper: 'a4', arabicDigits: 'latin' });
    await core.settings.update({
      letterPaper: 'letter',
      organizationProfile: { name: 'تضامن بيروت', addressLines: ['ص.ب. 1234'] },
    });
    expect((await reopen()).settings.get()).toMatchObject({
      letterPaper: 'letter',
      organizationProfile: { name: 'تضامن بيروت', addressLines: ['ص.ب. 1234'] },
    });
    await expect(
      core.settings.update({ organizationProfile: { email: 'nope', addressLines: [] } }),
    ).rejects.toThrow(/organizationProfile.email: not a valid email address/);
  });
});
