/**
 * Saved "Add targets" filters, kept in the workspace's sealed meta table: encrypted like the
 * records, never in plain local storage, since a filter can say who a group works with.
 */
import { z } from 'zod';
import { savedFilterSchema, type ContactFilter, type SavedFilter } from '../../domain/saved-filter';
import { validate } from '../../domain/validation';
import type { RecordStore } from '../record-store';
import type { DataContext } from './repository';

export const SAVED_FILTERS_META_KEY = 'plannerTargetFilters';
export const savedFiltersSchema = z.array(savedFilterSchema);

/** The stored filters; a missing or unreadable value reads as none (they are a convenience). */
export async function readSavedFilters(store: RecordStore): Promise<SavedFilter[]> {
  const parsed = savedFiltersSchema.safeParse(await store.readMeta(SAVED_FILTERS_META_KEY));
  return parsed.success ? parsed.data : [];
}

export class SavedFilterRepository {
  /** Each change reads the list, then writes it: one at a time, so none is lost. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: DataContext) {}

  all(): Promise<SavedFilter[]> {
    return readSavedFilters(this.context.store);
  }

  /** Saves `filter` under `name`, after the others; returns them all. */
  add(name: string, filter: ContactFilter): Promise<SavedFilter[]> {
    const saved = validate('Saved filter', savedFilterSchema, {
      id: this.context.newId(),
      name,
      filter,
    });
    return this.change((filters) => [...filters, saved]);
  }

  /** Forgets one saved filter (none if already gone); returns the others. */
  remove(id: string): Promise<SavedFilter[]> {
    return this.change((filters) => filters.filter((filter) => filter.id !== id));
  }

  private change(next: (filters: SavedFilter[]) => SavedFilter[]): Promise<SavedFilter[]> {
    const run = this.queue.then(async () => {
      const filters = next(await this.all());
      await this.context.store.writeMeta(SAVED_FILTERS_META_KEY, filters);
      return filters;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
