/* eslint-disable @typescript-eslint/no-non-null-assertion -- the fixtures are created a few lines above */
import { afterEach, describe, expect, it } from 'vitest';
import {
  campaignWorkspaceData,
  dashboardData,
  plannerIndexOf,
  targetRows,
  type DataCore,
} from '@core/index';
import { freshDataCore } from '../../../helpers/fresh-data-core';

let core: DataCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function workspace() {
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

describe('targetRows', () => {
  it('gives each target its contact, last interaction and next open follow-up in the campaign', async () => {
    const { core, bill } = await workspace();
    const rows = targetRows(bill.id, core);
    expect(
      rows.map((row) => [
        row.name,
        row.title,
        row.stance,
        row.priority,
        row.lastInteraction,
        row.nextFollowUp,
        row.interactionCount,
      ]),
    ).toEqual([
      ['بسام الخوري', 'نائب', 'undecided', 1, undefined, undefined, 0],
      ['Amal Haddad', 'MP', 'supportive', 2, '2026-11-20T20:30:00.000Z', '2026-12-03', 3],
      ['Carla Ortiz', undefined, 'opposed', 2, undefined, undefined, 0],
    ]);
  });

  it('follows later changes: a new interaction, a stance, a follow-up done, a deletion', async () => {
    const { core, bill, carla, amal, targets } = await workspace();
    const created = await core.interactions.create({
      campaignId: bill.id,
      contactId: carla.id,
      kind: 'letter',
      occurredAt: '2026-11-29T08:00:00.000Z',
      followUpDate: '2026-12-01',
    });
    await core.targets.setStance(targets[2]!.id, 'undecided');
    let carlaRow = targetRows(bill.id, core).find((row) => row.contact?.id === carla.id);
    expect(carlaRow).toMatchObject({
      stance: 'undecided',
      lastInteraction: '2026-11-29T08:00:00.000Z',
      nextFollowUp: '2026-12-01',
      interactionCount: 1,
    });
    await core.interactions.update(created.id, { followUpDone: true });
    carlaRow = targetRows(bill.id, core).find((row) => row.contact?.id === carla.id);
    expect(carlaRow?.nextFollowUp).toBeUndefined();
    await core.interactions.remove(created.id);
    carlaRow = targetRows(bill.id, core).find((row) => row.contact?.id === carla.id);
    expect(carlaRow).toMatchObject({ lastInteraction: undefined, interactionCount: 0 });
    await core.targets.remove(targets[0]!.id);
    expect(targetRows(bill.id, core).map((row) => row.contact?.id)).not.toContain(amal.id);
  });

  it('is never stale, even for a change listener that runs before the index has seen the change', async () => {
    const { core, bill, carla } = await workspace();
    plannerIndexOf(core.store);
    const seen: number[] = [];
    // Subscribed after the index: it runs after it. Subscribe a second index user before a
    // rebuilt store to check the other order too.
    core.store.subscribe(() =>
      seen.push(
        targetRows(bill.id, core!).find((r) => r.contact?.id === carla.id)!.interactionCount,
      ),
    );
    await core.interactions.create({
      campaignId: bill.id,
      contactId: carla.id,
      kind: 'call',
      occurredAt: '2026-11-29T08:00:00.000Z',
    });
    expect(seen).toEqual([1]);

    const fresh = (await freshDataCore()).core;
    try {
      const c = await fresh.contacts.create({ givenName: 'Dana' });
      const campaign = await fresh.campaigns.create({ name: 'C' });
      await fresh.targets.create({ campaignId: campaign.id, contactId: c.id });
      const counts: number[] = [];
      fresh.store.subscribe(() => counts.push(targetRows(campaign.id, fresh)[0]!.interactionCount));
      expect(targetRows(campaign.id, fresh)[0]!.interactionCount).toBe(0);
      await fresh.interactions.create({
        campaignId: campaign.id,
        contactId: c.id,
        kind: 'call',
        occurredAt: '2026-11-29T08:00:00.000Z',
      });
      expect(counts).toEqual([1]);
      expect(targetRows(campaign.id, fresh)[0]!.interactionCount).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('follows a restore that replaces everything', async () => {
    const { core, bill } = await workspace();
    expect(targetRows(bill.id, core)).toHaveLength(3);
    await core.store.replaceAll(new Map());
    expect(targetRows(bill.id, core)).toEqual([]);
  });

  it('shows an empty name, not a crash, for a target whose contact is gone', async () => {
    const { core, bill, carla } = await workspace();
    await core.contacts.remove(carla.id);
    const row = targetRows(bill.id, core).find((r) => r.target.contactId === carla.id);
    expect(row).toMatchObject({ name: '', contact: undefined });
  });
});

describe('workspace and dashboard data', () => {
  it('gathers a campaign workspace', async () => {
    const { core, bill } = await workspace();
    const data = campaignWorkspaceData(core, bill.id, {
      today: '2026-11-30',
      timeZone: 'UTC',
      weeks: 3,
    });
    expect(data?.whip).toMatchObject({
      total: 3,
      supportive: 1,
      opposed: 1,
      needed: 2,
      missing: 1,
    });
    expect(data?.due.map((item) => item.due)).toEqual(['2026-12-03']);
    expect(data?.outreach.map((week) => week.count)).toEqual([3, 0, 0]);
    expect(
      campaignWorkspaceData(core, crypto.randomUUID(), { today: '2026-11-30', timeZone: 'UTC' }),
    ).toBeUndefined();
  });

  it('gathers the dashboard: active campaigns, everything due, the latest interactions', async () => {
    const { core } = await workspace();
    await core.campaigns.create({ name: 'Paused', status: 'paused' });
    const data = dashboardData(core, { today: '2026-11-30', timeZone: 'UTC', recentLimit: 2 });
    expect(data.campaigns.map((c) => c.campaign.name)).toEqual(['Bill', 'Other']);
    expect(data.activeCount).toBe(2);
    expect(data.due.map((item) => [item.due, item.dueToday])).toEqual([
      ['2026-11-30', true],
      ['2026-12-03', false],
    ]);
    expect(data.recent.map((i) => i.occurredAt)).toEqual([
      '2026-11-28T10:00:00Z',
      '2026-11-27T10:00:00Z',
    ]);
    expect(data.dueCounts).toEqual({ overdue: 0, today: 1, upcoming: 1, total: 2 });
    const limited = dashboardData(core, {
      today: '2026-11-30',
      timeZone: 'UTC',
      campaignLimit: 1,
      dueLimit: 1,
    });
    expect(limited.due.map((item) => item.due)).toEqual(['2026-11-30']);
    expect(limited.dueCounts.total).toBe(2);
    expect(limited.campaigns).toHaveLength(1);
    expect(limited.activeCount).toBe(2);
  });
});
