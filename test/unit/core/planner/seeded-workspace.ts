/* eslint-disable @typescript-eslint/no-non-null-assertion -- the fixtures are created a few lines above */
/** Three contacts, two active campaigns with targets, and interactions across them. */
import { afterEach } from 'vitest';
import type { DataCore } from '@core/index';
import { freshDataCore } from '../../../helpers/fresh-data-core';

let core: DataCore | undefined;

/** Call once in a test file: closes the workspace each test opened. */
export function closeWorkspaceAfterEach(): void {
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });
}

export async function workspace() {
  core = (await freshDataCore()).core;
  const [amal, basel, carla] = await core.contacts.createMany([
    { givenName: 'Amal', familyName: 'Haddad', title: 'MP' },
    { displayName: 'بسام الخوري', title: 'نائب' },
    { givenName: 'Carla', familyName: 'Ortiz' },
  ]);
  const bill = await core.campaigns.create({ name: 'Bill', status: 'active', winThreshold: 0.5 });
  const other = await core.campaigns.create({ name: 'Other', status: 'active' });
  const targets = await core.targets.createMany([
    { campaignId: bill.id, contactId: amal!.id, stance: 'supportive', priority: 2 },
    { campaignId: bill.id, contactId: basel!.id, stance: 'undecided', priority: 1 },
    { campaignId: bill.id, contactId: carla!.id, stance: 'opposed', priority: 2 },
    { campaignId: other.id, contactId: amal!.id, stance: 'champion', priority: 1 },
  ]);
  await core.interactions.createMany([
    { campaignId: bill.id, contactId: amal!.id, kind: 'call', occurredAt: '2026-11-20T10:00:00Z' },
    // Later than the one above although its text sorts first: 23:30 at UTC+3 is 20:30 UTC.
    {
      campaignId: bill.id,
      contactId: amal!.id,
      kind: 'email',
      occurredAt: '2026-11-20T23:30:00+03:00',
      followUpDate: '2026-12-03',
    },
    {
      campaignId: bill.id,
      contactId: amal!.id,
      kind: 'meeting',
      occurredAt: '2026-11-18T10:00:00Z',
      followUpDate: '2026-11-29',
      followUpDone: true,
    },
    // Same contact, other campaign: not part of this campaign's row.
    {
      campaignId: other.id,
      contactId: amal!.id,
      kind: 'call',
      occurredAt: '2026-11-28T10:00:00Z',
      followUpDate: '2026-11-30',
    },
    { contactId: basel!.id, kind: 'call', occurredAt: '2026-11-27T10:00:00Z' },
  ]);
  return { core, bill, other, amal: amal!, basel: basel!, carla: carla!, targets };
}
