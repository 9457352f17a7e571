/**
 * The page's side of the import worker: one request at a time, progress, and cancel (which
 * ends the worker; the next request starts a new one and reads the file again).
 */
import type { StoredContactLike } from '@core/dedupe';
import {
  ImportCancelledError,
  TransferFileError,
  type ColumnMapping,
  type Delimiter,
  type ContactStamp,
  type PreparedContacts,
  type TextEncodingName,
} from '@core/transfer';
import type { ContactInput } from '@core/domain/contact';
import { postContactKeys } from '../../duplicates/worker/post-contact-keys';
import type {
  FileOverview,
  ImportWorkerRequest,
  ImportWorkerResponse,
  WorkerCheck,
} from './messages';

export interface ReadRequest {
  name: string;
  bytes: Uint8Array;
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  sheet?: string;
}

export interface CheckRequest {
  mapping: ColumnMapping | null;
  existing: readonly StoredContactLike[];
  organizationNames: ReadonlyMap<string, string>;
  onProgress?: (done: number, total: number) => void;
}

interface Pending {
  resolve(response: ImportWorkerResponse): void;
  reject(error: unknown): void;
  onProgress?: (done: number, total: number) => void;
}

/** Records asked of the worker per request while writing. */
const TAKE_SLICE = 500;

export class ImportWorkerClient {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  /** The file the current worker holds (replayed into a new worker after a cancel). */
  private lastRead: ReadRequest | undefined;
  private workerHasFile = false;
  /** The check whose valid contacts the worker holds. */
  private checked: WorkerCheck | undefined;

  async read(request: ReadRequest): Promise<FileOverview> {
    this.lastRead = request;
    this.workerHasFile = false;
    this.checked = undefined;
    const response = await this.send({ type: 'read', ...request });
    if (response.type !== 'read') throw new Error('The import worker did not read the file.');
    this.workerHasFile = true;
    return response.file;
  }

  async check(request: CheckRequest): Promise<WorkerCheck> {
    if (!this.workerHasFile) {
      if (!this.lastRead) throw new Error('No file to check.');
      await this.read(this.lastRead);
    }
    const worker = this.ensureWorker();
    const sent = await postContactKeys(worker, request.existing, () => this.worker === worker);
    if (!sent) throw new ImportCancelledError();
    const response = await this.send(
      {
        type: 'check',
        mapping: request.mapping,
        organizationNames: [...request.organizationNames],
      },
      request.onProgress,
    );
    if (response.type !== 'checked') throw new Error('The import worker did not check the file.');
    this.checked = response.check;
    return response.check;
  }

  /**
   * The last check's valid contacts but those at the `skip` positions, made into records by the
   * worker a slice at a time as they are written.
   */
  validRecords(skip: ReadonlySet<number> = new Set()): PreparedContacts {
    const check = this.checked;
    if (!check) throw new Error('No check to import.');
    const skipped = [...skip].filter((index) => index >= 0 && index < check.validCount).length;
    return {
      count: check.validCount - skipped,
      organizationNames: async () => {
        const response = await this.send({ type: 'organizations', skip: [...skip] });
        if (response.type !== 'organizations') throw new Error('The import worker did not answer.');
        return response.names;
      },
      batches: (stamp) => this.take(check, skip, stamp),
      // Ends the worker, and with it the file's text and the checked contacts (some 300 MB for
      // 200,000 rows) before the write's own peak: its memory is returned at once.
      release: () => {
        if (this.checked === check) this.cancel();
      },
    };
  }

  private async *take(check: WorkerCheck, skip: ReadonlySet<number>, stamp: ContactStamp) {
    const sent: ContactStamp = {
      now: stamp.now,
      organizations: stamp.organizations.map(({ id, name }) => ({ id, name })),
    };
    for (let start = 0; start < check.validCount; start += TAKE_SLICE) {
      // A cancel, or a new file or check, meanwhile: the worker no longer holds these.
      if (this.checked !== check) throw new ImportCancelledError();
      const end = start + TAKE_SLICE;
      const inSlice = [...skip].filter((index) => index >= start && index < end);
      const response = await this.send({
        type: 'take',
        start,
        count: TAKE_SLICE,
        skip: inSlice,
        stamp: sent,
      });
      if (response.type !== 'records') throw new Error('The import worker did not answer.');
      yield { records: response.records, linked: response.linked };
    }
  }

  /** The last check's valid contacts at `indexes`, in that order. */
  async inputsAt(indexes: readonly number[]): Promise<ContactInput[]> {
    if (!this.checked) throw new Error('No check to import.');
    const response = await this.send({ type: 'inputs', indexes: [...indexes] });
    if (response.type !== 'inputs') throw new Error('The import worker did not answer.');
    return response.inputs;
  }

  /** Stops what the worker is doing; the promise of the running request rejects. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.workerHasFile = false;
    this.checked = undefined;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(new ImportCancelledError());
  }

  dispose(): void {
    this.cancel();
    this.lastRead = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.settle((pending) => pending.reject(new Error(event.message || 'import worker error')));
    };
    this.worker = worker;
    return worker;
  }

  private post(worker: Worker, message: ImportWorkerRequest): void {
    worker.postMessage(message);
  }

  private send(
    message: ImportWorkerRequest,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportWorkerResponse> {
    if (this.pending) return Promise.reject(new Error('The import worker is busy.'));
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, ...(onProgress && { onProgress }) };
      this.post(worker, message);
    });
  }

  private settle(action: (pending: Pending) => void): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) action(pending);
  }

  private receive(message: ImportWorkerResponse): void {
    const pending = this.pending;
    if (!pending) return;
    if (message.type === 'progress') pending.onProgress?.(message.done, message.total);
    else if (message.type === 'failed') {
      const { failure } = message;
      this.settle((p) =>
        p.reject(
          failure.kind === 'file'
            ? new TransferFileError(failure.code, failure.details)
            : new Error(failure.message),
        ),
      );
    } else this.settle((p) => p.resolve(message));
  }
}
