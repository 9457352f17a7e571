/* eslint-disable @typescript-eslint/no-non-null-assertion -- the fixtures are created a few lines above */
import { describe, expect, it } from 'vitest';
import { plannerIndexOf, targetRows } from '@core/index';
import { freshDataCore } from '../../../helpers/fresh-data-core';
import { closeWorkspaceAfterEach, workspace } from './seeded-workspace';

closeWorkspaceAfterEach();

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

  it('names a code-named contact by the code name, and finds them by it in search', async () => {
    const { core, bill, carla } = await workspace();
    await core.contacts.update(carla.id, { codeName: 'Sparrow' });
    const names = targetRows(bill.id, core).map((row) => row.name);
    expect(names).toContain('Sparrow');
    expect(names).not.toContain('Carla Ortiz');
    expect(core.search.search('sparrow').map((hit) => hit.contact.id)).toEqual([carla.id]);
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
