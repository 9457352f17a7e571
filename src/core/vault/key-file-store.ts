/**
 * Where the key file lives: one small file holding the wrapped data key(s), their KDF
 * parameters, the duress slot and the lockout state. The desktop app keeps it in a file the
 * main process writes (src/main/key-file.ts); the browser build in local storage. Core only
 * sees bytes, so it stays platform-neutral.
 */
export interface KeyFileStore {
  /** The stored key file, or null when there is none. */
  read(): Promise<Uint8Array | null>;
  /** Replaces the key file whole: after a crash it holds the old bytes or the new, never half. */
  write(bytes: Uint8Array): Promise<void>;
  /** Overwrites the file with random bytes of its length, flushes that, then deletes it. */
  erase(): Promise<void>;
}

/** What a memory store went through, for tests: every write and every overwrite at erase. */
export interface MemoryKeyFileStore extends KeyFileStore {
  bytes: Uint8Array | null;
  readonly overwrites: Uint8Array[];
}

/** A key file kept in memory (tests, and tools that open a workspace once). */
export function memoryKeyFileStore(initial: Uint8Array | null = null): MemoryKeyFileStore {
  const store: MemoryKeyFileStore = {
    bytes: initial && new Uint8Array(initial),
    overwrites: [],
    read: () => Promise.resolve(store.bytes && new Uint8Array(store.bytes)),
    write: (bytes) => {
      store.bytes = new Uint8Array(bytes);
      return Promise.resolve();
    },
    erase: () => {
      if (store.bytes) {
        store.bytes = crypto.getRandomValues(new Uint8Array(store.bytes.length));
        store.overwrites.push(new Uint8Array(store.bytes));
      }
      store.bytes = null;
      return Promise.resolve();
    },
  };
  return store;
}
