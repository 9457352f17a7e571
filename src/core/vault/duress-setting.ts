/**
 * Whether a duress passphrase is set, for Settings. The slot in the vault cannot tell (off is
 * random bytes of the same shape), so the answer is kept in the sealed meta table, readable
 * only inside the unlocked workspace.
 */
import type { RecordStore } from '../db/record-store';

export const DURESS_META_KEY = 'duressPassphraseSet';

type MetaStore = Pick<RecordStore, 'readMeta' | 'writeMeta'>;

export async function isDuressSet(store: MetaStore): Promise<boolean> {
  return (await store.readMeta(DURESS_META_KEY)) === true;
}

export async function rememberDuressSet(store: MetaStore, set: boolean): Promise<void> {
  await store.writeMeta(DURESS_META_KEY, set);
}
