import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEY_FILE_ITEM, localStorageKeyFile } from '@renderer/lib/local-key-file';

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
