/**
 * Removing a member from a coalition, all or nothing as far as it goes: a new key
 * (`prepareRotation`), the shared documents sealed again under it in the worker and sent to the
 * new database, and only then the key stored (`replaceKey`); the replica then moves to the new
 * key and the old one is deleted. A failure before the key is stored changes nothing.
 */
import type { DataCore } from '@core/db/data-core';
import type { RotationOptions } from '@core/db/repositories/coalitions';
import type { Coalition } from '@core/domain/coalition';
import type { CoalitionSyncClient } from './sync-client';
import { syncConfigOf } from './workspace-host';

export interface MemberRemoved {
  coalition: Coalition;
  /** Documents sealed again under the new key. */
  documents: number;
  /** Documents that did not open under the old key, left out. */
  refused: number;
}

export async function removeMember(
  core: DataCore,
  sync: CoalitionSyncClient,
  coalitionId: string,
  options: RotationOptions,
): Promise<MemberRemoved> {
  const prepared = await core.coalitions.prepareRotation(coalitionId, options);
  const coalition = core.coalitions.require(coalitionId);
  const transport = prepared.transport;
  const remote =
    transport?.kind === 'server'
      ? {
          url: transport.url,
          database: transport.database,
          username: transport.username,
          password: transport.password,
        }
      : undefined;
  const moved = await sync.rotate(
    coalitionId,
    { ...syncConfigOf(coalition), key: prepared.raw, retiredKeyIds: prepared.retiredKeyIds },
    remote,
  );
  try {
    const stored = await core.coalitions.replaceKey(
      coalitionId,
      prepared.raw,
      prepared.retiredKeyIds,
      transport,
      prepared.link,
    );
    return { coalition: stored, ...moved };
  } catch (error) {
    sync.discardRotation(coalitionId, prepared.keys.keyId);
    throw error;
  }
}
