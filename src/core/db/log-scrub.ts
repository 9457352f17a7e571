/**
 * Chromium keeps IndexedDB in LevelDB, whose write-ahead log and level-0 tables keep every
 * overwritten value until a compaction merges them: after a key rotation the old keyring (and
 * the rows sealed with the old key) stayed readable in the profile's files. Writing enough
 * incompressible filler to flush the log several times makes LevelDB compact its level-0
 * tables, which drops the overwritten values; the filler is then deleted. A best effort that
 * relies on LevelDB's sizes (see docs/security.md), measured by test/e2e/key-rotation.e2e.test.ts.
 */

/** A database of its own: the workspace's database is never touched. */
export const SCRUB_DATABASE = 'tadamun-scrub';
/** Four log flushes of Chromium's 4 MiB write buffer, and a margin. */
export const SCRUB_BYTES = 32 << 20;
/** Small enough to stay inside LevelDB (larger values may go to blob files instead). */
const VALUE_BYTES = 32 << 10;
const VALUES_PER_TRANSACTION = 32;

export interface ScrubOptions {
  indexedDB?: IDBFactory;
  bytes?: number;
}

function requestDone(request: IDBRequest | IDBOpenDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function randomValue(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(VALUE_BYTES);
  // getRandomValues fills at most 64 KiB at a time.
  for (let offset = 0; offset < bytes.length; offset += 65536) {
    crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  }
  return bytes;
}

/** Writes `bytes` of random filler into a scratch database, then deletes it. */
export async function scrubStorageLog({
  indexedDB: factory = globalThis.indexedDB,
  bytes = SCRUB_BYTES,
}: ScrubOptions = {}): Promise<void> {
  // A scrub cut short earlier left its database: start afresh.
  await requestDone(factory.deleteDatabase(SCRUB_DATABASE));
  const opening = factory.open(SCRUB_DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore('filler');
  await requestDone(opening);
  const db = opening.result;
  try {
    const count = Math.ceil(bytes / VALUE_BYTES);
    for (let start = 0; start < count; start += VALUES_PER_TRANSACTION) {
      const tx = db.transaction('filler', 'readwrite');
      const store = tx.objectStore('filler');
      for (let index = start; index < Math.min(count, start + VALUES_PER_TRANSACTION); index += 1) {
        // Random keys: every flushed table spans the whole filler range, so the tables overlap
        // and are merged (rewritten, dropping old values) rather than moved down as they are.
        store.put(randomValue(), crypto.getRandomValues(new Uint32Array(2)).join('.'));
      }
      await transactionDone(tx);
    }
  } finally {
    db.close();
    await requestDone(factory.deleteDatabase(SCRUB_DATABASE));
  }
}
