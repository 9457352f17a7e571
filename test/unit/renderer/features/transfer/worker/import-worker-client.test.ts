import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportCancelledError } from '@core/transfer';
import {
  copyInSlices,
  ImportWorkerClient,
} from '@renderer/features/transfer/worker/import-worker-client';
import type { ImportWorkerRequest } from '@renderer/features/transfer/worker/messages';

/** A worker that only records what it is sent; it never answers a check. */
class RecordingWorker {
  static all: RecordingWorker[] = [];
  received: ImportWorkerRequest['type'][] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    RecordingWorker.all.push(this);
  }
  postMessage(message: ImportWorkerRequest): void {
    this.received.push(message.type);
    if (message.type === 'read')
      queueMicrotask(() => this.onmessage?.({ data: { type: 'read', file: {} } } as MessageEvent));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const microtasks = async (count: number) => {
  for (let index = 0; index < count; index += 1) await Promise.resolve();
};

describe('ImportWorkerClient, cancelled while a check starts', () => {
  beforeEach(() => {
    RecordingWorker.all = [];
    vi.stubGlobal('Worker', RecordingWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  // Every moment from the first slice of known contacts to the check's request: the check
  // rejects as cancelled, and no worker without the file is asked to check.
  it.each([0, 1, 2, 3, 4, 5, 6, 8])('after %i microtasks', async (delay) => {
    const client = new ImportWorkerClient();
    await client.read({ name: 'a.csv', bytes: new Uint8Array([0x61]) });
    const checking = client.check({
      mapping: null,
      existing: [],
      organizationNames: new Map(),
    });
    const settled = checking.then(
      () => 'checked',
      (error: unknown) => (error instanceof ImportCancelledError ? 'cancelled' : error),
    );
    await microtasks(delay);
    client.cancel();
    expect(await settled).toBe('cancelled');
    const [first, ...others] = RecordingWorker.all;
    expect(first?.terminated).toBe(true);
    expect(others.flatMap((worker) => worker.received)).not.toContain('check');
  });
});

/** A worker that keeps each message with what was transferred with it, and answers reads. */
class TransferWorker {
  static all: TransferWorker[] = [];
  posted: { message: ImportWorkerRequest; transfer: Transferable[] }[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    TransferWorker.all.push(this);
  }
  postMessage(message: ImportWorkerRequest, transfer: Transferable[] = []): void {
    this.posted.push({ message, transfer });
    if (message.type === 'read')
      queueMicrotask(() => this.onmessage?.({ data: { type: 'read', file: {} } } as MessageEvent));
  }
  terminate(): void {}
}

describe('ImportWorkerClient, handing the file to the worker', () => {
  beforeEach(() => {
    TransferWorker.all = [];
    vi.stubGlobal('Worker', TransferWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('moves a copy of the bytes to the worker and keeps its own', async () => {
    // Two slices of copying and a bit.
    const length = 2 * (1 << 20) + 5;
    const bytes = new Uint8Array(length).map((_, index) => index % 251);
    const client = new ImportWorkerClient();
    await client.read({ name: 'big.csv', bytes });
    const [{ message, transfer } = { message: undefined, transfer: [] }] =
      TransferWorker.all[0]?.posted ?? [];
    if (message?.type !== 'read') throw new Error('no read posted');
    // Compared as flags: a failing match would print megabytes.
    expect(message.bytes === bytes).toBe(false);
    expect(transfer).toHaveLength(1);
    expect(transfer[0] === message.bytes.buffer).toBe(true);
    expect(Buffer.from(message.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(bytes.byteLength).toBe(length);
  });

  it('copies a large file over several tasks', async () => {
    // A clock that runs 10 ms a reading: every slice of copying uses up a task's budget.
    let now = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    const bytes = Uint8Array.from({ length: 8 << 20 }, (_, index) => index % 13);
    let copied = false;
    let tasks = 0;
    const ticking = (async () => {
      while (!copied) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        tasks += 1;
      }
    })();
    const copy = await copyInSlices(bytes);
    copied = true;
    await ticking;
    vi.restoreAllMocks();
    expect(Buffer.from(copy).equals(Buffer.from(bytes))).toBe(true);
    expect(tasks).toBeGreaterThanOrEqual(4);
  });

  it('is cancelled while it copies: nothing is posted and the read rejects', async () => {
    const client = new ImportWorkerClient();
    const reading = client.read({ name: 'big.csv', bytes: new Uint8Array(64 << 20) });
    client.cancel();
    await expect(reading).rejects.toBeInstanceOf(ImportCancelledError);
    expect(TransferWorker.all.flatMap((worker) => worker.posted)).toEqual([]);
  });
});
