/**
 * The sync engine of one coalition on one laptop: between the workspace (a port) and a PouchDB
 * replica holding only sealed documents. `push` writes local edits into the replica, `pull`
 * takes the replica's new revisions into the workspace (merging conflicts and deleting the
 * losers), `syncOnce`/`startLive` run PouchDB's replication with the server. Replication itself
 * is PouchDB's: this never speaks to the server on its own.
 */
import type { Argon2idDeriver } from '../../crypto/kdf';
import { deriveCoalitionKeys, documentIdOf, type CoalitionKeys } from '../coalition-key';
import { ClockDriftError, RefusedDocumentError } from '../errors';
import { formatHlc, parseHlc, receive, startClock, tick, type Hlc } from '../hlc';
import { planMerge, type OpenedRevision } from '../merge';
import { isRemoved, stampEdit, stampRemoval, type RecordState } from '../record-clocks';
import {
  openDocument,
  openDocuments,
  sealDocument,
  type DocumentBody,
  type OpenOptions,
} from '../sealed-document';
import { checkSharedRecord, checkedRecordOf } from '../shared-schemas';
import { canonicalJson, type SharedKind, type SharedRecord } from '../shared-record';
import { resealDocuments, type Resealed } from '../rotation';
import { FirstReceive, type ReplicatedBatch } from './first-receive';
import { rebaseEdit } from './local-edit';
import { RecordBases } from './record-bases';
import {
  exportBundle,
  importBundle,
  type BundleOptions,
  type ExportedBundle,
  type ImportedBundle,
} from './bundle';
import type {
  CoalitionSyncConfig,
  CoalitionWorkspace,
  IncomingRecord,
  RefusedEntry,
  SyncStatus,
} from './ports';
import type { SharedItem } from '../share-selection';
import type {
  BulkResult,
  ReplicaDatabase,
  ReplicationHandle,
  ReplicationOptions,
  StoredDocument,
} from './replica-database';

/** The engine's own state, kept in the replica (`_local/` documents never replicate). */
export const SYNC_STATE_ID = '_local/tadamun-coalition-sync';
/** Document id → kind of each record the last push sent: one gone from the workspace is removed. */
export const PUSHED_ID = '_local/tadamun-coalition-pushed';
const PULL_BATCH = 500;
/** Documents opened together in a pull: short enough a slice of the event loop. */
const OPEN_SLICE = 100;

interface SyncState {
  _id: typeof SYNC_STATE_ID;
  _rev?: string;
  /** The member's hybrid logical clock, formatted. */
  clock: string;
  /** Where `pull` stopped in the replica's changes. */
  since: number | string;
  /** Campaigns received from the coalition: shared back, so edits of them travel. */
  receivedCampaigns: string[];
  /** The replica's update_seq when the last replication with the server ended. */
  serverSeq?: number | string;
  syncedAt?: string;
  refused: RefusedEntry[];
  /** Documents pulls leave alone while a push waits for code names (see `held`). */
  held?: string[];
}

export interface PushResult {
  written: number;
  removed: number;
  /** Records gone from the snapshot but still in the workspace: no longer shared, not deleted. */
  withdrawn: number;
  unchanged: number;
  /** Code-named contacts without a code name: nothing was written until they have one. */
  waitingForCodeNames: string[];
}

export interface PullResult {
  /** Records handed to the workspace (applied, kept or refused by it). */
  received: number;
  applied: number;
  /** Documents whose conflicts were merged (losers deleted). */
  merged: number;
  refused: RefusedEntry[];
}

export interface ReplicaOptions {
  /** The local clock (tests move it); Date.now by default. */
  now?: () => number;
  /**
   * Opens a pull's slices (`openDocuments` under the coalition's keys by default): a caller may
   * run the same opening on another thread. It must give what `openDocuments` gives.
   */
  openDocuments?: DocumentOpener;
}

export type DocumentOpener = (
  docs: readonly StoredDocument[],
  options: OpenOptions,
) => Promise<(DocumentBody | RefusedDocumentError)[]>;

interface KnownRecord {
  record: SharedRecord;
  /** Its canonical JSON, computed when a push first needs it (pulls stay cheap). */
  text?: string;
  /** The digest of `text` saved for the next restart (record-bases.ts), once a push saved it. */
  digest?: string;
  /** The replica revision holding this record: the base found again after a restart. */
  rev?: string;
}

interface Current {
  doc: StoredDocument;
  /** The merged state of the winner and its conflicts; undefined when the winner is refused. */
  state?: RecordState;
  kind?: SharedKind;
  /** Conflicting revisions to delete with the next write. */
  losers: string[];
  refused: RefusedEntry[];
}

export class CoalitionReplica {
  private clock: Hlc;
  private busy: Promise<unknown> = Promise.resolve();
  private unreachable: string | undefined;

  private constructor(
    readonly db: ReplicaDatabase,
    private config: CoalitionSyncConfig,
    readonly keys: CoalitionKeys,
    private readonly workspace: CoalitionWorkspace,
    private state: SyncState,
    private pushed: { _rev?: string; kinds: Record<string, SharedKind> },
    private readonly bases: RecordBases,
    private readonly now: () => number,
    private readonly opener: DocumentOpener,
  ) {
    this.clock = parseHlc(state.clock);
    this.held = new Set(state.held);
  }

  static async open(
    db: ReplicaDatabase,
    config: CoalitionSyncConfig,
    workspace: CoalitionWorkspace,
    options: ReplicaOptions = {},
  ): Promise<CoalitionReplica> {
    const keys = await deriveCoalitionKeys(config.key);
    const stored = await db.get(SYNC_STATE_ID).catch(notFound);
    const state: SyncState = {
      _id: SYNC_STATE_ID,
      clock: formatHlc(startClock(config.memberId)),
      since: 0,
      receivedCampaigns: [],
      refused: [],
      ...(stored as Partial<SyncState> | undefined),
    };
    // A rotation or a new member id restarts the clock's member, never its time.
    const clock = parseHlc(state.clock);
    if (clock.member !== config.memberId)
      state.clock = formatHlc({ ...clock, member: config.memberId });
    const pushed = (await db.get(PUSHED_ID).catch(notFound)) as
      { _rev: string; kinds: Record<string, SharedKind> } | undefined;
    return new CoalitionReplica(
      db,
      config,
      keys,
      workspace,
      state,
      { _rev: pushed?._rev, kinds: pushed?.kinds ?? {} },
      await RecordBases.load(db, keys, state.since, new Set(state.held)),
      options.now ?? Date.now,
      options.openDocuments ?? ((docs, open) => openDocuments(docs, keys, open)),
    );
  }

  /** The shared campaigns changed (or the retired keys): takes effect at the next push/pull. */
  reconfigure(config: CoalitionSyncConfig): void {
    if (config.coalitionId !== this.config.coalitionId) throw new Error('Another coalition');
    this.config = config;
  }

  /** One operation at a time: a live replication's pulls and the user's pushes queue up. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work, work);
    this.busy = run.catch(() => undefined);
    return run;
  }

  private nextClock(): string {
    this.clock = tick(this.clock, this.now());
    return formatHlc(this.clock);
  }

  private async saveState(): Promise<void> {
    this.state.clock = formatHlc(this.clock);
    const result = await this.db.put({ ...this.state });
    this.state._rev = result.rev;
  }

  private configForSnapshot(): CoalitionSyncConfig {
    const listed = new Set(this.config.sharedCampaigns.map((c) => c.campaignId));
    return {
      ...this.config,
      sharedCampaigns: [
        ...this.config.sharedCampaigns,
        ...this.state.receivedCampaigns
          .filter((id) => !listed.has(id))
          .map((campaignId) => ({ campaignId, templateIds: [] })),
      ],
    };
  }

  /** Writes what the workspace shares now into the replica; no write where nothing changed. */
  push(): Promise<PushResult> {
    return this.serial(() => this.pushNow());
  }

  private async pushNow(): Promise<PushResult> {
    const snapshot = await this.workspace.snapshot(this.configForSnapshot(), this.keys);
    const result: PushResult = {
      written: 0,
      removed: 0,
      withdrawn: 0,
      unchanged: 0,
      waitingForCodeNames: snapshot.missingCodeNames,
    };
    const ids = snapshot.items.map((item) => this.documentIdOf(item));
    const present = new Set(ids);
    const gone = Object.keys(this.pushed.kinds).filter((id) => !present.has(id));
    await this.restoreBases(snapshot.items, ids);
    // Only records whose text differs from what was last pushed or pulled are opened.
    const texts: string[] = [];
    const changed: string[] = [];
    for (const [index, item] of snapshot.items.entries()) {
      const text = canonicalJson(item.record);
      texts.push(text);
      const id = ids[index] as string;
      if (this.knownText(id) !== text) changed.push(id);
      // Thousands of records: let other work (replication, the UI's messages) run between.
      if (index % 500 === 499) await yieldTurn();
    }
    await this.restoreEditedBases(changed);
    // Nothing is written until every code name is given: pulls leave these edits alone meanwhile.
    this.held = new Set(snapshot.missingCodeNames.length ? changed : []);
    this.state.held = [...this.held];
    if (snapshot.missingCodeNames.length) return result;
    const currents = await this.currentDocuments([...changed, ...gone]);
    const writes: Record<string, unknown>[] = [];
    const pushed: Record<string, SharedKind> = {};
    const learnt: [string, KnownRecord][] = [];
    // The revision holding the workspace's text (the durable base), or 'written' by this push.
    const holding = new Map<string, string>();
    const inWorkspace = new Set<string>();
    for (const [index, item] of snapshot.items.entries()) {
      const id = ids[index] as string;
      const text = texts[index] as string;
      pushed[id] = item.kind;
      const base = this.known.get(id);
      if (this.knownText(id) === text) {
        result.unchanged++;
        continue;
      }
      learnt.push([id, { text, record: item.record }]);
      const current = currents.get(id);
      const previous = current?.state;
      const next = !previous
        ? item.record
        : base
          ? rebaseEdit(item.kind, previous.record, base.record, item.record)
          : withFieldsKept(item.kind, id, previous, item.record);
      if (
        previous &&
        !current?.losers.length &&
        canonicalJson(previous.record) === canonicalJson(next)
      ) {
        if (current && canonicalJson(next) === text) holding.set(id, current.doc._rev);
        result.unchanged++;
        continue;
      }
      // A revision holding edits the workspace has not seen yet must still be pulled into it.
      if (canonicalJson(next) === text) {
        inWorkspace.add(id);
        holding.set(id, 'written');
      }
      const edited = stampEdit(item.kind, previous, next, this.nextClock());
      writes.push(...(await this.revision(id, item.kind, edited, current)));
      result.written++;
    }
    const leaving = gone.flatMap((id) => {
      const current = currents.get(id);
      if (!current?.state || !current.kind || isRemoved(current.state)) return [];
      return [{ id, kind: current.kind, current, state: current.state }];
    });
    const departures = leaving.length
      ? await this.workspace.departures(
          this.config,
          this.keys,
          leaving.map(({ kind, state }) => ({ kind, id: state.record.id })),
        )
      : [];
    const withdrawn = new Set<string>();
    for (const [index, { id, kind, current, state }] of leaving.entries()) {
      // No longer shared, not deleted: nothing is written, the coalition keeps its copies (and
      // this engine the record's base, should it be shared again).
      if (departures[index] === 'withdrawn') {
        withdrawn.add(id);
        result.withdrawn++;
        continue;
      }
      const removal = stampRemoval(state, this.nextClock());
      writes.push(...(await this.revision(id, kind, removal, current)));
      result.removed++;
    }
    for (const id of gone) if (!withdrawn.has(id)) this.known.delete(id);
    const written = writes.length ? await this.write(writes, inWorkspace) : [];
    const revs = firstRevs(written);
    for (const [id, known] of learnt) {
      const rev = holding.get(id) === 'written' ? revs.get(id) : holding.get(id);
      // No revision holds the workspace's text (rebased on revisions not pulled yet): the
      // durable base stays the previous one until the pull brings the rebased revision.
      this.known.set(id, rev ? { ...known, rev } : { ...known, digest: this.bases.get(id) ?? '' });
    }
    await this.saveBases(ids, present);
    if (gone.length || Object.keys(pushed).length !== Object.keys(this.pushed.kinds).length) {
      const saved = await this.db.put({ _id: PUSHED_ID, _rev: this.pushed._rev, kinds: pushed });
      this.pushed = { _rev: saved.rev, kinds: pushed };
    }
    await this.saveState();
    return result;
  }

  /**
   * Per document: the record as last pushed or pulled, the base of the next local edit (and,
   * by its text, what push need not open again).
   */
  private readonly known = new Map<string, KnownRecord>();
  private readonly documentIds = new Map<string, string>();

  /**
   * After a restart: a record whose saved digest matches the workspace's text is as the engine
   * last pushed or pulled it, so it is its own base, and its document need not be opened.
   */
  private async restoreBases(items: readonly SharedItem[], ids: readonly string[]) {
    const candidates = items.flatMap((item, index) => {
      const id = ids[index] as string;
      const digest = this.known.has(id) ? undefined : this.bases.get(id);
      return digest ? [{ id, record: item.record, digest }] : [];
    });
    for (let start = 0; start < candidates.length; start += 500) {
      const chunk = candidates.slice(start, start + 500);
      const texts = chunk.map(({ record }) => canonicalJson(record));
      const digests = await Promise.all(texts.map((text) => this.bases.digest(text)));
      chunk.forEach(({ id, record, digest }, index) => {
        if (digests[index] === digest)
          this.known.set(id, { record, text: texts[index] as string, digest });
      });
      await yieldTurn();
    }
  }

  /** Saves the digest of each shared record's base (those not saved yet), for the next restart. */
  private async saveBases(ids: readonly string[], present: ReadonlySet<string>) {
    const stale = ids.filter((id) => {
      const known = this.known.get(id);
      return known !== undefined && known.digest === undefined;
    });
    for (let start = 0; start < stale.length; start += 500) {
      const chunk = stale.slice(start, start + 500);
      const digests = await Promise.all(
        chunk.map((id) => this.bases.digest(this.knownText(id) as string)),
      );
      chunk.forEach((id, index) => {
        const digest = digests[index] as string;
        const known = this.known.get(id) as KnownRecord;
        known.digest = digest;
        this.bases.set(id, digest, known.rev);
      });
      await yieldTurn();
    }
    this.bases.keepOnly(present);
    await this.bases.save(this.db, this.state.since);
  }

  /**
   * After a restart, a record edited while the app was closed (its digest no longer matches) is
   * rebased on the revision its digest names: the workspace's last pushed or pulled state. Taking
   * the replica's current state as its base instead would undo revisions replication brought in
   * meanwhile, not yet pulled into the workspace.
   */
  private async restoreEditedBases(changed: readonly string[]) {
    for (const id of changed) {
      const rev = this.known.has(id) ? undefined : this.bases.rev(id);
      const digest = this.bases.get(id);
      if (!rev || !digest) continue;
      const doc = await this.db.get(id, { rev }).catch(() => undefined);
      const body = doc && (await this.opened(doc, []));
      if (!body) continue;
      let record: SharedRecord;
      try {
        record = checkSharedRecord(id, body.kind, body.record).record;
      } catch {
        continue;
      }
      const text = canonicalJson(record);
      if ((await this.bases.digest(text)) === digest)
        this.known.set(id, { record, text, digest, rev });
    }
  }

  private knownText(id: string): string | undefined {
    const known = this.known.get(id);
    if (known && known.text === undefined) known.text = canonicalJson(known.record);
    return known?.text;
  }

  private documentIdOf(item: { kind: SharedKind; record: SharedRecord }): string {
    const key = `${item.kind}\n${item.record.id}`;
    let id = this.documentIds.get(key);
    if (id === undefined) {
      id = documentIdOf(this.keys, item.kind, item.record.id);
      this.documentIds.set(key, id);
    }
    return id;
  }

  /** The sealed revision of `state` on top of the current winner, and its losers deleted. */
  private async revision(
    id: string,
    kind: SharedKind,
    state: RecordState,
    current: Current | undefined,
  ): Promise<Record<string, unknown>[]> {
    const sealed = await sealDocument(this.keys, { kind, ...state, author: this.config.memberId });
    if (sealed._id !== id) throw new Error(`Record sealed under another id than ${id}`);
    return [
      { ...sealed, ...(current && { _rev: current.doc._rev }) },
      ...(current?.losers ?? []).map((rev) => ({ _id: id, _rev: rev, _deleted: true })),
    ];
  }

  /** Writes; the revisions of `inWorkspace` (all when absent) need no pull into the workspace. */
  private async write(
    documents: Record<string, unknown>[],
    inWorkspace?: ReadonlySet<string>,
  ): Promise<BulkResult[]> {
    this.firstReceive?.stop();
    const results = await this.db.bulkDocs(documents);
    for (const r of results)
      if (r.ok && r.id && r.rev && (!inWorkspace || inWorkspace.has(r.id)))
        this.written.add(`${r.id}@${r.rev}`);
    const failed = results.filter((r) => r.error);
    // A conflict here means a pull or a replication wrote the document meanwhile: the next
    // push or pull sees it again.
    const serious = failed.filter((r) => r.error !== 'conflict');
    if (serious.length)
      throw new Error(`The replica refused ${serious.length} writes: ${serious[0]?.reason ?? ''}`);
    return results;
  }

  /** Each document's winner, opened and merged with its conflicts. */
  private async currentDocuments(ids: readonly string[]): Promise<Map<string, Current>> {
    const found = new Map<string, Current>();
    if (!ids.length) return found;
    const { rows } = await this.db.allDocs({ keys: [...ids], include_docs: true, conflicts: true });
    for (const row of rows) {
      if (!row.doc || row.value?.deleted) continue;
      found.set(row.id, await this.resolve(row.doc));
    }
    return found;
  }

  /** `opened`: the winner already opened (a batch opens its winners at once). */
  private async resolve(
    doc: StoredDocument,
    opened?: { body: DocumentBody | undefined; refused: RefusedEntry[] },
  ): Promise<Current> {
    const refused: RefusedEntry[] = opened ? [...opened.refused] : [];
    const winner = opened ? opened.body : await this.opened(doc, refused);
    const losers = doc._conflicts ?? [];
    if (!winner) return { doc, losers, refused };
    const conflicts: OpenedRevision[] = [];
    for (const rev of losers) {
      const loser = await this.db.get(doc._id, { rev }).catch(notFound);
      const body = loser && (await this.opened(loser, refused));
      // A loser that does not open (or is of another kind) is deleted with the others.
      if (body && body.kind === winner.kind) conflicts.push({ rev, state: stateOf(body) });
    }
    if (!losers.length) return { doc, state: stateOf(winner), kind: winner.kind, losers, refused };
    const plan = planMerge(winner.kind, { rev: doc._rev, state: stateOf(winner) }, conflicts);
    return { doc, state: plan.state, kind: winner.kind, losers, refused };
  }

  /** `resolve` of a winner already opened that has no conflicts. */
  private alone(
    doc: StoredDocument,
    opened: { body: DocumentBody | undefined; refused: RefusedEntry[] },
  ): Current {
    const { body, refused } = opened;
    if (!body) return { doc, losers: [], refused };
    return { doc, state: stateOf(body), kind: body.kind, losers: [], refused };
  }

  /** The body, or undefined with the refusal noted (a clock too far ahead is refused too). */
  private async opened(
    doc: StoredDocument,
    refused: RefusedEntry[],
  ): Promise<DocumentBody | undefined> {
    let body: DocumentBody;
    try {
      body = await openDocument(doc, this.keys, { retiredKeyIds: this.config.retiredKeyIds });
    } catch (error) {
      if (!(error instanceof RefusedDocumentError)) throw error;
      refused.push({ documentId: doc._id, reason: error.reason });
      return undefined;
    }
    return this.clocked(doc, body, refused);
  }

  /** An opened body once its clock is taken in; undefined (noted) when too far ahead. */
  private clocked(
    doc: StoredDocument,
    body: DocumentBody,
    refused: RefusedEntry[],
  ): DocumentBody | undefined {
    try {
      this.clock = receive(this.clock, parseHlc(body.hlc), this.now());
    } catch (error) {
      if (!(error instanceof ClockDriftError)) throw error;
      refused.push({
        documentId: doc._id,
        reason: 'clock-drift',
        detail: parseHlc(body.hlc).member,
      });
      return undefined;
    }
    return body;
  }

  /**
   * Takes the replica's revisions since the last pull into the workspace: conflicts merged (the
   * merged revision written, the losers deleted so `_conflicts` empties), each record checked,
   * then applied in one workspace transaction per batch. Refused documents leave local data as
   * it was and are counted in the status. `pushFirst: false` when the caller knows nothing was
   * edited since the last push (it skips snapshotting the whole workspace). `replicated`: the
   * batch `replicated()` announced, taken as replicated during a first receive.
   */
  pull({
    pushFirst = true,
    replicated,
  }: { pushFirst?: boolean; replicated?: ReplicatedBatch } = {}): Promise<PullResult> {
    return this.serial(async () => {
      if (!replicated) return this.pullNow(pushFirst);
      // A push writes, which ends the first receive: the batch is then read from `_changes`.
      if (pushFirst) await this.pushNow();
      return this.pullReplicated(replicated);
    });
  }

  /**
   * For a replication the caller runs (the app's worker): `beginReceive()` before it starts
   * (after the push), then `replicated(docs)` synchronously in each pull batch's `change`
   * event, in order, and `pull({replicated})` with what it returns (first-receive.ts).
   * Undefined: pull as usual. Over IndexedDB this spares reading every document back (the
   * worker's largest cost); `syncOnce` does the same with its own replication.
   */
  replicated(docs: readonly StoredDocument[]): ReplicatedBatch | undefined {
    return this.firstReceive?.announce(docs);
  }

  /** See `replicated`: a replica that holds nothing takes its first batches as replicated. */
  beginReceive(): Promise<void> {
    return this.serial(() => this.beginReceiveNow());
  }

  /**
   * `pushFirst`: local edits not pushed yet go into the replica first (rebased), so that
   * applying what arrived does not overwrite them in the workspace; after a restart their bases
   * are found again through the digests (`restoreEditedBases`).
   */
  private async pullNow(pushFirst: boolean): Promise<PullResult> {
    if (pushFirst) await this.pushNow();
    const result: PullResult = { received: 0, applied: 0, merged: 0, refused: [] };
    for (;;) {
      const { results, last_seq } = await this.db.changes({
        since: this.state.since,
        include_docs: true,
        conflicts: true,
        limit: PULL_BATCH,
      });
      if (!results.length) break;
      const settled = new Set<string>();
      const docs = results.flatMap((change) => {
        const doc = change.doc;
        if (!doc || doc._deleted || doc._id.startsWith('_')) return [];
        settled.add(doc._id);
        const ours = this.written.delete(`${doc._id}@${doc._rev}`);
        return (ours && !doc._conflicts?.length) || this.held.has(doc._id) ? [] : [doc];
      });
      await this.takeIn(docs, settled, last_seq, result);
    }
    this.state.syncedAt = new Date(this.now()).toISOString();
    await this.saveState();
    return result;
  }

  /**
   * A first receive's batch, from the replication's event (first-receive.ts): the documents
   * as replicated, no `_changes` read; read from the replica as before when the replica is not
   * as counted.
   */
  private async pullReplicated(batch: ReplicatedBatch): Promise<PullResult> {
    const first = this.firstReceive;
    const { update_seq } = await this.db.info();
    if (!first?.matches(batch, this.state.since, update_seq)) {
      first?.stop();
      return this.pullNow(false);
    }
    const result: PullResult = { received: 0, applied: 0, merged: 0, refused: [] };
    const { winners, reread, settled } = first.split(batch);
    if (reread.length) {
      const { rows } = await this.db.allDocs({ keys: reread, include_docs: true, conflicts: true });
      for (const row of rows) {
        if (!row.doc || row.value?.deleted) continue;
        winners.push(row.doc);
        settled.add(row.id);
      }
    }
    // Records a push waiting for code names holds are left alone, as in any pull.
    const taken = winners.filter((doc) => !this.held.has(doc._id));
    await this.takeIn(taken, settled, batch.end, result);
    return result;
  }

  /**
   * Opens the winners of one batch (merging conflicts), checks and applies them to the
   * workspace, then moves the checkpoint to `seq`. `settled`: the documents whose earlier
   * refusals this batch replaces.
   */
  private async takeIn(
    docs: readonly StoredDocument[],
    settled: ReadonlySet<string>,
    seq: number | string,
    result: PullResult,
  ): Promise<void> {
    const incoming: IncomingRecord[] = [];
    const writes: Record<string, unknown>[] = [];
    const refusedNow: RefusedEntry[] = [];
    // Per document, the revision holding the record the workspace gets (its base from then on).
    const holding = new Map<string, string>();
    // Opened a slice at a time, each slice's decryptions queued at once (one WebCrypto round
    // trip per document in turn cost more than the decryption itself), the next slice's while
    // this one is checked: queuing a whole batch held the event loop for tens of ms.
    const open = async (slice: readonly StoredDocument[]) => {
      const opened = await this.opener(slice, { retiredKeyIds: this.config.retiredKeyIds });
      return opened.map((body, index) => {
        const refused: RefusedEntry[] = [];
        const doc = slice[index] as StoredDocument;
        if (body instanceof RefusedDocumentError) {
          refused.push({ documentId: doc._id, reason: body.reason });
          return { body: undefined, refused };
        }
        return { body: this.clocked(doc, body, refused), refused };
      });
    };
    let opening = open(docs.slice(0, OPEN_SLICE));
    for (let start = 0; start < docs.length; start += OPEN_SLICE) {
      const slice = docs.slice(start, start + OPEN_SLICE);
      const winners = await opening;
      if (start + OPEN_SLICE < docs.length) {
        opening = open(docs.slice(start + OPEN_SLICE, start + 2 * OPEN_SLICE));
        // Awaited next turn; should this slice throw first, it is not left unhandled.
        opening.catch(() => undefined);
      }
      for (const [index, doc] of slice.entries()) {
        const opened = winners[index];
        // Without conflicts there is nothing to read or merge: no turn of the event loop each.
        const current =
          opened && !doc._conflicts?.length
            ? this.alone(doc, opened)
            : await this.resolve(doc, opened);
        refusedNow.push(...current.refused);
        if (!current.state || !current.kind) continue;
        if (current.losers.length) {
          result.merged++;
          const winner = await this.opened(doc, []);
          const changed =
            !winner || canonicalJson(stateOf(winner)) !== canonicalJson(current.state);
          writes.push(
            ...(changed
              ? await this.revision(doc._id, current.kind, current.state, current)
              : current.losers.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true }))),
          );
          if (!changed) holding.set(doc._id, doc._rev);
        } else holding.set(doc._id, doc._rev);
        try {
          const record = checkedRecordOf(doc._id, current.kind, current.state.record);
          const removed = isRemoved(current.state);
          incoming.push({
            documentId: doc._id,
            kind: current.kind,
            record,
            removed,
            checked: true,
          });
        } catch (error) {
          if (!(error instanceof RefusedDocumentError)) throw error;
          refusedNow.push({
            documentId: doc._id,
            reason: error.reason,
            detail: error.fields.join(', '),
          });
        }
      }
    }
    const applied = await this.workspace.applyIncoming(this.config, this.keys, incoming);
    // Only once the workspace has them: they are the base of the next local edit.
    for (const record of incoming) {
      if (record.removed) this.known.delete(record.documentId);
      else
        this.known.set(record.documentId, {
          record: record.record,
          rev: holding.get(record.documentId),
        });
      if (record.kind === 'campaign' && !this.state.receivedCampaigns.includes(record.record.id))
        this.state.receivedCampaigns.push(record.record.id);
    }
    if (writes.length) await this.write(writes);
    for (const refusal of applied.refused)
      refusedNow.push({
        documentId: refusal.documentId,
        reason: refusal.reason,
        detail: refusal.fields.join(', '),
      });
    result.received += incoming.length;
    result.applied += applied.applied;
    result.refused.push(...refusedNow);
    this.noteRefusals(settled, refusedNow);
    this.state.since = seq;
    await this.saveState();
  }

  /**
   * Records edited here that a push waiting for code names could not write: a pull does not
   * apply what arrived for them (the workspace keeps the edit, the engine its base); the push
   * that writes them rebases them on it.
   */
  private held: Set<string>;

  /** Revisions this engine wrote in this session: their content is in the workspace already. */
  private readonly written = new Set<string>();

  private noteRefusals(settled: ReadonlySet<string>, refusals: readonly RefusedEntry[]): void {
    const kept = this.state.refused.filter((entry) => !settled.has(entry.documentId));
    this.state.refused = [...kept, ...refusals].slice(-1000);
  }

  /** A bundle of what is shared (or of one campaign), after pushing the latest local edits. */
  async exportBundle(options: Omit<BundleOptions, 'retiredKeyIds'> = {}): Promise<ExportedBundle> {
    await this.push();
    return this.serial(() =>
      exportBundle(this.db, this.keys, { ...options, retiredKeyIds: this.config.retiredKeyIds }),
    );
  }

  /** Takes in a bundle's revisions, then pulls them into the workspace with the same merge. */
  async importBundle(
    text: string,
    passphrase: string,
    argon2id?: Argon2idDeriver,
  ): Promise<PullResult & ImportedBundle> {
    const imported = await this.serial(() => {
      this.firstReceive?.stop();
      return importBundle(this.db, this.keys, text, passphrase, argon2id);
    });
    return { ...(await this.pull()), ...imported };
  }

  /**
   * Removing a member, the replica's part: after `rotateCoalitionKey`, every document (conflicts
   * merged first) sealed again under the new key into the coalition's new database (a fresh
   * local replica, replicated to the new server database). Documents that do not open are not
   * carried over and are returned.
   */
  async resealInto(target: ReplicaDatabase, newKeys: CoalitionKeys): Promise<Resealed> {
    await this.pull();
    return this.serial(async () => {
      const { rows } = await this.db.allDocs({ include_docs: true });
      const documents = rows.flatMap((row) =>
        row.doc && !row.id.startsWith('_') && !row.value?.deleted ? [row.doc] : [],
      );
      const resealed = await resealDocuments(documents, this.keys, newKeys, this.config.memberId);
      const results = await target.bulkDocs(resealed.documents);
      const failed = results.filter((r) => r.error);
      if (failed.length) throw new Error(`The new replica refused ${failed.length} documents`);
      return resealed;
    });
  }

  /** The coalition's state for the UI. */
  /** The campaigns received from the coalition (their ids, as pulled), shared back. */
  receivedCampaigns(): readonly string[] {
    return [...this.state.receivedCampaigns];
  }

  async status(): Promise<SyncStatus> {
    const since = this.state.serverSeq;
    const waiting =
      since === undefined
        ? (await this.db.info()).doc_count
        : (await this.db.changes({ since })).results.filter((r) => !r.id.startsWith('_')).length;
    return {
      ...(this.state.syncedAt && { syncedAt: this.state.syncedAt }),
      changesWaiting: waiting,
      refused: [...this.state.refused],
      ...(this.unreachable && { unreachable: this.unreachable }),
    };
  }

  /** Push and pull, one replication both ways with the server, pull; a failure is kept for the status. */
  async syncOnce(remote: ReplicaDatabase, options: ReplicationOptions = {}): Promise<PullResult> {
    // Local edits go into the replica first (rebased), then revisions replicated earlier but
    // not yet pulled reach the workspace: one snapshot, the pull's own push.
    const first = await this.pull();
    // Batches are pulled into the workspace while the next ones are still on their way.
    const results: PullResult[] = [first];
    let pulling: Promise<unknown> = Promise.resolve();
    // A replica that held nothing takes each batch as replicated (first-receive.ts): no read-back.
    await this.serial(async () => {
      await this.beginReceiveNow();
      this.live++;
    });
    // A batch is pulled once the replication has written its checkpoint and gone on to ask the
    // server for the next one: the client's thread then opens it while the server works.
    const waiting: (() => void)[] = [];
    const release = () => {
      for (const go of waiting.splice(0)) go();
    };
    try {
      try {
        const handle = this.db.sync(remote, { batch_size: 500, ...options });
        handle.pull?.on('checkpoint', (info) => {
          if (info.checkpoint !== undefined) release();
        });
        handle.on('change', (info) => {
          if (info.direction !== 'pull') return;
          const replicated = this.replicated(info.change?.docs ?? []);
          const gate = handle.pull ? new Promise<void>((go) => waiting.push(go)) : undefined;
          pulling = pulling
            .then(() => gate)
            .then(() =>
              this.serial(() =>
                replicated ? this.pullReplicated(replicated) : this.pullNow(false),
              ).then((r) => results.push(r)),
            );
          // Rejections are awaited below; this only keeps one from counting as unhandled meanwhile.
          pulling.catch(() => undefined);
        });
        await Promise.resolve(handle).finally(release);
        this.unreachable = undefined;
        await this.noteServerSeq();
      } catch (error) {
        this.unreachable = error instanceof Error ? error.message : 'unreachable';
        await pulling.catch(() => undefined);
        throw error;
      }
      await pulling;
    } finally {
      this.live--;
      this.firstReceive?.stop();
    }
    // Local edits were pushed before the replication (a full snapshot again would cost seconds
    // at 10,000 records); one made since is pushed by the app's own push() or the next pull.
    results.push(await this.serial(() => this.pullNow(false)));
    return {
      received: results.reduce((sum, r) => sum + r.received, 0),
      applied: results.reduce((sum, r) => sum + r.applied, 0),
      merged: results.reduce((sum, r) => sum + r.merged, 0),
      refused: results.flatMap((r) => r.refused),
    };
  }

  /**
   * Before a replication: a replica that holds no revision and has pulled nothing takes the
   * replication's batches from its events (first-receive.ts). Run in `serial`, so that no
   * write comes between the check and the replication.
   */
  private async beginReceiveNow(): Promise<void> {
    const { update_seq } = await this.db.info();
    this.firstReceive =
      update_seq === 0 && this.state.since === 0 && !this.live ? new FirstReceive() : undefined;
  }

  /** A first receive under way, until anything else writes to the replica. */
  private firstReceive: FirstReceive | undefined;
  /** Replications this engine runs (live, or `syncOnce`'s): another would write batches not counted. */
  private live = 0;

  private async noteServerSeq(): Promise<void> {
    const { update_seq } = await this.db.info();
    await this.serial(async () => {
      this.state.serverSeq = update_seq;
      await this.saveState();
    });
  }

  /**
   * Live replication with the server (retrying while it is unreachable): every change that
   * arrives is pulled into the workspace; `push()` after a local edit sends it out.
   */
  startLive(remote: ReplicaDatabase, events: LiveEvents = {}): LiveSync {
    this.live++;
    let running = true;
    this.firstReceive?.stop();
    const handle: ReplicationHandle = this.db.sync(remote, {
      live: true,
      retry: true,
      batch_size: 500,
      back_off_function: (delay) => (delay === 0 ? 250 : Math.min(delay * 2, 10_000)),
    });
    let pulling: Promise<unknown> = Promise.resolve();
    handle.on('change', (info) => {
      if (info.direction !== 'pull') return;
      pulling = pulling.then(() => this.pull().then(events.onPulled, events.onError));
    });
    handle.on('paused', (error) => {
      if (error) this.unreachable = error instanceof Error ? error.message : 'unreachable';
      else {
        this.unreachable = undefined;
        void this.noteServerSeq().catch(() => undefined);
      }
      events.onStatus?.();
    });
    handle.on('active', () => events.onStatus?.());
    handle.on('error', (error) => {
      this.unreachable = error instanceof Error ? error.message : 'unreachable';
      events.onError?.(error);
    });
    return {
      stop: async () => {
        handle.cancel();
        if (running) this.live--;
        running = false;
        await pulling;
      },
    };
  }
}

export interface LiveEvents {
  onPulled?: (result: PullResult) => void;
  onStatus?: () => void;
  onError?: (error: unknown) => void;
}

export interface LiveSync {
  stop(): Promise<void>;
}

const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Each document's first revision written (a write's losers deleted come after it). */
const firstRevs = (results: readonly BulkResult[]) => {
  const revs = new Map<string, string>();
  for (const r of results) if (r.ok && r.id && r.rev && !revs.has(r.id)) revs.set(r.id, r.rev);
  return revs;
};

const stateOf = (body: DocumentBody): RecordState => ({ record: body.record, clocks: body.clocks });

function notFound(error: unknown): undefined {
  if ((error as { status?: number } | null)?.status === 404) return undefined;
  throw error;
}

/**
 * The record to stamp: the workspace's, plus the fields a newer version's member added that this
 * version does not know (the replica keeps them; Dexie does not).
 */
function withFieldsKept(
  kind: SharedKind,
  id: string,
  previous: RecordState | undefined,
  record: SharedRecord,
): SharedRecord {
  if (!previous) return record;
  let unknown: string[];
  try {
    unknown = checkSharedRecord(id, kind, previous.record).unknownFields;
  } catch {
    return record;
  }
  if (!unknown.length) return record;
  const kept = Object.fromEntries(unknown.map((name) => [name, previous.record[name]]));
  return { ...kept, ...record };
}
