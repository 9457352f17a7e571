/**
 * The sync engine in the worker: `CoalitionReplica` over the coalition's replica, with the
 * workspace port proxied to the page (the data core lives there). Only the snapshot and the
 * records of one batch cross; opening, merging and sealing stay in the worker.
 */
import type PouchDB from 'pouchdb-core';
import {
  CoalitionReplica,
  type ApplyResult,
  type CoalitionWorkspace,
  type Departure,
  type IncomingRecord,
  type ReplicaDatabase,
  type StoredDocument,
  type SnapshotResult,
} from '@core/coalition/sync';
import type { ReplicaSyncConfig, WorkspaceAnswer, WorkspaceRequest } from './messages';
import type { ReplicaEngine } from './replica';

export type AskWorkspace = (request: WorkspaceRequest) => Promise<WorkspaceAnswer>;

/** The workspace port, and whether the page edited a shared record since the last snapshot. */
export interface EngineWorkspace extends CoalitionWorkspace {
  editedSinceSnapshot?(): Promise<boolean>;
}

/** The workspace port whose calls the page carries out (config and keys are the page's own). */
export function workspaceProxy(ask: AskWorkspace): EngineWorkspace {
  const call = async (request: WorkspaceRequest) => {
    const answer = await ask(request);
    if (!answer.ok) throw new Error(answer.message);
    return answer.value;
  };
  return {
    // The engine adds the campaigns it received (they are shared back) to the record's own.
    snapshot: async (config) =>
      (await call({ op: 'snapshot', sharedCampaigns: config.sharedCampaigns })) as SnapshotResult,
    applyIncoming: async (_config, _keys, records: readonly IncomingRecord[]) =>
      (await call({ op: 'apply', records })) as ApplyResult,
    departures: async (_config, _keys, records) =>
      (await call({ op: 'departures', records })) as Departure[],
    editedSinceSnapshot: async () => (await call({ op: 'edited' })) as boolean,
  };
}

export interface SyncEngine extends ReplicaEngine {
  /** The engine's CoalitionReplica over `db` (bundles are made and taken in through it). */
  replicaOf(db: PouchDB.Database): Promise<CoalitionReplica>;
}

/** The engine for one coalition's replica; the CoalitionReplica opens with the first call. */
export function syncEngine(
  coalitionId: string,
  config: ReplicaSyncConfig,
  workspace: EngineWorkspace,
): SyncEngine {
  let opened: Promise<CoalitionReplica> | undefined;
  // Known synchronously once opened: replication events announce their batches to it.
  let current: CoalitionReplica | undefined;
  let refused = 0;
  let received: readonly string[] = [];
  // A push that failed may have left edits unpushed although the page snapshotted since.
  let unsettled = false;
  const settling = async <T>(work: () => Promise<T>): Promise<T> => {
    unsettled = true;
    const result = await work();
    unsettled = false;
    return result;
  };
  const replicaOf = (db: PouchDB.Database) =>
    (opened ??= CoalitionReplica.open(
      db as unknown as ReplicaDatabase,
      { coalitionId, ...config },
      workspace,
    ).then((replica) => (current = replica)));
  const noteRefused = async (replica: CoalitionReplica) => {
    refused = (await replica.status()).refused.length;
    received = replica.receivedCampaigns();
  };
  return {
    async beforeSync(db) {
      const replica = await replicaOf(db);
      // The pull pushes first: edits made before a restart and never pushed are rebased on
      // their base (found again through its digest), not overwritten by what arrived meanwhile.
      await settling(() => replica.pull());
      // The replication starts next: a replica still empty takes its batches as replicated.
      await replica.beginReceive();
      await noteRefused(replica);
    },
    replicated: (docs) => current?.replicated(docs as readonly StoredDocument[]),
    async received(db, _ids, replicated) {
      const replica = await replicaOf(db);
      // Pushing first protects edits not pushed yet; without any, it would only snapshot the
      // whole workspace on the page again for every batch received.
      const pushFirst = unsettled || ((await workspace.editedSinceSnapshot?.()) ?? true);
      await (pushFirst
        ? settling(() => replica.pull({ replicated }))
        : replica.pull({ pushFirst: false, replicated }));
      await noteRefused(replica);
    },
    async localEdit(db) {
      const replica = await replicaOf(db);
      await settling(() => replica.push());
    },
    refusedCount: () => refused,
    receivedCampaigns: () => received,
    replicaOf,
  };
}
