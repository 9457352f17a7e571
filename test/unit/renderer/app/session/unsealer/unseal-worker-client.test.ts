/**
 * The unlock's unseal worker, page side, with an in-process stand-in for the worker that
 * runs the worker's own decryption: answers, tampering, a worker that never starts, one that
 * dies, and closing only once what was sent is answered.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MIN_PBKDF2_ITERATIONS,
  outlinedPayload,
  pageReadyPayload,
  TamperedDataError,
  Vault,
  memoryKeyFileStore,
  WrongPassphraseError,
  unsealHere,
} from '@core/index';
import { seal, type Sealed } from '@core/crypto/sealed';
import type { UnsealRequest, UnsealResponse } from '@renderer/app/session/unsealer/messages';
import {
  READY_TIMEOUT_MS,
  UnsealerPool,
  WorkerUnsealer,
  type UnsealWorker,
} from '@renderer/app/session/unsealer/unseal-worker-client';

const text = new TextEncoder();
const decoded = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes);

/** Runs the worker's handling in this thread; `ready()` sends what the real worker sends first. */
class StandInWorker implements UnsealWorker {
  onmessage: ((event: MessageEvent<UnsealResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = 0;
  received: UnsealRequest[] = [];
  transferred: Transferable[] = [];
  private key: CryptoKey | undefined;

  postMessage(message: UnsealRequest, transfer: Transferable[] = []): void {
    this.received.push(message);
    this.transferred.push(...transfer);
    if (message.type === 'key') {
      this.key = message.key;
      return;
    }
    const { id, sealed, context, form } = message;
    unsealHere(this.key as CryptoKey, sealed, context).then(
      (opened) => {
        if (form !== 'records') {
          const plaintext = form === 'whole' ? pageReadyPayload(opened) : opened;
          this.answer({ type: 'opened', id, plaintext });
          return;
        }
        const { text, outline } = outlinedPayload(opened);
        this.answer({ type: 'opened', id, plaintext: text, outline });
      },
      () => this.answer({ type: 'tampered', id }),
    );
  }

  ready(): void {
    this.answer({ type: 'ready' });
  }

  crash(): void {
    this.onerror?.({ preventDefault: () => {} } as ErrorEvent);
  }

  terminate(): void {
    this.terminated += 1;
  }

  private answer(data: UnsealResponse): void {
    this.onmessage?.({ data } as MessageEvent<UnsealResponse>);
  }
}

async function sealedValue(value: string, context: string) {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { key, sealed: await seal(key, text.encode(value), context) };
}

const copyOf = (sealed: Sealed): Sealed => ({ iv: sealed.iv, data: sealed.data.slice(0) });

afterEach(() => {
  vi.useRealTimers();
});

describe('the unseal worker, page side', () => {
  it('holds requests until the worker is ready, then sends the key once and the bytes moved', async () => {
    const worker = new StandInWorker();
    const unsealer = new WorkerUnsealer(() => worker);
    const { key, sealed } = await sealedValue('{"name":"رانيا"}', 'chunk/contacts/0');
    const second = copyOf(sealed);
    const answers = [
      unsealer.unseal(key, sealed, 'chunk/contacts/0'),
      unsealer.unseal(key, second, 'chunk/contacts/0'),
    ];
    expect(worker.received).toEqual([]);
    worker.ready();
    const plaintexts = await Promise.all(answers);
    expect(plaintexts.map(decoded)).toEqual(['{"name":"رانيا"}', '{"name":"رانيا"}']);
    expect(worker.received.map((message) => message.type)).toEqual(['key', 'unseal', 'unseal']);
    expect(worker.transferred).toEqual([sealed.data, second.data]);
  });

  it('reports a row that does not open as tampered, naming its place', async () => {
    const worker = new StandInWorker();
    const unsealer = new WorkerUnsealer(() => worker);
    worker.ready();
    const { key, sealed } = await sealedValue('[]', 'chunk/contacts/3');
    const opening = unsealer.unseal(key, sealed, 'chunk/contacts/4');
    await expect(opening).rejects.toBeInstanceOf(TamperedDataError);
    await expect(opening).rejects.toThrow('chunk/contacts/4');
  });

  it('opens on the page when the worker is not ready in time, or cannot be started', async () => {
    vi.useFakeTimers();
    const silent = new StandInWorker();
    const unsealer = new WorkerUnsealer(() => silent);
    const { key, sealed } = await sealedValue('"late"', 'meta/x');
    const opening = unsealer.unseal(key, sealed, 'meta/x');
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS);
    expect(decoded(await opening)).toBe('"late"');
    expect(silent.terminated).toBe(1);
    expect(silent.received).toEqual([]);

    const broken = new WorkerUnsealer(() => {
      throw new Error('workers are not allowed here');
    });
    const again = await sealedValue('"here"', 'meta/y');
    expect(decoded(await broken.unseal(again.key, again.sealed, 'meta/y'))).toBe('"here"');
  });

  it('when the worker dies: what it holds fails (to be retried), what waited opens here', async () => {
    const worker = new StandInWorker();
    // A worker that takes requests and never answers.
    worker.postMessage = function (this: StandInWorker, message, transfer = []) {
      this.received.push(message);
      this.transferred.push(...transfer);
    };
    const unsealer = new WorkerUnsealer(() => worker);
    worker.ready();
    const { key, sealed } = await sealedValue('"held"', 'chunk/contacts/1');
    const held = unsealer.unseal(key, sealed, 'chunk/contacts/1');
    worker.crash();
    await expect(held).rejects.toThrow('Decrypting stopped (chunk/contacts/1)');
    const after = await sealedValue('"after"', 'chunk/contacts/2');
    expect(decoded(await unsealer.unseal(after.key, after.sealed, 'chunk/contacts/2'))).toBe(
      '"after"',
    );
  });

  it('closing ends the worker only once what was sent is answered', async () => {
    const worker = new StandInWorker();
    const unsealer = new WorkerUnsealer(() => worker);
    worker.ready();
    const { key, sealed } = await sealedValue('"last"', 'pending/contacts/a');
    const opening = unsealer.unseal(key, sealed, 'pending/contacts/a');
    unsealer.close();
    expect(worker.terminated).toBe(0);
    expect(decoded(await opening)).toBe('"last"');
    expect(worker.terminated).toBe(1);
    // After closing, requests are opened on the page.
    const more = await sealedValue('"more"', 'meta/z');
    expect(decoded(await unsealer.unseal(more.key, more.sealed, 'meta/z'))).toBe('"more"');
    expect(worker.received.filter((message) => message.type === 'unseal')).toHaveLength(1);
  });

  it('unlocks a workspace through the worker, and closes it on a wrong passphrase too', async () => {
    const workers: StandInWorker[] = [];
    const vault = new Vault({
      name: 'unsealer-vault',
      keyFile: memoryKeyFileStore(),
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      iterations: MIN_PBKDF2_ITERATIONS,
      unsealer: () => {
        const worker = new StandInWorker();
        workers.push(worker);
        queueMicrotask(() => worker.ready());
        return new WorkerUnsealer(() => worker);
      },
    });
    const { core } = await vault.setUp('a long enough passphrase');
    await core.contacts.createMany(
      Array.from({ length: 250 }, (_, n) => ({ displayName: `فاطمة ${n}`, notes: 'ملاحظة' })),
    );
    await core.close();
    const opened = await vault.unlock('a long enough passphrase');
    expect(opened.contacts.count()).toBe(250);
    expect(opened.search.search('فاطمه 17')[0]?.contact.displayName).toBe('فاطمة 17');
    const used = workers.at(-1);
    expect(used?.received.filter((message) => message.type === 'unseal').length).toBeGreaterThan(0);
    expect(used?.terminated).toBe(1);
    await opened.close();
    await expect(vault.unlock('not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(workers.at(-1)?.terminated).toBe(1);
  });
});

describe('the unsealer pool', () => {
  it('spreads requests over its unsealers in turn and closes them all', async () => {
    const calls: string[] = [];
    const closed: string[] = [];
    const unsealer = (name: string) => ({
      unseal: async (_key: CryptoKey, _sealed: Sealed, context: string) => {
        calls.push(`${name}:${context}`);
        return new ArrayBuffer(0);
      },
      unsealRecords: async (_key: CryptoKey, _sealed: Sealed, context: string) => {
        calls.push(`${name}:records ${context}`);
        return { text: new ArrayBuffer(0), outline: undefined };
      },
      close: () => closed.push(name),
    });
    const pool = new UnsealerPool([unsealer('a'), unsealer('b')]);
    const key = {} as CryptoKey;
    const sealed = { iv: new Uint8Array(12), data: new ArrayBuffer(0) };
    await Promise.all(['1', '2', '3'].map((context) => pool.unseal(key, sealed, context)));
    await pool.unsealRecords(key, sealed, '4');
    expect(calls).toEqual(['a:1', 'b:2', 'a:3', 'b:records 4']);
    pool.close();
    expect(closed).toEqual(['a', 'b']);
  });
});
