/**
 * A replica's first receive: it held no revision when the replication started, and nothing but
 * that replication writes to it meanwhile. Then each batch the replication writes is the
 * replica's next changes, one sequence per document, and a document whose id comes once is the
 * winner without conflicts: the pull takes a batch from the replication's own `change` event
 * instead of reading the replica's `_changes` again (docs/coalition.md, "pull()"). Anything
 * else (the engine writing, a bundle, sequences not as counted) stops it for good, and the pull
 * reads `_changes` from its checkpoint as before.
 */
import type { StoredDocument } from './replica-database';

/** One replicated batch: its documents and the replica sequences they took, (start, end]. */
export interface ReplicatedBatch {
  docs: readonly StoredDocument[];
  start: number;
  end: number;
}

/** A batch split: winners as replicated, ids to read from the replica, ids the batch settles. */
export interface SplitBatch {
  winners: StoredDocument[];
  /** Seen in an earlier batch, or several revisions in this one: the replica says which wins. */
  reread: string[];
  settled: Set<string>;
}

export class FirstReceive {
  private announced = 0;
  private stopped = false;
  private readonly seen = new Set<string>();

  get active(): boolean {
    return !this.stopped;
  }

  /** Something else wrote to the replica, or the counts disagreed: `_changes` from now on. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * The replication wrote a batch (called from its `change` event, in order): the sequences
   * the batch's documents took, as counted.
   */
  announce(docs: readonly StoredDocument[]): ReplicatedBatch | undefined {
    if (this.stopped) return undefined;
    const start = this.announced;
    this.announced += docs.length;
    return { docs, start, end: this.announced };
  }

  /**
   * Whether the replica is as counted: `updateSeq` (read now) has every document of the batch
   * and nothing besides the batches announced since (a document written without a sequence,
   * or a write by anything else, shows here).
   */
  matches(batch: ReplicatedBatch, since: unknown, updateSeq: unknown): boolean {
    return (
      !this.stopped &&
      since === batch.start &&
      typeof updateSeq === 'number' &&
      updateSeq >= batch.end &&
      updateSeq <= this.announced
    );
  }

  split(batch: ReplicatedBatch): SplitBatch {
    const revisions = new Map<string, StoredDocument[]>();
    for (const doc of batch.docs) {
      if (doc._id.startsWith('_')) continue;
      const list = revisions.get(doc._id);
      if (list) list.push(doc);
      else revisions.set(doc._id, [doc]);
    }
    const split: SplitBatch = { winners: [], reread: [], settled: new Set() };
    for (const [id, docs] of revisions) {
      const [doc] = docs;
      if (this.seen.has(id) || docs.length > 1) split.reread.push(id);
      else if (doc && !doc._deleted) {
        split.winners.push(doc);
        split.settled.add(id);
      }
      this.seen.add(id);
    }
    return split;
  }
}
