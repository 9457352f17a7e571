/**
 * Removing a member, in the worker: the coalition's documents sealed again under the new key
 * into a replica of its own (named with the new key's id) and, for a server coalition, sent to
 * the new database, before the page stores the new key. A failure deletes the new replica and
 * leaves the old one as it was.
 */
import type PouchDB from 'pouchdb-core';
import { deriveCoalitionKeys } from '@core/coalition/coalition-key';
import type { CoalitionReplica, ReplicaDatabase } from '@core/coalition/sync';
import type { CoalitionFetchOutcome, CoalitionFetchRequest } from '@shared/ipc';
import { replicaDatabaseName } from '@renderer/lib/replica-databases';
import type {
  ReplicaRemote,
  ReplicaSyncConfig,
  RotateAnswer,
  RotationProblem,
  RotationStage,
} from './messages';
import { PUSHED_ID, remoteDatabaseUrl } from './replica';
import { forwardingFetch } from './replica-fetch';

export interface RotationInput {
  Pouch: PouchDB.Static;
  local: { adapter: string; prefix?: string };
  coalitionId: string;
  /** The engine over the current replica (its key is the one replaced). */
  current: CoalitionReplica;
  /** The new key, the retired key ids, this member's id. */
  sync: ReplicaSyncConfig;
  /** The new database, for a server coalition. */
  remote?: ReplicaRemote;
  send: (request: CoalitionFetchRequest) => Promise<CoalitionFetchOutcome>;
}

class RotationFailure extends Error {
  constructor(
    readonly stage: RotationStage,
    readonly problem: RotationProblem,
    message: string,
  ) {
    super(message);
  }
}

export async function rotateReplica(input: RotationInput): Promise<RotateAnswer> {
  const { Pouch, local, coalitionId, current, sync, remote, send } = input;
  const keys = await deriveCoalitionKeys(sync.key);
  const target = new Pouch(replicaDatabaseName(coalitionId, keys.keyId), local);
  try {
    const resealed = await current
      .resealInto(target as unknown as ReplicaDatabase, keys)
      .catch((error: unknown) => {
        throw new RotationFailure('reseal', 'error', messageOf(error));
      });
    if (remote) {
      const { update_seq } = await target.info();
      await sendAll(Pouch, target, remote, send);
      // All of it is on the new database: the replica starts there with no change waiting.
      await target.bulkDocs([{ _id: PUSHED_ID, seq: update_seq }]);
    }
    await target.close();
    return { ok: true, documents: resealed.documents.length, refused: resealed.refused.length };
  } catch (error) {
    await target.destroy().catch(() => undefined);
    if (error instanceof RotationFailure)
      return { ok: false, stage: error.stage, problem: error.problem, message: error.message };
    return { ok: false, stage: 'push', problem: 'error', message: messageOf(error) };
  }
}

/** Deletes a new replica the page did not store the key of (see `discard-rotation`). */
export async function discardRotation(
  Pouch: PouchDB.Static,
  local: { adapter: string; prefix?: string },
  coalitionId: string,
  keyId: string,
): Promise<void> {
  await new Pouch(replicaDatabaseName(coalitionId, keyId), local).destroy();
}

/** Every document of `source` into the new server database, which the operator created. */
async function sendAll(
  Pouch: PouchDB.Static,
  source: PouchDB.Database,
  remote: ReplicaRemote,
  send: RotationInput['send'],
): Promise<void> {
  let failure: { problem: RotationProblem; message: string } | undefined;
  let lastStatus: number | undefined;
  const note = (outcome: CoalitionFetchOutcome) => {
    lastStatus = outcome.kind === 'response' ? outcome.status : undefined;
    if (outcome.kind === 'failure')
      failure ??= { problem: outcome.problem, message: outcome.message };
    else if (outcome.status === 401 || outcome.status === 403)
      failure ??= { problem: 'denied', message: `The server refused access (${outcome.status}).` };
  };
  const db = new Pouch(remoteDatabaseUrl(remote), {
    adapter: 'http',
    skip_setup: true,
    fetch: forwardingFetch(send, note),
    ...(remote.username ? { auth: { username: remote.username, password: remote.password } } : {}),
  });
  const failed = (fallback: RotationProblem, message: string) =>
    new RotationFailure('push', failure?.problem ?? fallback, failure?.message ?? message);
  try {
    // The HTTP adapter may answer info() for a database that is not there: the status tells.
    const info = await db.info().catch((error: unknown) => {
      throw failed(lastStatus === 404 ? 'no-database' : 'error', messageOf(error));
    });
    if (lastStatus === 404) throw failed('no-database', messageOf(info));
    const result = await Pouch.replicate(source, db, { batch_size: 500 }).catch(
      (error: unknown) => {
        throw failed('error', messageOf(error));
      },
    );
    // A one-off replication may end "complete" though some of its requests failed.
    if (failure || result.doc_write_failures > 0 || result.ok === false)
      throw failed('error', `${result.doc_write_failures} documents were not written.`);
  } finally {
    await db.close().catch(() => undefined);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const reason = (error as { reason?: unknown; message?: unknown } | null) ?? {};
  const text = reason.reason ?? reason.message;
  return typeof text === 'string' ? text : 'failed';
}
