/**
 * Stands in for ImportWorkerClient in the import wizard's tests: the same requests, answered
 * on the test's thread by the core functions the worker runs. Every request is recorded, and
 * `hold(kind)` keeps such requests waiting until `release()` (or the wizard's cancel).
 */
import type { ValidContactInput } from '@core/domain/contact';
import {
  checkImport,
  distinctOrganizationNames,
  ImportCancelledError,
  stampContacts,
  type ContactStamp,
  type PreparedContacts,
} from '@core/transfer';
import { streamImportFile } from '@core/transfer/read-import-file';
import { fileOverview } from '@renderer/features/transfer/worker/file-overview';
import type {
  CheckRequest,
  ReadRequest,
} from '@renderer/features/transfer/worker/import-worker-client';
import type { FileOverview, WorkerCheck } from '@renderer/features/transfer/worker/messages';

type HeldRequest = 'read' | 'check' | 'prepare';

export const fakeWorker = {
  requests: [] as string[],
  /** The mapping of each check, in order. */
  checkedWith: [] as CheckRequest[],
  reads: [] as ReadRequest[],
  held: new Set<HeldRequest>(),
  /** The held request now waiting, if any. */
  waiting: null as HeldRequest | null,
  release: () => {},
  /** Makes the next `check` fail as a worker error would. */
  failNextCheck: null as Error | null,
  reset() {
    this.requests = [];
    this.checkedWith = [];
    this.reads = [];
    this.held.clear();
    this.waiting = null;
    this.release = () => {};
    this.failNextCheck = null;
  },
  hold(kind: HeldRequest) {
    this.held.add(kind);
  },
};

export class ImportWorkerClient {
  private file: ReturnType<typeof streamImportFile> | undefined;
  private valid: ValidContactInput[] = [];
  private cancelWaiting: (() => void) | undefined;

  async read(request: ReadRequest): Promise<FileOverview> {
    fakeWorker.requests.push('read');
    fakeWorker.reads.push(request);
    await this.waitIfHeld('read');
    const file = streamImportFile(
      request.name,
      request.bytes,
      request.encoding,
      request.delimiter,
      request.sheet,
    );
    this.file = file;
    return fileOverview(file);
  }

  async check(request: CheckRequest): Promise<WorkerCheck> {
    fakeWorker.requests.push('check');
    fakeWorker.checkedWith.push(request);
    await this.waitIfHeld('check');
    const failure = fakeWorker.failNextCheck;
    fakeWorker.failNextCheck = null;
    if (failure) throw failure;
    const { file } = this;
    const source = file?.table
      ? request.mapping && { table: file.table, mapping: request.mapping }
      : file?.cards && { cards: file.cards };
    if (!source) throw new Error('No file was read before the check.');
    const { valid, ...rest } = await checkImport(source, {
      existing: request.existing,
      organizationNames: new Map(request.organizationNames),
      ...(request.onProgress && { onProgress: request.onProgress }),
    });
    this.valid = valid;
    return { ...rest, validCount: valid.length, preview: valid.slice(0, 20) };
  }

  validRecords(skip: ReadonlySet<number> = new Set()): PreparedContacts {
    fakeWorker.requests.push('validRecords');
    const valid = this.valid;
    const waitIfHeld = () => this.waitIfHeld('prepare');
    return {
      count: valid.length - [...skip].filter((i) => i >= 0 && i < valid.length).length,
      organizationNames: () =>
        Promise.resolve(
          distinctOrganizationNames(
            valid.map((input, index) => (skip.has(index) ? '' : input.organizationName)),
          ),
        ),
      async *batches(stamp: ContactStamp) {
        await waitIfHeld();
        yield stampContacts(valid, { first: 0, skip, stamp });
      },
    };
  }

  inputsAt(indexes: readonly number[]): Promise<ValidContactInput[]> {
    fakeWorker.requests.push('inputs');
    return Promise.resolve(indexes.flatMap((index) => this.valid[index] ?? []));
  }

  cancel(): void {
    fakeWorker.requests.push('cancel');
    this.cancelWaiting?.();
  }

  dispose(): void {
    fakeWorker.requests.push('dispose');
    this.cancelWaiting?.();
  }

  private waitIfHeld(kind: HeldRequest): Promise<void> {
    if (!fakeWorker.held.has(kind)) return Promise.resolve();
    fakeWorker.waiting = kind;
    return new Promise((resolve, reject) => {
      fakeWorker.release = () => {
        fakeWorker.held.delete(kind);
        fakeWorker.waiting = null;
        resolve();
      };
      // As the real client: ending the worker rejects the request it was running.
      this.cancelWaiting = () => reject(new ImportCancelledError());
    });
  }
}
