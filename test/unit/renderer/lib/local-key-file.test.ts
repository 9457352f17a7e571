import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  hostedKeyFile,
  KEY_FILE_ITEM,
  localStorageKeyFile,
  type KeyFileHost,
} from '@renderer/lib/local-key-file';

/** Local storage as a page has it, recording every value it was given. */
function fakeLocalStorage() {
  const items = new Map<string, string>();
  const written: string[] = [];
  return {
    written,
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      written.push(value);
      items.set(key, value);
    },
    removeItem: (key: string) => items.delete(key),
  };
}

describe('the key file in local storage (browser build)', () => {
  let storage: ReturnType<typeof fakeLocalStorage>;
  beforeEach(() => {
    storage = fakeLocalStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const BYTES = new TextEncoder().encode('{"format":"tadamun-keyfile","salt":"c2FsdA=="}');

  it('is absent at first, then holds exactly the bytes written, as text', async () => {
    const store = localStorageKeyFile();
    expect(await store.read()).toBeNull();
    await store.write(BYTES);
    expect(storage.items.get(KEY_FILE_ITEM)).toBe(new TextDecoder().decode(BYTES));
    expect(await store.read()).toEqual(BYTES);
  });

  it('erase overwrites the item with random text of its length, then removes it', async () => {
    const store = localStorageKeyFile();
    await store.write(BYTES);
    await store.erase();
    expect(storage.items.has(KEY_FILE_ITEM)).toBe(false);
    const overwrite = storage.written.at(-1) ?? '';
    expect(overwrite).toHaveLength(BYTES.length);
    expect(overwrite).not.toContain('tadamun-keyfile');
    expect(await store.read()).toBeNull();
    // Nothing to erase: nothing written.
    await store.erase();
    expect(storage.written).toHaveLength(2);
  });

  it('keeps one key file per item name (benchmarks use their own)', async () => {
    const app = localStorageKeyFile();
    const bench = localStorageKeyFile('tadamun.keyFile.bench');
    await bench.write(BYTES);
    expect(await app.read()).toBeNull();
  });

  it('refuses bytes that are not UTF-8 text rather than storing something else', async () => {
    await expect(localStorageKeyFile().write(new Uint8Array([0xff, 0xfe]))).rejects.toThrow();
    expect(storage.items.size).toBe(0);
  });
});

describe('the key file through a host (the e2e harness playing main)', () => {
  it('is used only when a host is exposed, and passes the bytes whole', async () => {
    expect(hostedKeyFile(undefined)).toBeUndefined();
    let stored: string | null = null;
    const calls: string[] = [];
    const host: KeyFileHost = async (operation, text) => {
      calls.push(operation);
      if (operation === 'write') stored = text ?? null;
      if (operation === 'erase') stored = null;
      return operation === 'read' ? stored : null;
    };
    const file = hostedKeyFile(host);
    const bytes = new TextEncoder().encode('{"format":"tadamun-keyfile","salt":"c2FsdA=="}');
    expect(await file?.read()).toBeNull();
    await file?.write(bytes);
    expect(await file?.read()).toEqual(bytes);
    await file?.erase();
    expect(await file?.read()).toBeNull();
    expect(calls).toEqual(['read', 'write', 'read', 'erase', 'read']);
  });
});
