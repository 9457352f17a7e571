/**
 * Reads, checks and dedupes an import off the page's thread: decoding and parsing a file near
 * the 50 MB limit, validating every row and comparing it with every stored contact would
 * otherwise freeze the window. The worker keeps the parsed file and the checked contacts; the
 * page gets an overview, progress, a preview, and when it writes, every valid contact packed
 * (see `pack`), after which it ends the worker. Cancel = the page ends the worker.
 */
import type { StoredContactLike } from '@core/dedupe';
import type { ValidContactInput } from '@core/domain/contact';
import { errorText } from '@renderer/lib/error-text';
import { checkImport, distinctOrganizationNames, TransferFileError } from '@core/transfer';
import type { StreamedTable } from '@core/transfer';
import type { WorkbookTable } from '@core/transfer/workbook';
import { streamImportFile, type ReadImportFile } from '@core/transfer/read-import-file';
import { releaseBuffer } from '@core/crypto/bytes';
import { packContacts, packedBuffers } from '@core/transfer/packed-contacts';
import { fileOverview } from './file-overview';
import { collectContactKeys } from '../../duplicates/worker/post-contact-keys';
import type { ImportWorkerRequest, ImportWorkerResponse } from './messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerResponse, transfer?: Transferable[]): void;
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
  // Read into text or a table: the bytes' memory is returned now, not when a full collection
  // finds the message that brought them (the page keeps its own copy).
  releaseBuffer(request.bytes.buffer);
  scope.postMessage({ type: 'read', file: fileOverview(file) });
}

/**
 * Every checked contact, packed (packed-contacts.ts) and moved to the page: the page ends this
 * worker once they arrive, and with it the file's text, the contacts and their garbage.
 */
function pack(): void {
  const slices = packContacts(valid);
  valid = [];
  file = undefined;
  scope.postMessage({ type: 'packed', slices }, packedBuffers(slices));
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

scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.type === 'read') read(request);
    else if (request.type === 'existing') collectContactKeys(existing, request);
    else if (request.type === 'pack') pack();
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
