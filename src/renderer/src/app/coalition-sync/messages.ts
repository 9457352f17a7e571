/**
 * The replica worker's message protocol. The page starts and stops each coalition's replica;
 * the worker asks the page to make its HTTP requests (a worker has no preload bridge: the page
 * hands them to main, see coalition-fetch.ts) and reports each replica's state.
 */
import type { Argon2idRequest } from '@core/crypto/kdf';
import type {
  ApplyResult,
  BundleProblem,
  IncomingRecord,
  SharedCampaign,
  SnapshotResult,
} from '@core/coalition/sync';
import type {
  CoalitionFetchOutcome,
  CoalitionFetchProblem,
  CoalitionFetchRequest,
} from '@shared/ipc';

/** A coalition's server database and this member's credentials, from the invitation. */
export interface ReplicaRemote {
  url: string;
  database: string;
  username: string;
  password: string;
}

/**
 * What the sync engine needs in the worker: the coalition key (kept in memory only, as on the
 * page), this member's id, the retired key ids and the shared campaigns.
 */
export interface ReplicaSyncConfig {
  key: Uint8Array<ArrayBuffer>;
  memberId: string;
  retiredKeyIds: readonly string[];
  sharedCampaigns: readonly SharedCampaign[];
}

/** The workspace port's calls, carried out on the page (the data core lives there). */
export type WorkspaceRequest =
  | { op: 'snapshot'; sharedCampaigns: readonly SharedCampaign[] }
  | { op: 'apply'; records: readonly IncomingRecord[] }
  /** Whether a shared record was edited on the page since this coalition's last snapshot. */
  | { op: 'edited' };

export type WorkspaceAnswer =
  { ok: true; value: SnapshotResult | ApplyResult | boolean } | { ok: false; message: string };

/** A bundle made or taken in by the worker's engine (BundleError's problem crosses as is). */
export type BundleAnswer =
  | { ok: true; value: { file: string; passphrase: string; documents: number } }
  | { ok: true; value: { documents: number } }
  | { ok: false; problem?: BundleProblem; message: string };

/**
 * Where removing a member failed: sealing the documents again (`reseal`), or sending them to
 * the new database (`push`, with why: main's problem, `denied`, `no-database`, `error`).
 */
export type RotationStage = 'reseal' | 'push';
export type RotationProblem = ReplicaProblem | 'no-database';

export type RotateAnswer =
  | { ok: true; documents: number; refused: number }
  | { ok: false; stage: RotationStage; problem: RotationProblem; message: string };

/** The Argon2id tag the page computed (appArgon2id: main process or its worker). */
export type Argon2idAnswer = { ok: true; tag: Uint8Array } | { ok: false; message: string };

export type ReplicaCommand =
  /**
   * Opens the coalition's replica and replicates: continuously (live) or once. With `sync`, the
   * engine seals the workspace's edits into it and applies what arrives; without, the replica
   * only carries sealed documents. Without `remote` (a files-only coalition) the replica is only
   * local: the engine keeps it in step with the workspace, for bundles.
   */
  | {
      type: 'start';
      coalitionId: string;
      remote?: ReplicaRemote;
      live: boolean;
      sync?: ReplicaSyncConfig;
    }
  /** The workspace changed: the engine writes what the shared campaigns send now. */
  | { type: 'local-edit'; coalitionId: string }
  /** The page's answer to a `workspace` request. */
  | { type: 'workspace-result'; id: number; answer: WorkspaceAnswer }
  /** Replicates now: once, or for a live replica, restarts it at once (no back-off wait). */
  | { type: 'sync-now'; coalitionId: string }
  /** A bundle of one shared campaign (or all), answered with `bundle-result`. */
  | { type: 'export-bundle'; id: number; coalitionId: string; campaignId?: string }
  /** Takes in a bundle, then applies what it holds to the workspace. */
  | { type: 'import-bundle'; id: number; coalitionId: string; text: string; passphrase: string }
  /** The page's answer to an `argon2id` request. */
  | { type: 'argon2id-result'; id: number; answer: Argon2idAnswer }
  /**
   * Removing a member: the replica's documents sealed again under the new key (`sync.key`) into
   * a new local replica and, for a server, sent to the new database (`remote`); answered with
   * `rotate-result`. The old replica stops meanwhile; it starts again if this fails.
   */
  | {
      type: 'rotate';
      id: number;
      coalitionId: string;
      sync: ReplicaSyncConfig;
      remote?: ReplicaRemote;
    }
  /** The rotation was not stored after all: its new replica goes, the old one resumes. */
  | { type: 'discard-rotation'; coalitionId: string; keyId: string }
  /**
   * Stops replicating and closes the replica; `forget` (the coalition was left) also deletes
   * its database, whose sealed documents nothing in the workspace can open any more.
   */
  | { type: 'stop'; coalitionId: string; forget?: boolean }
  /** The answer to a `fetch` the worker asked for. */
  | { type: 'fetch-result'; id: number; outcome: CoalitionFetchOutcome };

/**
 * `idle`: opened, not replicating yet; `syncing`: a replication is under way; `synced`: caught
 * up with the server at `syncedAt`; `offline`: the last attempt failed (see `problem`), a live
 * replica retries with back-off; `stopped`.
 */
export type ReplicaState = 'idle' | 'syncing' | 'synced' | 'offline' | 'stopped';

/**
 * Why the last attempt failed: main's answer (`CoalitionFetchProblem`), `denied` (the server
 * refused the member's credentials or a document), `error` (anything else).
 */
export type ReplicaProblem = CoalitionFetchProblem | 'denied' | 'error';

export interface ReplicaStatus {
  coalitionId: string;
  state: ReplicaState;
  /** ISO time of the last time the replica was caught up both ways, if ever (this session). */
  syncedAt: string | null;
  /** Local changes not yet pushed to the server; null before the first push attempt. */
  pending: number | null;
  problem: { kind: ReplicaProblem; message: string } | null;
  /** Documents received and sent since the replica was started. */
  received: number;
  sent: number;
  /** Documents the engine refused (they did not open, or the workspace could not take them). */
  refused: number;
}

export type ReplicaEvent =
  /** The worker runs: commands may be sent. */
  | { type: 'ready' }
  /** An HTTP request of the replication, for the page to hand to main. */
  | { type: 'fetch'; id: number; request: CoalitionFetchRequest }
  | { type: 'status'; status: ReplicaStatus }
  /** A call of the workspace port, for the page to carry out on the data core. */
  | { type: 'workspace'; id: number; coalitionId: string; request: WorkspaceRequest }
  /** The outcome of `export-bundle` or `import-bundle`. */
  | { type: 'bundle-result'; id: number; answer: BundleAnswer }
  /** The outcome of `rotate`. */
  | { type: 'rotate-result'; id: number; answer: RotateAnswer }
  /** A bundle's key derivation, for the page to hand to appArgon2id. */
  | { type: 'argon2id'; id: number; request: Argon2idRequest };
