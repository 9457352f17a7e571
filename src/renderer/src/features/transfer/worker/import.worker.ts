/**
 * Reads, checks and dedupes an import off the page's thread: decoding and parsing a file near
 * the 50 MB limit, validating every row and comparing it with every stored contact would
 * otherwise freeze the window. The worker keeps the parsed file and the checked contacts; the
 * page gets an overview, progress, a preview, and the valid contacts made into records a slice at
 * a time while it writes them (see `PreparedContacts` for why records are made here). Cancel =
 * the page ends the worker.
 */
import type { StoredContactLike } from '@core/dedupe';
import type { ValidContactInput } from '@core/domain/contact';
import { errorText } from '@renderer/lib/error-text';
import {
  checkImport,
  distinctOrganizationNames,
  stampContacts,
  TransferFileError,
} from '@core/transfer';
import type { StreamedTable } from '@core/transfer';
import type { WorkbookTable } from '@core/transfer/workbook';
import { streamImportFile, type ReadImportFile } from '@core/transfer/read-import-file';
import { fileOverview } from './file-overview';
import { collectContactKeys } from '../../duplicates/worker/post-contact-keys';
import type { ImportWorkerRequest, ImportWorkerResponse } from './messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
/** As many as the review step shows. */
const PREVIEW_ROWS = 20;

/** The file read; a delimited one as its text (its rows are read again when checked). */
let file: ReadImportFile<StreamedTable | WorkbookTable> | undefined;
let valid: ValidContactInput[] = [];
const existing: StoredContactLike[] = [];

function fail(error: unknown): void {
  scope.postMessage({
    type: 'failed',
    failure:
      error instanceof TransferFileError
        ? { kind: 'file', code: error.code, details: { ...error.details } }
        : { kind: 'other', message: errorText(error) },
  });
}

function read(request: Extract<ImportWorkerRequest, { type: 'read' }>): void {
  file = undefined;
  valid = [];
  file = streamImportFile(
    request.name,
    request.bytes,
    request.encoding,
    request.delimiter,
    request.sheet,
  );
  scope.postMessage({ type: 'read', file: fileOverview(file) });
}

async function check(request: Extract<ImportWorkerRequest, { type: 'check' }>): Promise<void> {
  const source = file?.table
    ? request.mapping && { table: file.table, mapping: request.mapping }
    : file?.cards && { cards: file.cards };
  if (!source) throw new Error('No file was read before the check.');
  valid = [];
  const { valid: checked, ...rest } = await checkImport(source, {
    existing,
    organizationNames: new Map(request.organizationNames),
    onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total }),
  });
  valid = checked;
  const preview = valid.slice(0, PREVIEW_ROWS);
  scope.postMessage({ type: 'checked', check: { ...rest, validCount: valid.length, preview } });
}

function take({ start, count, skip, stamp }: Extract<ImportWorkerRequest, { type: 'take' }>) {
  const inputs = valid.slice(start, start + count);
  const { records, linked } = stampContacts(inputs, { first: start, skip: new Set(skip), stamp });
  scope.postMessage({ type: 'records', records, linked });
}

scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.type === 'read') read(request);
    else if (request.type === 'existing') collectContactKeys(existing, request);
    else if (request.type === 'take') take(request);
    else if (request.type === 'organizations') {
      const skip = new Set(request.skip);
      const names = valid.map((input, index) => (skip.has(index) ? '' : input.organizationName));
      scope.postMessage({ type: 'organizations', names: distinctOrganizationNames(names) });
    } else if (request.type === 'inputs')
      scope.postMessage({
        type: 'inputs',
        inputs: request.indexes.flatMap((index) => valid[index] ?? []),
      });
    else void check(request).catch(fail);
  } catch (error) {
    fail(error);
  }
};
