/**
 * The page's side of the engine's workspace port: the worker asks, the data core answers
 * (`DataCoreWorkspace`: the snapshot from the records in memory, incoming records in one
 * transaction). The config and keys are the page's own, from the coalition record. It also
 * says whether a shared record was edited here since a coalition's last snapshot: a pull
 * pushes first only then (a snapshot of a large campaign is the page's longest work).
 */
import { DataCoreWorkspace, type CoalitionSyncConfig } from '@core/coalition/sync';
import type { CoalitionKeys } from '@core/coalition/coalition-key';
import type { DataCore } from '@core/db/data-core';
import type { Coalition } from '@core/domain/coalition';
import type { EntityTable } from '@core/domain/entities';
import { fromBase64 } from '@core/crypto/bytes';
import type { ChangeEvent } from '@core/db/record-store';
import { refreshPacerOf } from '@renderer/app/data/refresh-pacer';
import type { ReplicaSyncConfig, WorkspaceAnswer, WorkspaceRequest } from './messages';

/** What the engine needs of a coalition record. */
export function syncConfigOf(coalition: Coalition): ReplicaSyncConfig {
  return {
    key: fromBase64(coalition.key),
    memberId: coalition.memberId,
    retiredKeyIds: [...coalition.retiredKeyIds],
    sharedCampaigns: coalition.sharedCampaigns.map(({ campaignId, templateIds }) => ({
      campaignId,
      templateIds: [...templateIds],
    })),
  };
}

/** The tables whose records coalitions share. */
export const SHARED_TABLES: readonly EntityTable[] = [
  'campaigns',
  'contacts',
  'organizations',
  'targets',
  'interactions',
  'templates',
  'letters',
];

export interface WorkspaceHost {
  (coalitionId: string, request: WorkspaceRequest): Promise<WorkspaceAnswer>;
  /** Records from the coalition are being written: not an edit to send back. */
  applying(): boolean;
}

export function workspaceHost(core: DataCore): WorkspaceHost {
  const workspace = new DataCoreWorkspace(core);
  const keys = new Map<string, { key: string; keys: Promise<CoalitionKeys> }>();
  // The workspace uses keys only for its contacts' aliases, which outlive rotations.
  const keysOf = (coalition: Coalition) => {
    const aliasKey = coalition.aliasKey ?? coalition.key;
    const known = keys.get(coalition.id);
    if (known?.key === aliasKey) return known.keys;
    const derived = core.coalitions.aliasKeysOf(coalition.id);
    keys.set(coalition.id, { key: aliasKey, keys: derived });
    return derived;
  };
  let applying = 0;
  // Coalitions whose last snapshot is newer than the last local edit of a shared record.
  const snapshotted = new Set<string>();
  // The records being applied: a commit meanwhile that writes others is the user's edit.
  const incoming = new Set<string>();
  const brought = (event: ChangeEvent) =>
    applying > 0 && !event.reset && event.records.every(({ id }) => incoming.has(id));
  core.store.subscribe((event) => {
    if (!SHARED_TABLES.some((table) => event.tables.has(table))) return;
    if (!brought(event)) snapshotted.clear();
  });
  // Screens follow what the coalition brings at a pace (refresh-pacer.ts), edits at once.
  refreshPacerOf(core).recognize(brought);
  const host = async (coalitionId: string, request: WorkspaceRequest): Promise<WorkspaceAnswer> => {
    if (request.op === 'edited') return { ok: true, value: !snapshotted.has(coalitionId) };
    const coalition = core.coalitions.get(coalitionId);
    if (!coalition) return { ok: false, message: 'The coalition is gone.' };
    const config: CoalitionSyncConfig = {
      coalitionId,
      ...syncConfigOf(coalition),
      ...(request.op === 'snapshot' && { sharedCampaigns: request.sharedCampaigns }),
    };
    const coalitionKeys = await keysOf(coalition);
    if (request.op === 'snapshot') {
      // Before reading: an edit made while the snapshot is taken clears it again.
      snapshotted.add(coalitionId);
      return { ok: true, value: await workspace.snapshot(config, coalitionKeys) };
    }
    if (request.op === 'departures')
      return {
        ok: true,
        value: await workspace.departures(config, coalitionKeys, request.records),
      };
    applying += 1;
    for (const { record } of request.records) incoming.add(record.id);
    try {
      return {
        ok: true,
        value: await workspace.applyIncoming(config, coalitionKeys, request.records),
      };
    } finally {
      applying -= 1;
      if (applying === 0) incoming.clear();
    }
  };
  return Object.assign(host, { applying: () => applying > 0 });
}
