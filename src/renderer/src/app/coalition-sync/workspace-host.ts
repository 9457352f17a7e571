/**
 * The page's side of the engine's workspace port: the worker asks, the data core answers
 * (`DataCoreWorkspace`: the snapshot from the records in memory, incoming records in one
 * transaction). The config and keys are the page's own, from the coalition record.
 */
import { DataCoreWorkspace, type CoalitionSyncConfig } from '@core/coalition/sync';
import type { CoalitionKeys } from '@core/coalition/coalition-key';
import type { DataCore } from '@core/db/data-core';
import type { Coalition } from '@core/domain/coalition';
import { fromBase64 } from '@core/crypto/bytes';
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

export interface WorkspaceHost {
  (coalitionId: string, request: WorkspaceRequest): Promise<WorkspaceAnswer>;
  /** Records from the coalition are being written: not an edit to send back. */
  applying(): boolean;
}

export function workspaceHost(core: DataCore): WorkspaceHost {
  const workspace = new DataCoreWorkspace(core);
  const keys = new Map<string, { key: string; keys: Promise<CoalitionKeys> }>();
  const keysOf = (coalition: Coalition) => {
    const known = keys.get(coalition.id);
    if (known?.key === coalition.key) return known.keys;
    const derived = core.coalitions.keysOf(coalition.id);
    keys.set(coalition.id, { key: coalition.key, keys: derived });
    return derived;
  };
  let applying = 0;
  const host = async (coalitionId: string, request: WorkspaceRequest): Promise<WorkspaceAnswer> => {
    const coalition = core.coalitions.get(coalitionId);
    if (!coalition) return { ok: false, message: 'The coalition is gone.' };
    const config: CoalitionSyncConfig = {
      coalitionId,
      ...syncConfigOf(coalition),
      ...(request.op === 'snapshot' && { sharedCampaigns: request.sharedCampaigns }),
    };
    const coalitionKeys = await keysOf(coalition);
    if (request.op === 'snapshot')
      return { ok: true, value: await workspace.snapshot(config, coalitionKeys) };
    if (request.op === 'departures')
      return {
        ok: true,
        value: await workspace.departures(config, coalitionKeys, request.records),
      };
    applying += 1;
    try {
      return {
        ok: true,
        value: await workspace.applyIncoming(config, coalitionKeys, request.records),
      };
    } finally {
      applying -= 1;
    }
  };
  return Object.assign(host, { applying: () => applying > 0 });
}
