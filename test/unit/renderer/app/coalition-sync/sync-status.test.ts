import { describe, expect, it } from 'vitest';
import { coalitionStatusSchema } from '@core/domain/coalition';
import type { ReplicaStatus } from '@renderer/app/coalition-sync/messages';
import { statusChange, syncProblemOf } from '@renderer/app/coalition-sync/sync-status';

const NOW = new Date('2026-12-07T04:00:00.000Z');
const replica = (change: Partial<ReplicaStatus> = {}): ReplicaStatus => ({
  coalitionId: 'c1',
  state: 'synced',
  syncedAt: null,
  pending: 0,
  problem: null,
  received: 0,
  sent: 0,
  refused: 0,
  receivedCampaigns: [],
  ...change,
});

describe('coalition sync status', () => {
  it('writes nothing while what the record keeps is unchanged', () => {
    const stored = coalitionStatusSchema.parse({ syncedAt: '2026-12-07T03:00:00.000Z' });
    expect(
      statusChange(stored, replica({ syncedAt: stored.syncedAt ?? null, received: 9 }), NOW),
    ).toBeUndefined();
    // Pending unknown (before the first push) keeps the stored count.
    expect(statusChange(stored, replica({ syncedAt: null, pending: null }), NOW)).toBeUndefined();
  });

  it('keeps synced at, changes waiting and refused documents', () => {
    const stored = coalitionStatusSchema.parse({});
    expect(
      statusChange(
        stored,
        replica({ syncedAt: '2026-12-07T03:59:00.000Z', pending: 3, refused: 2 }),
        NOW,
      ),
    ).toEqual({ syncedAt: '2026-12-07T03:59:00.000Z', pendingChanges: 3, refusedCount: 2 });
  });

  it('keeps the campaigns received, written again only when they change', () => {
    const stored = coalitionStatusSchema.parse({});
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    expect(statusChange(stored, replica({ receivedCampaigns: ids }), NOW)).toEqual({
      receivedCampaigns: ids,
    });
    const kept = coalitionStatusSchema.parse({ receivedCampaigns: ids });
    expect(statusChange(kept, replica({ receivedCampaigns: ids }), NOW)).toBeUndefined();
  });

  it('records the failure by kind once, and clears it when replication succeeds', () => {
    const stored = coalitionStatusSchema.parse({});
    const offline = replica({
      state: 'offline',
      problem: { kind: 'timeout', message: 'No answer in 60 s' },
    });
    const change = statusChange(stored, offline, NOW);
    expect(change).toEqual({
      lastError: { problem: 'unreachable', at: NOW.toISOString(), detail: 'No answer in 60 s' },
    });
    const failed = coalitionStatusSchema.parse({ ...stored, ...change });
    // The same kind again (another message, a retry) is not a new state.
    const again = replica({ problem: { kind: 'unreachable', message: 'ECONNREFUSED' } });
    expect(statusChange(failed, again, NOW)).toBeUndefined();
    const cleared = statusChange(failed, replica(), NOW);
    expect(cleared).toHaveProperty('lastError', undefined);
  });

  it('maps every problem of the worker to one the record knows', () => {
    expect(syncProblemOf('unreachable')).toBe('unreachable');
    expect(syncProblemOf('tls')).toBe('unreachable');
    expect(syncProblemOf('denied')).toBe('unauthorized');
    expect(syncProblemOf('too-large')).toBe('server-error');
    expect(syncProblemOf('refused')).toBe('other');
    expect(syncProblemOf('error')).toBe('other');
  });
});
