/**
 * The import wizard's review, computed in one go (in a worker, off the page's thread): every
 * row converted and validated with the chosen mapping, and the valid ones compared with the
 * contacts already stored for likely duplicates.
 */
import type { ContactLike } from '../dedupe/contact-profile';
import {
  findMatchesFor,
  type DuplicateMatch,
  type StoredContactLike,
} from '../dedupe/find-duplicates';
import type { ValidContactInput } from '../domain/contact';
import { convertRowsInSlices, convertStreamedRows, type ImportPreview } from './convert-rows';
import type { StreamedTable } from './delimited';
import type { ColumnMapping } from './import-fields';
import type { ImportProblem } from './problems';
import type { SourceTable } from './source-table';

/** What the review step shows and imports; `duplicates[i].incomingIndex` indexes `valid`. */
export interface ImportCheck {
  rowCount: number;
  valid: ValidContactInput[];
  /** Row (or card) numbers of `valid`, in the same order. */
  validRows: number[];
  problems: ImportProblem[];
  invalidCount: number;
  duplicates: DuplicateMatch[];
}

export interface CheckImportOptions {
  existing?: readonly StoredContactLike[];
  organizationNames?: ReadonlyMap<string, string>;
  onProgress?: (done: number, total: number) => void;
}

/** `source` is a delimited table with its mapping, or vCard cards already converted. */
export async function checkImport(
  source: { table: SourceTable | StreamedTable; mapping: ColumnMapping } | { cards: ImportPreview },
  options: CheckImportOptions = {},
): Promise<ImportCheck> {
  const preview =
    'cards' in source
      ? source.cards
      : 'eachRow' in source.table
        ? convertStreamedRows(source.table, source.mapping, options.onProgress)
        : await convertRowsInSlices(source.table, source.mapping, options.onProgress);
  const duplicates = options.existing?.length
    ? findMatchesFor(preview.valid, options.existing, {
        organizationNames: options.organizationNames,
      })
    : [];
  return {
    rowCount: preview.rows.length,
    valid: preview.valid,
    validRows: preview.validRows,
    problems: preview.problems,
    invalidCount: preview.invalidCount,
    duplicates,
  };
}

/** The fields of stored contacts dedupe needs: what the page sends to the import worker. */
export function storedContactKeys(contact: StoredContactLike): StoredContactLike {
  const keys: StoredContactLike = { id: contact.id };
  for (const field of KEY_FIELDS) {
    const value = contact[field];
    if (value !== undefined) (keys as Record<string, unknown>)[field] = value;
  }
  return keys;
}

const KEY_FIELDS = [
  'givenName',
  'familyName',
  'displayName',
  'emails',
  'phones',
  'organizationId',
  'organizationName',
  'country',
  'region',
  'district',
  'externalId',
] as const satisfies readonly (keyof ContactLike)[];
