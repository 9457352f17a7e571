/**
 * The IndexedDB databases of coalition replicas (app/coalition-sync): PouchDB names each
 * `_pouch_` + `tadamun-coalition-<id>`. Erasing the app deletes them with the rest; in the
 * desktop app main clears all of the session's storage as well (erase-app-storage.ts).
 */

/** A coalition's replica, before PouchDB's prefix. */
export const REPLICA_DATABASE_PREFIX = 'tadamun-coalition-';
/** What PouchDB puts before every database name it opens. */
export const POUCHDB_PREFIX = '_pouch_';

/**
 * A coalition's replica: after a member was removed, the key's id is part of the name, so the
 * documents resealed under the new key go to a database of their own (the old one is deleted).
 */
export const replicaDatabaseName = (coalitionId: string, keyId?: string) =>
  `${REPLICA_DATABASE_PREFIX}${coalitionId}${keyId ? `-${keyId}` : ''}`;

/** PouchDB's databases (ours, and any it made beside them) and replicas named without its prefix. */
export function isReplicaDatabase(name: string): boolean {
  return name.startsWith(POUCHDB_PREFIX) || name.startsWith(REPLICA_DATABASE_PREFIX);
}

function deleted(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    // A replica still open in a worker closes on this version change (PouchDB does), then
    // the deletion goes on: nothing to do but wait.
  });
}

/** Deletes every replica database of this origin; returns their names. */
export async function eraseReplicaDatabases(factory: IDBFactory = indexedDB): Promise<string[]> {
  const names = (await factory.databases())
    .map(({ name }) => name)
    .filter((name): name is string => name !== undefined && isReplicaDatabase(name));
  await Promise.all(names.map((name) => deleted(factory, name)));
  return names;
}
