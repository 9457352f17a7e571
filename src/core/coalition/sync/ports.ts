/**
 * What the sync engine (replica.ts) needs from the rest of the app, and what it tells it. The
 * workspace side is a port: an in-memory one for tests (memory-workspace.ts) and one over the
 * data core (data-core-workspace.ts). The engine itself never touches Dexie nor the network.
 */
import type { Id } from '../../domain/common';
import type { CoalitionKeys } from '../coalition-key';
import type { RefusalReason } from '../errors';
import type { SharedItem } from '../share-selection';
import type { SharedKind, SharedRecord } from '../shared-record';

/** One campaign a coalition shares, with the templates chosen besides its letters'. */
export interface SharedCampaign {
  campaignId: Id;
  templateIds: readonly Id[];
}

/** One coalition as the sync engine sees it (the workspace stores it, sealed). */
export interface CoalitionSyncConfig {
  /** The workspace's id for the coalition: names its replica and its `_local/` documents. */
  coalitionId: string;
  /** The coalition key (32 bytes). */
  key: Uint8Array<ArrayBuffer>;
  /** This member's id in the coalition (the clock's tie-break, each revision's author). */
  memberId: string;
  /** Key ids used before rotations: documents under them are refused as 'old-key'. */
  retiredKeyIds: readonly string[];
  sharedCampaigns: readonly SharedCampaign[];
}

/** An opened, checked record on its way into the workspace. */
export interface IncomingRecord {
  documentId: string;
  kind: SharedKind;
  /** As the coalition knows it: code-named contacts under their alias. */
  record: SharedRecord;
  /** The record was deleted in the coalition (its merged state is removed). */
  removed: boolean;
  /** `checkSharedRecord` passed it (the engine always does): not parsed a second time. */
  checked?: boolean;
}

/** A record the workspace could not take (the others were applied, in one transaction). */
export interface WorkspaceRefusal {
  documentId: string;
  reason: RefusalReason;
  fields: readonly string[];
}

export interface ApplyResult {
  applied: number;
  /** Records the workspace keeps as they are: a code-named alias of its own contact, for one. */
  kept: number;
  refused: WorkspaceRefusal[];
}

/**
 * The workspace as coalition sharing sees it. `snapshot` and `applyIncoming` use the same
 * alias map: the workspace's own code-named contacts travel under `contactAliasOf`, contacts
 * received code-named keep the id they came with, and incoming references to an alias of one
 * of the workspace's own contacts are mapped back to it ("Aliases on the way back").
 */
export interface CoalitionWorkspace {
  /** What the coalition's shared campaigns send now: one item per record, sorted. */
  snapshot(config: CoalitionSyncConfig, keys: CoalitionKeys): Promise<SnapshotResult>;
  /** Applies opened records in one transaction; a record it cannot take is refused, not thrown. */
  applyIncoming(
    config: CoalitionSyncConfig,
    keys: CoalitionKeys,
    records: readonly IncomingRecord[],
  ): Promise<ApplyResult>;
  /**
   * Why each record left the snapshot (ids as the coalition knows them: an alias of one of its
   * own contacts names that contact): see `Departure`.
   */
  departures(
    config: CoalitionSyncConfig,
    keys: CoalitionKeys,
    records: readonly RecordRef[],
  ): Promise<Departure[]>;
}

/**
 * Why a record left the coalition's snapshot. `deleted`: gone from the workspace, or taken back
 * for protection (a contact made sensitive, or one that travelled whole whose identity is no
 * longer shared, and the targets, interactions and letters about a sensitive contact): every
 * member deletes it. `withdrawn`: still in the workspace, only no longer shared (no longer
 * named by anything shared, its campaign unshared, a template no longer chosen): the members
 * keep their copies.
 */
export type Departure = 'deleted' | 'withdrawn';

/** One record by kind and id. */
export interface RecordRef {
  kind: SharedKind;
  id: Id;
}

export interface SnapshotResult {
  items: SharedItem[];
  /** Code-named contacts without a code name: nothing is sent until they have one. */
  missingCodeNames: Id[];
  withheldSensitive: number;
}

/** One refused document, for the coalition's status. */
export interface RefusedEntry {
  documentId: string;
  reason: RefusalReason | 'clock-drift';
  /** For 'clock-drift': the member whose clock is ahead; for 'invalid-record': the fields. */
  detail?: string;
}

/** What the UI shows per coalition. */
export interface SyncStatus {
  /** ISO time of the last pull that reached the end of the replica's changes. */
  syncedAt?: string;
  /** Local edits written to the replica and not yet pushed to the server (0 without a server). */
  changesWaiting: number;
  /** Documents refused since the replica was opened, with why (latest revision per document). */
  refused: RefusedEntry[];
  /** The last replication with the server failed (the error's message), until one succeeds. */
  unreachable?: string;
}
