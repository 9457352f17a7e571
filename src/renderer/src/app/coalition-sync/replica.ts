/**
 * One coalition's replica in the worker: a PouchDB database of sealed documents kept in step
 * with the coalition's server database, live (retrying with back-off while the server cannot be
 * reached) or once, and the state the page shows: synced at, changes waiting, why it is offline.
 */
import type PouchDB from 'pouchdb-core';
import type { ReplicatedBatch } from '@core/coalition/sync';
import type { CoalitionFetchOutcome, CoalitionFetchRequest } from '@shared/ipc';
import { replicaDatabaseName } from '@renderer/lib/replica-databases';
import type { ReplicaRemote, ReplicaStatus } from './messages';
import { CoalitionFetchError, forwardingFetch } from './replica-fetch';

/**
 * The server answers a long poll after this long without changes: main's own timeout
 * (COALITION_FETCH_TIMEOUT_MS) is longer, and no heartbeat is needed, since main hands back
 * whole answers.
 */
export const LONG_POLL_MS = 25_000;

/**
 * Documents per replication batch (PouchDB's default is 100): each batch is one round trip
 * through main and one pull applied to the workspace, whose commits of 200 or more records
 * are written in slices.
 */
export const BATCH_SIZE = 500;

/** 1 s, doubling up to a minute: a server down for an hour costs one request a minute. */
export function backOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(delay * 2, 60_000);
}

/** Where the replica remembers what it has pushed (a `_local` document never replicates). */
export const PUSHED_ID = '_local/tadamun-pushed';

/** The sync engine's part (replica-engine.ts); without one the replica only carries documents. */
export interface ReplicaEngine {
  /** Before each replication: seal the workspace's edits into the replica. */
  beforeSync(replica: PouchDB.Database): Promise<void>;
  /**
   * In each pull batch's `change` event, before anything else: what `received` takes to use
   * the batch's documents as replicated (a first receive, docs/coalition.md "pull()").
   */
  replicated?(docs: readonly object[]): ReplicatedBatch | undefined;
  /** After documents arrived: open, merge (planMerge) and apply them to the workspace. */
  received(
    replica: PouchDB.Database,
    documentIds: readonly string[],
    replicated?: ReplicatedBatch,
  ): Promise<void>;
  /** The workspace changed: seal its edits into the replica (live replication sends them). */
  localEdit(replica: PouchDB.Database): Promise<void>;
  /** Documents refused so far. */
  refusedCount(): number;
  /** The campaigns received from the coalition so far (ids). */
  receivedCampaigns(): readonly string[];
}

export interface ReplicaOptions {
  /** PouchDB with the HTTP adapter, replication and the local adapter. */
  Pouch: PouchDB.Static;
  /** Where the replica is kept: `idb` in the app; tests keep it in memory, under a prefix. */
  local: { adapter: string; prefix?: string };
  coalitionId: string;
  /** The local database's name: `replicaDatabaseName(coalitionId)` unless given. */
  databaseName?: string;
  remote: ReplicaRemote;
  send: (request: CoalitionFetchRequest) => Promise<CoalitionFetchOutcome>;
  report: (status: ReplicaStatus) => void;
  engine?: ReplicaEngine;
  now?: () => Date;
}

export function remoteDatabaseUrl({ url, database }: Pick<ReplicaRemote, 'url' | 'database'>) {
  return `${url.replace(/\/+$/, '')}/${encodeURIComponent(database)}`;
}

export class Replica {
  readonly local: PouchDB.Database;
  /** Whether `sync-now` restarts a live replication or runs one more time once. */
  live = false;
  private readonly remote: PouchDB.Database;
  private readonly status: ReplicaStatus;
  private handler: PouchDB.SyncHandler | undefined;
  /** Documents written into the replica other than by the replication (see catchUpThenLive). */
  private writes = 0;
  /** Bumped by every start and stop: events of a replication cancelled since are ignored. */
  private generation = 0;
  private lastFailure: ReplicaStatus['problem'] = null;
  private pushedSeq: number | string | undefined;
  private work: Promise<void> = Promise.resolve();
  private recounting: Promise<void> | undefined;
  private recountAgain = false;
  /**
   * Counts changes waiting as the engine writes them between replications. Not while one runs:
   * it would read back every document received (the counts wait for its end anyway).
   */
  private localChanges: { cancel(): void } | undefined;

  constructor(private readonly options: ReplicaOptions) {
    const { Pouch, coalitionId, remote, send } = options;
    this.local = countingWrites(
      new Pouch(options.databaseName ?? replicaDatabaseName(coalitionId), options.local),
      () => (this.writes += 1),
    );
    this.remote = new Pouch(remoteDatabaseUrl(remote), {
      adapter: 'http',
      fetch: forwardingFetch(send, (outcome) => this.noteOutcome(outcome)),
      ...(remote.username
        ? { auth: { username: remote.username, password: remote.password } }
        : {}),
    });
    this.status = {
      coalitionId,
      state: 'idle',
      syncedAt: null,
      pending: null,
      problem: null,
      received: 0,
      sent: 0,
      refused: 0,
      receivedCampaigns: [],
    };
    this.watchLocalChanges();
  }

  /** Replicates continuously (`live`) or once; a replication already running is replaced. */
  start(live: boolean): Promise<void> {
    this.cancel();
    const generation = ++this.generation;
    return this.serially(async () => {
      if (generation !== this.generation) return;
      await this.readPushed();
      const engine = this.options.engine;
      if (engine) await this.engineWork(() => engine.beforeSync(this.local));
      if (generation !== this.generation) return;
      this.update({ state: 'syncing' });
      if (live) {
        // Not awaited: the engine takes the batches in (serially) while it runs.
        void this.catchUpThenLive(generation);
        return;
      }
      // What a one-off replication surely pushes: the replica as it is when it starts.
      const startSeq = (await this.local.info()).update_seq;
      const handler = this.replicate(false, generation);
      try {
        await handler;
        if (generation === this.generation) await this.caughtUp(startSeq);
      } catch (error) {
        if (generation === this.generation) this.offline(error);
      }
    });
  }

  private replicate(live: boolean, generation: number, pushSince?: number | string) {
    const handler = this.options.Pouch.sync(this.local, this.remote, {
      live,
      retry: live,
      heartbeat: false,
      timeout: LONG_POLL_MS,
      batch_size: BATCH_SIZE,
      back_off_function: backOff,
      ...(pushSince !== undefined && { push: { since: pushSince } }),
    });
    this.handler = handler;
    this.listen(handler, generation);
    return handler;
  }

  /**
   * A live replica first catches up once, then replicates live. Live from the start, its push
   * would read back every document the pull writes and ask the server about each (revs_diff):
   * the documents received are the server's already. So when nothing but the replication
   * wrote into the replica while catching up, the live push starts after them.
   */
  private async catchUpThenLive(generation: number): Promise<void> {
    const written = this.writes;
    let pushSince: number | string | undefined;
    try {
      await this.replicate(false, generation);
      // The engine's merges of what arrived are writes too: they come first.
      await this.received();
      // Read before the count is checked: a write made while \`info\` runs is counted, not skipped.
      const { update_seq } = await this.local.info();
      if (this.writes === written) pushSince = update_seq;
    } catch {
      // The live replication retries, with back-off.
    }
    if (generation !== this.generation) return;
    this.replicate(true, generation, pushSince);
  }

  /** The workspace changed: the engine seals its edits now; a one-off replica also replicates. */
  async localEdit(): Promise<void> {
    const engine = this.options.engine;
    if (!engine) return;
    if (!this.live) return this.start(false);
    await this.serially(() => this.engineWork(() => engine.localEdit(this.local)));
  }

  /** An engine failure is the replica's problem (shown), not an unhandled rejection. */
  private async engineWork(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.update({ problem: { kind: 'error', message: messageOf(error) } });
    }
    const refused = this.options.engine?.refusedCount() ?? 0;
    if (refused !== this.status.refused) this.update({ refused });
    const receivedCampaigns = [...(this.options.engine?.receivedCampaigns() ?? [])].sort();
    if (receivedCampaigns.join() !== this.status.receivedCampaigns.join())
      this.update({ receivedCampaigns });
  }

  /** Stops replicating until the next `start`, once the work under way is done; stays open. */
  async pause(): Promise<void> {
    this.cancel();
    this.generation += 1;
    await this.received();
  }

  /** Stops replicating and closes the replica; its database stays. */
  async stop(): Promise<void> {
    this.cancel();
    this.generation += 1;
    this.update({ state: 'stopped' });
    await this.received();
    await Promise.all([this.local.close(), this.remote.close()]);
  }

  private cancel(): void {
    this.openGates();
    this.handler?.cancel();
    this.handler = undefined;
  }

  /**
   * Batches received wait for their checkpoint before the engine opens them: PouchDB emits a
   * batch's `change` before writing its checkpoint (round trips of this thread), and asks for
   * the next batch only after; opened then, a batch fills the wait for the server's answer.
   */
  private gates: (() => void)[] = [];
  private gated: Promise<unknown> = Promise.resolve();

  private openGates(): void {
    for (const open of this.gates.splice(0)) open();
  }

  private listen(handler: PouchDB.SyncHandler, generation: number): void {
    const current = () => generation === this.generation;
    handler.pull?.on('checkpoint', (info) => {
      if (info.checkpoint !== undefined) this.openGates();
    });
    // However the replication stops, nothing received waits any longer.
    void handler.then(
      () => this.openGates(),
      () => this.openGates(),
    );
    handler
      .on('change', (info) => {
        if (!current()) return;
        // docs_written counts from the replication's start: each event's own are its docs.
        const written = info.change.docs.length;
        // A live replication says 'active' only when it resumes: documents arriving right after
        // a one-off caught up (state 'synced') are a receive too (paced screens, no counts).
        const syncing = { state: 'syncing' as const };
        if (info.direction === 'pull') {
          this.update({ received: this.status.received + written, ...syncing });
          const ids = info.change.docs.map((doc) => doc._id);
          const engine = this.options.engine;
          if (engine && ids.length > 0) {
            const replicated = engine.replicated?.(info.change.docs);
            const checkpointed = new Promise<void>((open) => this.gates.push(open));
            this.gated = this.gated
              .then(() => checkpointed)
              .then(() =>
                this.serially(() =>
                  this.engineWork(() => engine.received(this.local, ids, replicated)),
                ),
              );
          }
        } else {
          this.update({ sent: this.status.sent + written, ...syncing });
          if (info.change.last_seq !== undefined) void this.notePushed(info.change.last_seq);
        }
      })
      .on('active', () => {
        if (current()) this.update({ state: 'syncing' });
      })
      .on('paused', (error) => {
        this.openGates();
        if (!current()) return;
        if (error || this.lastFailure) this.offline(error);
        else void this.caughtUp();
      })
      .on('denied', (error) => {
        if (current()) this.update({ problem: { kind: 'denied', message: messageOf(error) } });
      })
      .on('error', (error) => {
        if (current()) this.offline(error);
      });
  }

  private noteOutcome(outcome: CoalitionFetchOutcome): void {
    if (outcome.kind === 'failure') {
      this.lastFailure = { kind: outcome.problem, message: outcome.message };
    } else if (outcome.status === 401 || outcome.status === 403) {
      this.lastFailure = {
        kind: 'denied',
        message: `The server refused access (${outcome.status}).`,
      };
    } else {
      this.lastFailure = null;
    }
  }

  private offline(error: unknown): void {
    const problem =
      this.lastFailure ??
      (error instanceof CoalitionFetchError
        ? { kind: error.problem, message: error.message }
        : { kind: 'error' as const, message: messageOf(error) });
    this.update({ state: 'offline', problem });
    void this.recountPending();
  }

  /**
   * Caught up both ways: everything in the replica up to `seq` is on the server, documents
   * just received included (they are changes of the replica too, but not waiting). A live
   * replication reads `seq` when it pauses: an edit made in that instant restarts it.
   */
  private async caughtUp(seq?: number | string): Promise<void> {
    // PouchDB may end a one-off replication "complete" though its requests failed.
    if (this.lastFailure) {
      this.offline(undefined);
      return;
    }
    await this.notePushed(seq ?? (await this.local.info()).update_seq);
    const pending = await this.countPending();
    this.update({
      state: 'synced',
      syncedAt: (this.options.now?.() ?? new Date()).toISOString(),
      problem: null,
      pending,
    });
  }

  private async readPushed(): Promise<void> {
    try {
      this.pushedSeq = (await this.local.get(PUSHED_ID))['seq'] as number | string;
    } catch {
      this.pushedSeq = undefined;
    }
    this.update({ pending: await this.countPending() });
  }

  private async notePushed(seq: number | string): Promise<void> {
    const previousSeq = this.pushedSeq;
    if (typeof seq === 'number' && typeof previousSeq === 'number' && seq <= previousSeq) return;
    this.pushedSeq = seq;
    try {
      const previous = await this.local.get(PUSHED_ID).catch(() => undefined);
      const rev = previous?._rev ? { _rev: previous._rev } : {};
      await this.local.bulkDocs([{ _id: PUSHED_ID, ...rev, seq }]);
    } catch {
      // Only the count of changes waiting depends on it; the engine keeps its own checkpoint.
    }
    await this.recountPending();
  }

  /**
   * One count at a time, and one more if changes came meanwhile: counting reads the changes
   * feed since the last push, and replication writes a change per document it brings.
   */
  private recountPending(): Promise<void> {
    // While replicating, each document received is a change too, and counting reads the feed:
    // the count waits for the end (caughtUp counts, offline recounts).
    if (this.status.state === 'syncing') return Promise.resolve();
    if (this.recounting) {
      this.recountAgain = true;
      return this.recounting;
    }
    const recount = async () => {
      do {
        this.recountAgain = false;
        const pending = await this.countPending();
        if (pending !== this.status.pending) this.update({ pending });
      } while (this.recountAgain);
    };
    this.recounting = recount().finally(() => {
      this.recounting = undefined;
    });
    return this.recounting;
  }

  /** Local changes since the last push (all of them before the first); null if unreadable. */
  private async countPending(): Promise<number | null> {
    try {
      const changes = await this.local.changes({ since: this.pushedSeq ?? 0 });
      return changes.results.length;
    } catch {
      return null;
    }
  }

  private update(change: Partial<ReplicaStatus>): void {
    Object.assign(this.status, change);
    this.options.report({ ...this.status });
    this.watchLocalChanges();
  }

  /** The local listener runs only between replications (see `localChanges`). */
  private watchLocalChanges(): void {
    const wanted = this.status.state !== 'syncing' && this.status.state !== 'stopped';
    if (!wanted) {
      this.localChanges?.cancel();
      this.localChanges = undefined;
      return;
    }
    if (this.localChanges) return;
    const localChanges = this.local.changes({ since: 'now', live: true });
    localChanges.on('change', () => void this.recountPending());
    this.localChanges = localChanges;
    // A change written between the replication's last count and this listener is counted too.
    if (this.status.state !== 'idle') void this.recountPending();
  }

  /** Every batch received so far is in the workspace (or failed, shown). */
  private async received(): Promise<void> {
    this.openGates();
    await this.gated.catch(() => undefined);
    await this.work;
  }

  /** Engine calls and starts run one at a time. */
  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.work.then(work, work);
    this.work = next.catch(() => undefined);
    return next;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const reason = (error as { reason?: unknown; message?: unknown } | null) ?? {};
  const text = reason.reason ?? reason.message;
  return typeof text === 'string' ? text : 'Replication failed.';
}

/**
 * Notes every write of a document that replicates, but the replication's own (PouchDB's
 * replicator writes `{ docs, new_edits: false }`; the engine and bundles write arrays).
 */
function countingWrites(db: PouchDB.Database, wrote: () => void): PouchDB.Database {
  const replicates = (doc: unknown) =>
    !String((doc as { _id?: unknown } | null)?._id ?? '').startsWith('_local/');
  const bulkDocs = db.bulkDocs.bind(db) as (...args: unknown[]) => Promise<unknown[]>;
  const put = (db as unknown as { put: (...args: unknown[]) => Promise<unknown> }).put.bind(db);
  Object.assign(db, {
    bulkDocs: (docs: unknown, ...rest: unknown[]) => {
      if (Array.isArray(docs) && docs.some(replicates)) wrote();
      return bulkDocs(docs, ...rest);
    },
    put: (doc: unknown, ...rest: unknown[]) => {
      if (replicates(doc)) wrote();
      return put(doc, ...rest);
    },
  });
  return db;
}
