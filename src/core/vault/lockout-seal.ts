/**
 * The wipe-after-N setting, kept twice: in plain in the key file (a failed attempt must read
 * it without the key) and sealed in the workspace's meta table (authenticated by the data
 * key). Each successful unlock compares the two: a setting changed on disk (wipe disarmed,
 * raised or armed by someone who can write the files) is put back and reported.
 */
import type { RecordStore } from '../db/record-store';

export const LOCKOUT_META_KEY = 'core.lockout';

type MetaStore = Pick<RecordStore, 'readMeta' | 'writeMeta'>;

interface SealedLockout {
  wipeAfter: number | null;
}

function isSealedLockout(value: unknown): value is SealedLockout {
  const wipeAfter = (value as Partial<SealedLockout> | null | undefined)?.wipeAfter;
  return wipeAfter === null || (typeof wipeAfter === 'number' && Number.isInteger(wipeAfter));
}

export async function sealWipeAfter(store: MetaStore, wipeAfter: number | null): Promise<void> {
  await store.writeMeta(LOCKOUT_META_KEY, { wipeAfter } satisfies SealedLockout);
}

/** The sealed setting, or undefined when none was sealed yet (a workspace from before). */
export async function sealedWipeAfter(store: MetaStore): Promise<number | null | undefined> {
  const value = await store.readMeta(LOCKOUT_META_KEY);
  return isSealedLockout(value) ? value.wipeAfter : undefined;
}

/** The key file's lockout differed from the sealed one at unlock: what was found, what was put back. */
export interface LockoutAltered {
  found: number | null;
  restored: number | null;
}
