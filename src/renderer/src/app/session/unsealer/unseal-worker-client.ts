/**
 * The page's side of the unseal worker. Requests wait until the worker says it is ready, then
 * go to it with their sealed bytes moved (not copied); if it cannot start in time, they are
 * opened on the page instead, so unlocking never depends on the worker. Closing lets the
 * requests already sent finish, then ends the worker and the copy of the key it holds.
 */
import {
  outlinedPayload,
  TamperedDataError,
  unsealHere,
  type OpenedRecords,
  type Sealed,
  type Unsealer,
} from '@core/crypto';
import type { UnsealForm, UnsealRequest, UnsealResponse } from './messages';

/** What the unsealer needs of a Worker (tests give it an in-process stand-in). */
export interface UnsealWorker {
  postMessage(message: UnsealRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<UnsealResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** A worker not ready by then is given up: the page opens the rows itself. */
export const READY_TIMEOUT_MS = 3000;

interface Request {
  id: number;
  key: CryptoKey;
  sealed: Sealed;
  context: string;
  form: UnsealForm;
  resolve: (opened: OpenedRecords) => void;
  reject: (error: unknown) => void;
}

/** On the page: records outlined as the worker would; other values as opened (parsed the same). */
async function openHere(
  key: CryptoKey,
  sealed: Sealed,
  context: string,
  form: UnsealForm,
): Promise<OpenedRecords> {
  const opened = await unsealHere(key, sealed, context);
  if (form === 'records') return outlinedPayload(opened);
  return { text: opened, outline: undefined };
}

export class WorkerUnsealer implements Unsealer {
  private worker: UnsealWorker | undefined;
  private ready = false;
  private closing = false;
  private nextId = 0;
  private keySent: CryptoKey | undefined;
  private readyTimer: ReturnType<typeof setTimeout> | undefined;
  /** Made before the worker was ready: their bytes are still here. */
  private waiting: Request[] = [];
  /** Sent to the worker (with their bytes), not answered yet. */
  private readonly sent = new Map<number, Request>();

  constructor(start: () => UnsealWorker) {
    try {
      const worker = start();
      worker.onmessage = (event) => this.receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.fail();
      };
      this.worker = worker;
    } catch {
      this.worker = undefined;
    }
  }

  async unseal(
    key: CryptoKey,
    sealed: Sealed,
    context: string,
    { whole = false }: { whole?: boolean } = {},
  ): Promise<ArrayBuffer> {
    return (await this.request(key, sealed, context, whole ? 'whole' : 'part')).text;
  }

  unsealRecords(key: CryptoKey, sealed: Sealed, context: string): Promise<OpenedRecords> {
    return this.request(key, sealed, context, 'records');
  }

  private request(
    key: CryptoKey,
    sealed: Sealed,
    context: string,
    form: UnsealForm,
  ): Promise<OpenedRecords> {
    if (!this.worker || this.closing) return openHere(key, sealed, context, form);
    return new Promise((resolve, reject) => {
      const request = { id: this.nextId++, key, sealed, context, form, resolve, reject };
      if (this.ready) {
        this.send(request);
        return;
      }
      this.waiting.push(request);
      this.readyTimer ??= setTimeout(() => this.fail(), READY_TIMEOUT_MS);
    });
  }

  close(): void {
    this.closing = true;
    this.endIfIdle();
  }

  private send(request: Request): void {
    const worker = this.worker;
    if (!worker) {
      this.openHere(request);
      return;
    }
    if (this.keySent !== request.key) {
      worker.postMessage({ type: 'key', key: request.key });
      this.keySent = request.key;
    }
    this.sent.set(request.id, request);
    const { id, sealed, context, form } = request;
    worker.postMessage({ type: 'unseal', id, sealed, context, form }, [sealed.data]);
  }

  private receive(response: UnsealResponse): void {
    if (response.type === 'ready') {
      clearTimeout(this.readyTimer);
      this.ready = true;
      const waiting = this.waiting;
      this.waiting = [];
      waiting.forEach((request) => this.send(request));
      this.endIfIdle();
      return;
    }
    const request = this.sent.get(response.id);
    if (!request) return;
    this.sent.delete(response.id);
    if (response.type === 'opened') {
      request.resolve({ text: response.plaintext, outline: response.outline });
    } else request.reject(new TamperedDataError(request.context));
    this.endIfIdle();
  }

  /**
   * The worker failed or never started: what waits is opened here; what it had taken (its
   * bytes moved to it) fails, and unlocking with it, to be tried again.
   */
  private fail(): void {
    clearTimeout(this.readyTimer);
    this.worker?.terminate();
    this.worker = undefined;
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((request) => this.openHere(request));
    for (const request of this.sent.values()) {
      request.reject(new Error(`Decrypting stopped (${request.context}): try unlocking again.`));
    }
    this.sent.clear();
  }

  private openHere({ key, sealed, context, form, resolve, reject }: Request): void {
    openHere(key, sealed, context, form).then(resolve, reject);
  }

  private endIfIdle(): void {
    if (!this.closing || this.sent.size > 0 || this.waiting.length > 0) return;
    clearTimeout(this.readyTimer);
    this.worker?.terminate();
    this.worker = undefined;
    this.keySent = undefined;
  }
}

/**
 * Requests spread over several unsealers in turn. Two workers, not one: on a machine busy with
 * other work the scheduler shares the cores per thread, so a second worker gets the unlock a
 * second share (docs/benchmarks.md).
 */
export class UnsealerPool implements Unsealer {
  private next = 0;

  constructor(private readonly unsealers: readonly Unsealer[]) {
    if (unsealers.length === 0) throw new Error('An unsealer pool needs at least one unsealer.');
  }

  unseal(...request: Parameters<Unsealer['unseal']>): Promise<ArrayBuffer> {
    return this.nextUnsealer().unseal(...request);
  }

  unsealRecords(...request: Parameters<Unsealer['unsealRecords']>): Promise<OpenedRecords> {
    return this.nextUnsealer().unsealRecords(...request);
  }

  private nextUnsealer(): Unsealer {
    return this.unsealers[this.next++ % this.unsealers.length] as Unsealer;
  }

  close(): void {
    for (const unsealer of this.unsealers) unsealer.close();
  }
}

export const UNSEAL_WORKERS = 2;

/** The app's unsealer: module workers bundled with the renderer. */
export function workerUnsealer(): Unsealer {
  const start = () =>
    new WorkerUnsealer(
      () =>
        new Worker(new URL('./unseal.worker.ts', import.meta.url), {
          type: 'module',
        }) as unknown as UnsealWorker,
    );
  return new UnsealerPool(Array.from({ length: UNSEAL_WORKERS }, start));
}
