import { describe, expect, it } from 'vitest';
import { syncConfigOf, workspaceHost } from '@renderer/app/coalition-sync/workspace-host';
import type { SnapshotResult, ApplyResult } from '@core/coalition/sync';
import { refreshPacerOf } from '@renderer/app/data/refresh-pacer';
import { closingAfterEach } from '../../../../helpers/fresh-data-core';

const freshCore = closingAfterEach();

async function setUp() {
  const { core } = await freshCore();
  const official = await core.contacts.create({ kind: 'official', displayName: 'Cllr Okafor' });
  const campaign = await core.campaigns.create({ name: 'Ordinance 2026-14' });
  await core.targets.create({ campaignId: campaign.id, contactId: official.id });
  const coalition = await core.coalitions.createCoalition('Harbor', { kind: 'files' });
  return { core, campaign, coalition };
}

describe('the page side of the engine’s workspace port', () => {
  it('snapshots the campaigns the engine asks for, with the record’s key and member id', async () => {
    const { core, campaign, coalition } = await setUp();
    const host = workspaceHost(core);
    const asked = await host(coalition.id, {
      op: 'snapshot',
      sharedCampaigns: [{ campaignId: campaign.id, templateIds: [] }],
    });
    expect(asked.ok).toBe(true);
    const items = (asked.ok ? (asked.value as SnapshotResult) : undefined)?.items ?? [];
    expect(items.map((item) => item.kind).sort()).toEqual(['campaign', 'contact', 'target']);
    const none = await host(coalition.id, { op: 'snapshot', sharedCampaigns: [] });
    expect(none).toMatchObject({ ok: true, value: { items: [] } });
    expect(syncConfigOf(coalition)).toMatchObject({
      memberId: coalition.memberId,
      retiredKeyIds: [],
      sharedCampaigns: [],
    });
    expect(syncConfigOf(coalition).key).toHaveLength(32);
  });

  it('code-named contacts keep their alias when a rotation replaces the key', async () => {
    const { core, campaign, coalition } = await setUp();
    const volunteer = await core.contacts.create({
      kind: 'volunteer',
      displayName: 'Rana Haddad',
      codeName: 'Falcon',
    });
    await core.campaigns.update(campaign.id, {
      tasks: [{ id: crypto.randomUUID(), title: 'Call', ownerContactId: volunteer.id }],
    });
    const host = workspaceHost(core);
    const aliasesNow = async () => {
      const asked = await host(coalition.id, {
        op: 'snapshot',
        sharedCampaigns: [{ campaignId: campaign.id, templateIds: [] }],
      });
      const items = (asked.ok ? (asked.value as SnapshotResult) : undefined)?.items ?? [];
      return items.flatMap((item) =>
        item.kind === 'contact' && item.record['codeNamed'] ? [item.record.id] : [],
      );
    };
    const before = await aliasesNow();
    expect(before).toHaveLength(1);
    expect(before).not.toContain(volunteer.id);
    const prepared = await core.coalitions.prepareRotation(coalition.id);
    await core.coalitions.replaceKey(coalition.id, prepared.raw, prepared.retiredKeyIds);
    expect(await aliasesNow()).toEqual(before);
  });

  it('applies incoming records in one commit, flagged as not a local edit', async () => {
    const { core, campaign, coalition } = await setUp();
    const host = workspaceHost(core);
    const seen: boolean[] = [];
    core.store.subscribe(() => seen.push(host.applying()));
    const record = { ...campaign, name: 'Ordinance 2026-15', updatedAt: new Date().toISOString() };
    const applied = await host(coalition.id, {
      op: 'apply',
      records: [{ documentId: 'd1', kind: 'campaign', record, removed: false }],
    });
    expect(applied.ok && (applied.value as ApplyResult).applied).toBe(1);
    expect(core.store.get('campaigns', campaign.id)?.name).toBe('Ordinance 2026-15');
    expect(seen).toEqual([true]);
    expect(host.applying()).toBe(false);
  });

  it('says whether a shared record was edited since the coalition’s last snapshot', async () => {
    const { core, campaign, coalition } = await setUp();
    const other = await core.coalitions.createCoalition('Coast', { kind: 'files' });
    const host = workspaceHost(core);
    const edited = async (id: string) => {
      const answer = await host(id, { op: 'edited' });
      return answer.ok && answer.value;
    };
    expect(await edited(coalition.id)).toBe(true);
    await host(coalition.id, { op: 'snapshot', sharedCampaigns: [] });
    expect(await edited(coalition.id)).toBe(false);
    // Another coalition has not snapshotted yet.
    expect(await edited(other.id)).toBe(true);
    // Records the coalition brings are not edits; a coalition's own status is not shared.
    const record = { ...campaign, name: 'From the coalition', updatedAt: new Date().toISOString() };
    await host(coalition.id, {
      op: 'apply',
      records: [{ documentId: 'd1', kind: 'campaign', record, removed: false }],
    });
    await core.coalitions.recordSyncStatus(coalition.id, { pendingChanges: 0 });
    expect(await edited(coalition.id)).toBe(false);
    await core.campaigns.update(campaign.id, { name: 'Edited here' });
    expect(await edited(coalition.id)).toBe(true);
  });

  it('counts an edit of another record made while a batch is applied as an edit', async () => {
    const { core, campaign, coalition } = await setUp();
    const other = await core.campaigns.create({ name: 'Housing 2027' });
    const host = workspaceHost(core);
    await host(coalition.id, { op: 'snapshot', sharedCampaigns: [] });
    const record = { ...campaign, name: 'From the coalition', updatedAt: new Date().toISOString() };
    const seen: boolean[] = [];
    core.store.subscribe((event) => {
      if (event.records.some(({ id }) => id === other.id)) seen.push(host.applying());
    });
    // The user's edit is written while the batch is being applied.
    await Promise.all([
      core.campaigns.update(other.id, { name: 'Housing 2027, edited here' }),
      host(coalition.id, {
        op: 'apply',
        records: [{ documentId: 'd1', kind: 'campaign', record, removed: false }],
      }),
    ]);
    // The edit was told while the batch was being applied.
    expect(seen).toEqual([true]);
    const answer = await host(coalition.id, { op: 'edited' });
    expect(answer).toEqual({ ok: true, value: true });
  });

  it('holds back screens’ refreshes for a batch received, not for an edit made here', async () => {
    const { core, campaign, coalition } = await setUp();
    const host = workspaceHost(core);
    const pacer = refreshPacerOf(core);
    const refreshes: string[] = [];
    core.store.subscribe((event) =>
      pacer.changed(event, () => refreshes.push([...event.tables].join())),
    );
    pacer.setReceiving(coalition.id, true);
    const record = { ...campaign, name: 'From the coalition', updatedAt: new Date().toISOString() };
    await host(coalition.id, {
      op: 'apply',
      records: [{ documentId: 'd1', kind: 'campaign', record, removed: false }],
    });
    expect(refreshes).toEqual([]);
    await core.contacts.create({ kind: 'official', displayName: 'Cllr Haddad' });
    expect(refreshes).toEqual(['contacts']);
    // The receive is over: what it brought is shown at once.
    pacer.setReceiving(coalition.id, false);
    expect(refreshes).toEqual(['contacts', 'campaigns']);
  });

  it('answers a coalition that is gone with a failure, not a throw', async () => {
    const { core } = await setUp();
    const answer = await workspaceHost(core)('no-such-coalition', {
      op: 'snapshot',
      sharedCampaigns: [],
    });
    expect(answer).toEqual({ ok: false, message: 'The coalition is gone.' });
  });
});
