/**
 * Whole-database backup as one versioned JSON document, and restore from it. A restore
 * validates everything before it writes anything; a bad file changes nothing.
 */
import { z } from 'zod';
import { ENTITY_SCHEMAS, ENTITY_TABLES, type EntityTable } from '../domain/entities';
import { savedFilterSchema, type SavedFilter } from '../domain/saved-filter';
import { fieldErrorsOf } from '../domain/validation';
import type { RecordStore, StoredRecord } from '../db/record-store';
import { SAVED_FILTERS_META_KEY } from '../db/repositories/saved-filters';

export const BACKUP_FORMAT = 'tadamun-backup';
export const BACKUP_VERSION = 1;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  counts: Record<EntityTable, number>;
  tables: Record<EntityTable, StoredRecord[]>;
  /**
   * Added within version 1: a backup without it (made before) restores the records and leaves
   * the workspace's saved filters as they are.
   */
  savedFilters?: SavedFilter[];
}

/** What a backup holds besides the records (read from the sealed meta table: async). */
export interface BackupExtras {
  savedFilters?: SavedFilter[];
}

export function createBackup(
  store: RecordStore,
  now = new Date(),
  extras: BackupExtras = {},
): BackupDocument {
  const tables = Object.fromEntries(
    ENTITY_TABLES.map((t) => [t, store.all(t)]),
  ) as unknown as Record<EntityTable, StoredRecord[]>;
  const counts = Object.fromEntries(ENTITY_TABLES.map((t) => [t, tables[t].length])) as Record<
    EntityTable,
    number
  >;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    counts,
    tables,
    ...(extras.savedFilters ? { savedFilters: extras.savedFilters } : {}),
  };
}

export function serializeBackup(backup: BackupDocument): string {
  return JSON.stringify(backup);
}

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  counts: z.record(z.string(), z.number().int().min(0)),
  tables: z.record(z.string(), z.array(z.unknown())),
  savedFilters: z.array(z.unknown()).optional(),
});

/** A backup's content, validated. */
export interface ParsedBackup {
  records: Map<EntityTable, StoredRecord[]>;
  /** Undefined when the backup has none (made before they were backed up). */
  savedFilters: SavedFilter[] | undefined;
}

/** Parses and fully validates a backup file's records; throws BackupError saying what is wrong. */
export function parseBackup(text: string): Map<EntityTable, StoredRecord[]> {
  return parseBackupContent(text).records;
}

/** Parses and fully validates a backup file's text; throws BackupError saying what is wrong. */
export function parseBackupContent(text: string): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError(`The backup file is damaged or incomplete (not valid JSON: ${detail}).`);
  }
  const header = headerSchema.safeParse(json);
  if (!header.success) {
    const looksLikeOurs =
      typeof json === 'object' &&
      json !== null &&
      'format' in json &&
      json.format === BACKUP_FORMAT;
    throw new BackupError(
      looksLikeOurs
        ? `The backup file is damaged: ${fieldErrorsOf(header.error)
            .map((e) => `${e.field}: ${e.message}`)
            .join('; ')}.`
        : 'This file is not a Tadamun backup.',
    );
  }
  const { version, counts, tables, savedFilters } = header.data;
  if (version > BACKUP_VERSION) {
    throw new BackupError(
      `This backup was made by a newer version of Tadamun (backup format ${version}). Update Tadamun to restore it.`,
    );
  }
  if (version < 1) throw new BackupError(`Unknown backup format version ${version}.`);
  const unknownTables = Object.keys(tables).filter((t) => !(ENTITY_TABLES as string[]).includes(t));
  if (unknownTables.length)
    throw new BackupError(`The backup file has unknown sections: ${unknownTables.join(', ')}.`);

  const result = new Map<EntityTable, StoredRecord[]>();
  for (const table of ENTITY_TABLES) {
    const rows = tables[table] ?? [];
    if ((counts[table] ?? 0) !== rows.length) {
      throw new BackupError(
        `The backup file is incomplete: ${table} should have ${counts[table] ?? 0} records but has ${rows.length}.`,
      );
    }
    const ids = new Set<string>();
    const records = rows.map((row, index) => {
      const parsed = ENTITY_SCHEMAS[table].safeParse(row);
      if (!parsed.success) {
        const problems = fieldErrorsOf(parsed.error)
          .map((e) => `${e.field}: ${e.message}`)
          .join('; ');
        throw new BackupError(
          `The backup file is damaged: ${table} record ${index + 1}: ${problems}.`,
        );
      }
      if (ids.has(parsed.data.id))
        throw new BackupError(
          `The backup file is damaged: ${table} record ${index + 1} repeats id ${parsed.data.id}.`,
        );
      ids.add(parsed.data.id);
      return parsed.data as StoredRecord;
    });
    result.set(table, records);
  }
  return { records: result, savedFilters: savedFilters?.map(checkedSavedFilter) };
}

function checkedSavedFilter(value: unknown, index: number): SavedFilter {
  const parsed = savedFilterSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = fieldErrorsOf(parsed.error)
    .map((e) => `${e.field}: ${e.message}`)
    .join('; ');
  throw new BackupError(`The backup file is damaged: saved filter ${index + 1}: ${problems}.`);
}

export type RestoreMode = 'into-empty' | 'replace';

/** Restores a parsed backup. 'into-empty' refuses to touch a database that holds data. */
export async function restoreBackup(
  store: RecordStore,
  text: string,
  mode: RestoreMode,
): Promise<void> {
  const { records, savedFilters } = parseBackupContent(text);
  if (mode === 'into-empty' && ENTITY_TABLES.some((t) => store.count(t) > 0)) {
    throw new BackupError('This workspace already holds data: choose "replace" to overwrite it.');
  }
  const values = new Map<string, unknown>();
  if (savedFilters) values.set(SAVED_FILTERS_META_KEY, savedFilters);
  await store.replaceAll(records, { values });
}
