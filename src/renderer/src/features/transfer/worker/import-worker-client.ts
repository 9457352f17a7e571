/**
 * The page's side of the import worker: one request at a time, progress, and cancel (which
 * ends the worker; the next request starts a new one and reads the file again).
 */
import type { StoredContactLike } from '@core/dedupe';
import {
  distinctOrganizationNames,
  ImportCancelledError,
  stampContacts,
  TransferFileError,
  type ColumnMapping,
  type Delimiter,
  type ContactStamp,
  type PreparedContacts,
  type TextEncodingName,
} from '@core/transfer';
import type { ContactInput, ValidContactInput } from '@core/domain/contact';
import {
  freePacked,
  unpackAll,
  unpackAt,
  unpackContacts,
  type PackedSlice,
} from '@core/transfer/packed-contacts';
import { timeSlicer, yieldToEventLoop } from '@core/scheduling/time-slices';
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

/** Bytes copied a slice at a time: a 25 MB file cloned into its message took 16 ms in one task. */
const COPY_SLICE_BYTES = 1 << 20;

export async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const slicer = timeSlicer();
  const copy = new Uint8Array(bytes.byteLength);
  for (let from = 0; from < bytes.byteLength; from += COPY_SLICE_BYTES) {
    if (from > 0) await slicer.maybeYield();
    copy.set(bytes.subarray(from, from + COPY_SLICE_BYTES), from);
  }
  return copy;
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

/** Records made from the packed contacts per batch: a few milliseconds of the page's time. */
const RECORDS_PER_BATCH = 250;

export class ImportWorkerClient {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  /** The file the current worker holds (replayed into a new worker after a cancel). */
  private lastRead: ReadRequest | undefined;
  /** Counts cancels: a read that was copying its bytes meanwhile is cancelled too. */
  private cancels = 0;
  private workerHasFile = false;
  /** The check whose valid contacts the worker holds (or has handed over, see `packed`). */
  private checked: WorkerCheck | undefined;
  /** The valid contacts of `check`, once handed over by the worker. */
  private packed: { check: WorkerCheck; slices: PackedSlice[] } | undefined;

  async read(request: ReadRequest): Promise<FileOverview> {
    this.lastRead = request;
    this.workerHasFile = false;
    this.checked = undefined;
    this.dropPacked();
    const cancels = this.cancels;
    // The page keeps its bytes (to read them again): the worker gets a copy, moved, not cloned.
    const bytes = await copyInSlices(request.bytes);
    if (cancels !== this.cancels || this.lastRead !== request) throw new ImportCancelledError();
    const response = await this.send({ type: 'read', ...request, bytes }, undefined, [
      bytes.buffer,
    ]);
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
    // A cancel just after the last slice ended that worker: a new one would not hold the file.
    if (!sent || this.worker !== worker) throw new ImportCancelledError();
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
   * The last check's valid contacts but those at the `skip` positions, made into records on
   * the page a slice at a time as they are written. The worker hands every contact over at
   * the first batch and is ended (see `pack`); they stay here for another try until `release`.
   */
  validRecords(skip: ReadonlySet<number> = new Set()): PreparedContacts {
    const check = this.checked;
    if (!check) throw new Error('No check to import.');
    const skipped = [...skip].filter((index) => index >= 0 && index < check.validCount).length;
    return {
      count: check.validCount - skipped,
      organizationNames: async () => {
        const packed = this.packedFor(check);
        if (packed) {
          const inputs = unpackAll(packed) as ContactInput[];
          return distinctOrganizationNames(
            inputs.map((input, index) => (skip.has(index) ? '' : input.organizationName)),
          );
        }
        const response = await this.send({ type: 'organizations', skip: [...skip] });
        if (response.type !== 'organizations') throw new Error('The import worker did not answer.');
        return response.names;
      },
      batches: (stamp) => this.records(check, skip, stamp),
      // Every record has arrived: the packed contacts (some 100 MB for 200,000 rows) go before
      // the write's own peak, their memory returned at once.
      release: () => {
        if (this.checked === check) this.cancel();
      },
    };
  }

  /** The contacts of `check` when the worker has handed them over. */
  private packedFor(check: WorkerCheck): PackedSlice[] | undefined {
    return this.packed?.check === check ? this.packed.slices : undefined;
  }

  /**
   * Asks the worker for every contact of `check`, packed, and ends it: the file's text, the
   * checked contacts and the worker's garbage (some 400 MB for 200,000 rows) are returned
   * before the records are made, instead of after.
   */
  private async pack(check: WorkerCheck): Promise<PackedSlice[]> {
    const packed = this.packedFor(check);
    if (packed) return packed;
    const response = await this.send({ type: 'pack' });
    if (response.type !== 'packed') throw new Error('The import worker did not answer.');
    if (this.checked !== check) throw new ImportCancelledError();
    this.packed = { check, slices: response.slices };
    this.endWorker();
    return response.slices;
  }

  private async *records(check: WorkerCheck, skip: ReadonlySet<number>, stamp: ContactStamp) {
    const slices = await this.pack(check);
    // The records start in a task of their own: traced, the message's task (its buffers
    // taken, the worker ended) ran on into the first batches, 13-17 ms of CPU in all.
    await yieldToEventLoop();
    let first = 0;
    for (const slice of slices) {
      for (let from = 0; from < slice.ends.length; from += RECORDS_PER_BATCH) {
        // A cancel, or a new file or check, meanwhile: these are no longer to be written.
        if (this.checked !== check) throw new ImportCancelledError();
        const to = Math.min(slice.ends.length, from + RECORDS_PER_BATCH);
        const inputs = unpackContacts(slice, from, to) as ValidContactInput[];
        yield stampContacts(inputs, { first: first + from, skip, stamp });
      }
      first += slice.ends.length;
    }
  }

  /** The last check's valid contacts at `indexes`, in that order. */
  async inputsAt(indexes: readonly number[]): Promise<ContactInput[]> {
    if (!this.checked) throw new Error('No check to import.');
    const packed = this.packedFor(this.checked);
    if (packed) return unpackAt(packed, indexes) as ContactInput[];
    const response = await this.send({ type: 'inputs', indexes: [...indexes] });
    if (response.type !== 'inputs') throw new Error('The import worker did not answer.');
    return response.inputs;
  }

  /** Stops what the worker is doing; the promise of the running request rejects. */
  cancel(): void {
    this.cancels += 1;
    this.endWorker();
    this.checked = undefined;
    this.dropPacked();
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(new ImportCancelledError());
  }

  /** Frees what the worker handed over at once (no collection needed). */
  private dropPacked(): void {
    if (this.packed) freePacked(this.packed.slices);
    this.packed = undefined;
  }

  /** Ends the worker; what was handed over (`packed`) stays. */
  private endWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.workerHasFile = false;
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

  private post(worker: Worker, message: ImportWorkerRequest, transfer: Transferable[] = []): void {
    worker.postMessage(message, transfer);
  }

  private send(
    message: ImportWorkerRequest,
    onProgress?: (done: number, total: number) => void,
    transfer?: Transferable[],
  ): Promise<ImportWorkerResponse> {
    if (this.pending) return Promise.reject(new Error('The import worker is busy.'));
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, ...(onProgress && { onProgress }) };
      this.post(worker, message, transfer);
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
