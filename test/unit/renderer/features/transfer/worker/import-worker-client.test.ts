import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportCancelledError } from '@core/transfer';
import { ImportWorkerClient } from '@renderer/features/transfer/worker/import-worker-client';
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
