/** Workspaces and inputs shared by the data core's tests. */
import { ValidationError } from '@core/domain/validation';
import { freshDataCore } from '../../../helpers/fresh-data-core';

/** An Arabic-named official with an address, an e-mail and a tag. */
export const layla = {
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

/** The ValidationError a write was refused with; fails the test if it was not refused so. */
export async function refusal(write: Promise<unknown>): Promise<ValidationError> {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError))
    throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error;
}

/** The error a write was refused with; fails the test if it was not refused. */
export async function errorOf(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => {
      throw new Error('expected the write to be refused');
    },
    (error: unknown) => error,
  );
}

/** Five contacts, each a target of one campaign, with one letter logged to each. */
export async function fiveTargetedContacts() {
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

/** Three contacts, two campaigns with targets, interactions, a letter and a task owner. */
export async function threeContactsTwoCampaigns() {
  const fresh = await freshDataCore();
  const { core } = fresh;
  const [layla, omar, rania] = await core.contacts.createMany([
    { givenName: 'Layla', familyName: 'Haddad', tags: ['ally'] },
    { givenName: 'Omar', familyName: 'Khalil', tags: ['Press'] },
    { givenName: 'رانيا', familyName: 'صالح' },
  ]);
  if (!layla || !omar || !rania) throw new Error('contacts not created');
  const taskId = crypto.randomUUID();
  const campaign = await core.campaigns.create({
    name: 'Equality bill',
    tasks: [{ id: taskId, title: 'Call Layla', ownerContactId: layla.id }],
  });
  const other = await core.campaigns.create({ name: 'Health access' });
  const target = await core.targets.create({ campaignId: campaign.id, contactId: layla.id });
  await core.targets.create({ campaignId: other.id, contactId: omar.id });
  const letter = await core.letters.create({
    campaignId: campaign.id,
    contactId: layla.id,
    targetId: target.id,
    renderedText: 'Dear Ms Haddad',
  });
  await core.interactions.create({
    campaignId: campaign.id,
    contactId: layla.id,
    kind: 'letter',
    occurredAt: '2026-11-20T10:00:00Z',
    letterId: letter.id,
  });
  await core.interactions.create({
    contactId: omar.id,
    kind: 'call',
    occurredAt: '2026-11-21T10:00:00Z',
  });
  return { ...fresh, layla, omar, rania, campaign, other, taskId, target };
}
