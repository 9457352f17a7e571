/** What the import worker and the page say to each other (structured-clone data only). */
import type { ContactKeysMessage } from '../../duplicates/worker/post-contact-keys';
import type {
  ColumnMapping,
  Delimiter,
  ImportCheck,
  TextEncodingName,
  TransferFileErrorCode,
} from '@core/transfer';
import type { ContactInput } from '@core/domain/contact';
import type { PackedSlice } from '@core/transfer/packed-contacts';

/** The file as the columns step shows it; the rows themselves stay in the worker. */
export interface FileOverview {
  format: 'delimited' | 'vcard' | 'workbook';
  encoding: TextEncodingName;
  detectedEncoding: TextEncodingName;
  delimiter?: Delimiter;
  /** Workbooks: every sheet's name, and the one read. */
  sheets?: string[];
  sheet?: string;
  headers: string[];
  /** Rows (or cards) in the file. */
  rowCount: number;
  /** The first rows' cells, for sample values. */
  sampleRows: string[][];
}

export type ImportWorkerRequest =
  | {
      type: 'read';
      name: string;
      bytes: Uint8Array;
      encoding?: TextEncodingName;
      delimiter?: Delimiter;
      sheet?: string;
    }
  /** Stored contacts for the duplicate check, a slice at a time. */
  | ContactKeysMessage
  | { type: 'check'; mapping: ColumnMapping | null; organizationNames: [string, string][] }
  /** Every valid contact of the last check, packed and moved to the page (see `packed`). */
  | { type: 'pack' }
  /** The checked contacts at these positions, as they are (to refresh stored ones). */
  | { type: 'inputs'; indexes: number[] }
  /** The organization names of the checked contacts but those at `skip`, each once. */
  | { type: 'organizations'; skip: number[] };

export type ImportWorkerFailure =
  | { kind: 'file'; code: TransferFileErrorCode; details: Record<string, number | string> }
  | { kind: 'other'; message: string };

export type ImportWorkerResponse =
  | { type: 'read'; file: FileOverview }
  | { type: 'progress'; done: number; total: number }
  | { type: 'inputs'; inputs: ContactInput[] }
  /** Every valid contact of the last check, in order; the worker no longer holds them. */
  | { type: 'packed'; slices: PackedSlice[] }
  | { type: 'organizations'; names: string[] }
  /** The check; its valid contacts stay in the worker but for the first few, shown as preview. */
  | { type: 'checked'; check: WorkerCheck }
  | { type: 'failed'; failure: ImportWorkerFailure };

/** A check whose valid contacts stay in the worker until written (see `pack`). */
export interface WorkerCheck extends Omit<ImportCheck, 'valid'> {
  validCount: number;
  /** The first valid contacts, for the review step. */
  preview: ContactInput[];
}
