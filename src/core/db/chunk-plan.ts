/**
 * What a write into chunks does, decided before anything is written: which chunk rows the
 * changes (and every pending row, folded in) touch and what each then holds, which chunks
 * empty out, and where each record then lives. Nothing here writes or changes the layout it
 * is given: the store writes the plan in one transaction and only then adopts its layout.
 * A generator that yields after each record, so a bulk write can plan in slices.
 */
import type { EntityTable } from '../domain/entities';
import type { ChangeSet, StoredRecord } from './change-set';

/** Where a table's records are stored before the write. */
export interface TableLayout {
  /** The records as stored (in memory before this commit). */
  records: Pick<ReadonlyMap<string, StoredRecord>, 'get'>;
  /** The ids each chunk row holds, and the chunk holding each id. */
  chunkMembers: ReadonlyMap<number, ReadonlySet<string>>;
  chunkOf: ReadonlyMap<string, number>;
}

/** A chunk row to (re)write with these records. */
export interface ChunkWrite {
  table: EntityTable;
  chunk: number;
  records: StoredRecord[];
}

/** How a table's layout changes once the plan is written. */
export interface LayoutChange {
  table: EntityTable;
  /** The ids of each chunk the write changes; an empty set: that chunk row is deleted. */
  members: Map<number, Set<string>>;
  /** Records put into a chunk by this write (new ones, or until now only pending). */
  placed: Map<string, number>;
  /** Ids this write deletes. */
  removed: string[];
}

export interface ChunkPlan {
  writes: ChunkWrite[];
  chunkDeletes: [EntityTable, number][];
  pendingDeletes: [EntityTable, string][];
  layouts: LayoutChange[];
}

export interface ChunkPlanOptions {
  /**
   * New records go into new chunks only, not into chunks with room. For writes that arrive
   * in a series of batches (a coalition's receive): otherwise each batch sealed and stored
   * again the half-full chunk the previous one left, twice the bytes of what it brought.
   */
  newChunksOnly?: boolean;
}

/**
 * Plans folding `changes` and every pending row into chunks of at most `chunkSize` records.
 * `layoutOf` is asked only for the tables touched.
 */
export function* planChunkWrite(
  changes: ChangeSet,
  pending: ReadonlyMap<EntityTable, ReadonlySet<string>>,
  layoutOf: (table: EntityTable) => TableLayout,
  chunkSize: number,
  options: ChunkPlanOptions = {},
): Generator<void, ChunkPlan, void> {
  const touched = new Map<EntityTable, Set<string>>();
  const touch = (table: EntityTable, id: string) => {
    let ids = touched.get(table);
    if (!ids) touched.set(table, (ids = new Set()));
    ids.add(id);
  };
  for (const change of changes.list) {
    touch(change.table, change.id);
    yield;
  }
  const pendingDeletes: [EntityTable, string][] = [];
  for (const [table, ids] of pending) {
    for (const id of ids) {
      touch(table, id);
      pendingDeletes.push([table, id]);
    }
  }

  const plan: ChunkPlan = { writes: [], chunkDeletes: [], pendingDeletes, layouts: [] };
  for (const [table, ids] of touched) {
    const before = layoutOf(table);
    const after = yield* planTable(table, ids, changes, before, chunkSize, options);
    for (const [chunk, members] of after.members) {
      if (members.size === 0) {
        plan.chunkDeletes.push([table, chunk]);
        continue;
      }
      const records: StoredRecord[] = [];
      for (const id of members) {
        const record = currentRecord(table, id, changes, before);
        if (record) records.push(record);
        yield;
      }
      plan.writes.push({ table, chunk, records });
    }
    plan.layouts.push(after);
  }
  return plan;
}

/** The record as the commit leaves it; undefined when it is deleted or never existed. */
function currentRecord(
  table: EntityTable,
  id: string,
  changes: ChangeSet,
  layout: TableLayout,
): StoredRecord | undefined {
  const changed = changes.recordOf(table, id);
  return changed === undefined ? layout.records.get(id) : (changed ?? undefined);
}

/** Which chunks of one table change, and how: deleted ids leave, new ones fill chunks with room. */
function* planTable(
  table: EntityTable,
  ids: ReadonlySet<string>,
  changes: ChangeSet,
  layout: TableLayout,
  chunkSize: number,
  { newChunksOnly = false }: ChunkPlanOptions,
): Generator<void, LayoutChange, void> {
  const members = new Map<number, Set<string>>();
  const placed = new Map<string, number>();
  // A chunk is copied (and so rewritten) only when it changes.
  const memberSet = (chunk: number) => {
    let set = members.get(chunk);
    if (!set) members.set(chunk, (set = new Set(layout.chunkMembers.get(chunk) ?? [])));
    return set;
  };
  const placeless: string[] = [];
  const removed: string[] = [];
  for (const id of ids) {
    const chunk = layout.chunkOf.get(id);
    const exists = currentRecord(table, id, changes, layout) !== undefined;
    if (!exists) removed.push(id);
    if (chunk === undefined) {
      if (exists) placeless.push(id);
    } else if (!exists) {
      memberSet(chunk).delete(id);
    } else {
      memberSet(chunk);
    }
    yield;
  }
  // New records fill the chunks with room first, then new chunks.
  const existing = [...layout.chunkMembers.keys()].sort((a, b) => a - b);
  let nextChunk = Math.max(-1, ...existing) + 1;
  const candidates = newChunksOnly ? [] : existing;
  let cursor = 0;
  const sizeOf = (chunk: number) =>
    members.get(chunk)?.size ?? layout.chunkMembers.get(chunk)?.size ?? 0;
  for (const id of placeless) {
    while (cursor < candidates.length && sizeOf(candidates[cursor] ?? 0) >= chunkSize) {
      cursor += 1;
    }
    if (cursor >= candidates.length) candidates.push(nextChunk++);
    const chunk = candidates[cursor] ?? 0;
    memberSet(chunk).add(id);
    placed.set(id, chunk);
    yield;
  }
  return { table, members, placed, removed };
}
