/**
 * What the engine last pushed or pulled of each shared record, kept across restarts as a keyed
 * digest (HMAC-SHA-256 under the coalition's id key, 128 bits) in the replica's `_local/`
 * documents, which never replicate. After a restart, `push` compares each workspace record with
 * its digest instead of opening its document: only records that changed meanwhile are opened.
 * A digest says nothing of the record without the coalition key, which the workspace seals.
 *
 * A record edited while the app was closed no longer matches its digest: its base is then the
 * revision the digest names (the replica keeps old revisions), opened and checked against it.
 *
 * Sixteen shards by the document id's first hex digit, so a push of one edit rewrites one. Each
 * shard notes the pull checkpoint it was written at, and a digest the revision holding it:
 * a document pulled into the workspace after that (its digest not saved yet: closed before the
 * next push, a crash) loses its digest at load, so a stale digest never passes an edit for
 * "unchanged". Changes not pulled yet have not touched the workspace: the digest still holds.
 */
import type { CoalitionKeys } from '../coalition-key';
import type { ReplicaDatabase } from './replica-database';

export const BASES_ID_PREFIX = '_local/tadamun-coalition-bases-';
const SHARDS = 16;
const CHANGES_BATCH = 2_000;

interface StoredShard {
  _rev?: string;
  /** The pull checkpoint when the shard was written: later changes are not reflected. */
  seq: number | string;
  digests: Record<string, string>;
  /**
   * The revision holding the record the digest describes (written by a push, or pulled): a
   * change to it is not a newer pull, and after a restart it is the base of an edit.
   */
  revs?: Record<string, string>;
}

interface Shard {
  _rev?: string;
  seq: number | string;
  digests: Map<string, string>;
  revs: Map<string, string>;
}

const shardOf = (documentId: string) => parseInt(documentId.charAt(0), 16) || 0;
const shardId = (index: number) => `${BASES_ID_PREFIX}${index.toString(16)}`;

/** The number a sequence starts with (CouchDB's are "123-…"); NaN when it has none. */
const seqNumber = (seq: number | string) => (typeof seq === 'number' ? seq : parseInt(seq, 10));

export class RecordBases {
  private readonly dirty = new Set<number>();

  private constructor(
    private readonly keys: CoalitionKeys,
    private readonly shards: Shard[],
  ) {}

  /**
   * The stored digests, less those of documents pulled (up to `pulledUpTo`, the engine's pull
   * checkpoint) after their shard was written, unless the change is the revision the digest
   * describes or the pull left the document alone (`held`: the workspace kept a local edit).
   */
  static async load(
    db: ReplicaDatabase,
    keys: CoalitionKeys,
    pulledUpTo: number | string,
    held: ReadonlySet<string> = new Set(),
  ): Promise<RecordBases> {
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, async (_, index): Promise<Shard> => {
        const stored = (await db.get(shardId(index)).catch(() => undefined)) as
          StoredShard | undefined;
        return stored && typeof stored.digests === 'object'
          ? {
              _rev: stored._rev,
              seq: stored.seq,
              digests: new Map(Object.entries(stored.digests)),
              revs: new Map(Object.entries(stored.revs ?? {})),
            }
          : { seq: 0, digests: new Map(), revs: new Map() };
      }),
    );
    const bases = new RecordBases(keys, shards);
    const holding = shards.filter((shard) => shard.digests.size);
    if (!holding.length) return bases;
    const numbers = holding.map((shard) => seqNumber(shard.seq));
    let since: number | string = numbers.some(Number.isNaN) ? 0 : Math.min(...numbers);
    const end = seqNumber(pulledUpTo);
    // Changes come in order: those after the pull checkpoint have not reached the workspace.
    for (let more = !(seqNumber(since) >= end); more;) {
      const { results, last_seq } = await db.changes({ since, limit: CHANGES_BATCH });
      if (!results.length) break;
      for (const row of results) {
        if (seqNumber(row.seq) > end) {
          more = false;
          break;
        }
        const shard = shards[shardOf(row.id)] as Shard;
        if (!shard.digests.has(row.id) || seqNumber(row.seq) <= seqNumber(shard.seq)) continue;
        if (held.has(row.id)) continue;
        const own = shard.revs.get(row.id);
        if (!own || row.changes?.[0]?.rev !== own) bases.delete(row.id);
      }
      since = last_seq;
    }
    return bases;
  }

  /** The record's digest as last saved, if it is still current. */
  get(documentId: string): string | undefined {
    return this.shards[shardOf(documentId)]?.digests.get(documentId);
  }

  /** The replica revision whose record the digest describes, when one does. */
  rev(documentId: string): string | undefined {
    return this.shards[shardOf(documentId)]?.revs.get(documentId);
  }

  /** A record's digest; `rev`: the revision holding that record (pushed or pulled). */
  set(documentId: string, digest: string, rev?: string): void {
    const index = shardOf(documentId);
    const shard = this.shards[index] as Shard;
    if (shard.digests.get(documentId) === digest && shard.revs.get(documentId) === rev) return;
    shard.digests.set(documentId, digest);
    if (rev) shard.revs.set(documentId, rev);
    else shard.revs.delete(documentId);
    this.dirty.add(index);
  }

  delete(documentId: string): void {
    const index = shardOf(documentId);
    const shard = this.shards[index] as Shard;
    if (!shard.digests.delete(documentId)) return;
    shard.revs.delete(documentId);
    this.dirty.add(index);
  }

  /** Forgets every document not in `present` (records no longer shared). */
  keepOnly(present: ReadonlySet<string>): void {
    for (const shard of this.shards)
      for (const id of [...shard.digests.keys()]) if (!present.has(id)) this.delete(id);
  }

  /** The digest of a record's canonical text. */
  async digest(text: string): Promise<string> {
    const mac = this.keys.idKey.mac(`tadamun:coalition-base\n${text}`);
    return Array.from(mac.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  /** Writes the shards that changed, noting the pull checkpoint the digests reflect. */
  async save(db: ReplicaDatabase, seq: number | string): Promise<void> {
    for (const index of [...this.dirty].sort((a, b) => a - b)) {
      const shard = this.shards[index] as Shard;
      const saved = await db.put({
        _id: shardId(index),
        ...(shard._rev && { _rev: shard._rev }),
        seq,
        digests: Object.fromEntries(shard.digests),
        revs: Object.fromEntries(shard.revs),
      });
      shard._rev = saved.rev;
      shard.seq = seq;
      this.dirty.delete(index);
    }
  }
}
