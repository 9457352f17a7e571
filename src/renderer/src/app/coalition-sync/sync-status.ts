/**
 * What of a replica's state the coalition record keeps (`recordSyncStatus`): synced at, changes
 * waiting, documents refused, the campaigns received and the last failure by kind. Undefined when nothing of that
 * changed, so the record is written only when the state does.
 */
import type { CoalitionStatus, CoalitionStatusInput, SyncProblem } from '@core/domain/coalition';
import type { ReplicaProblem, ReplicaStatus } from './messages';

export function syncProblemOf(kind: ReplicaProblem): SyncProblem {
  switch (kind) {
    case 'unreachable':
    case 'timeout':
    case 'tls':
      return 'unreachable';
    case 'denied':
      return 'unauthorized';
    case 'too-large':
      return 'server-error';
    default:
      return 'other';
  }
}

export function statusChange(
  stored: CoalitionStatus,
  replica: ReplicaStatus,
  now: Date,
): Partial<CoalitionStatusInput> | undefined {
  const change: Partial<CoalitionStatusInput> = {};
  if (replica.syncedAt && replica.syncedAt !== stored.syncedAt) change.syncedAt = replica.syncedAt;
  if (replica.pending !== null && replica.pending !== stored.pendingChanges)
    change.pendingChanges = replica.pending;
  if (replica.refused !== stored.refusedCount) change.refusedCount = replica.refused;
  if (replica.receivedCampaigns.join() !== stored.receivedCampaigns.join())
    change.receivedCampaigns = [...replica.receivedCampaigns];
  const { problem } = replica;
  const kind = problem ? syncProblemOf(problem.kind) : null;
  if (kind !== (stored.lastError?.problem ?? null)) {
    change.lastError =
      problem && kind
        ? { problem: kind, at: now.toISOString(), detail: problem.message.slice(0, 500) }
        : undefined;
  }
  return Object.keys(change).length ? change : undefined;
}
