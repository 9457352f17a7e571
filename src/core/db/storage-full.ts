/**
 * Whether a failed write was refused for lack of room: a full disk, or the browser's storage
 * quota. IndexedDB reports it as a `QuotaExceededError`, which Dexie passes on either as its own
 * error of that name or wrapped (`inner`) in the transaction's abort.
 */
export function isStorageFull(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner ?? cause;
  }
  return false;
}
