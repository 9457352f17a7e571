import type { EntityTable } from '../domain/entities';

export interface StoredRecord {
  id: string;
  [field: string]: unknown;
}

export interface RecordChange {
  table: EntityTable;
  id: string;
  /** The record as now stored, or null when it was deleted. */
  record: StoredRecord | null;
}

/**
 * The changes of one commit in first-seen order, a later change of a record replacing the
 * earlier one. Looked up by table, then id: no key string per record, which a bulk write would
 * keep alive for the garbage collector to copy.
 */
export class ChangeSet {
  readonly list: RecordChange[] = [];
  private readonly positions = new Map<EntityTable, Map<string, number>>();

  add(change: RecordChange): void {
    let ids = this.positions.get(change.table);
    if (!ids) this.positions.set(change.table, (ids = new Map()));
    const position = ids.get(change.id);
    if (position === undefined) {
      ids.set(change.id, this.list.length);
      this.list.push(change);
    } else {
      this.list[position] = change;
    }
  }

  /** The record as this commit leaves it: undefined when unchanged, null when deleted. */
  recordOf(table: EntityTable, id: string): StoredRecord | null | undefined {
    const position = this.positions.get(table)?.get(id);
    return position === undefined ? undefined : (this.list[position]?.record ?? null);
  }
}
