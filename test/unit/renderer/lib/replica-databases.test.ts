import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  eraseReplicaDatabases,
  isReplicaDatabase,
  replicaDatabaseName,
} from '@renderer/lib/replica-databases';

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('document-store');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(name));
  });
}

const names = async (factory: IDBFactory) =>
  (await factory.databases()).map(({ name }) => name).sort();

describe('replica databases', () => {
  it("names a coalition's replica and tells PouchDB's databases from the app's", () => {
    expect(replicaDatabaseName('c1')).toBe('tadamun-coalition-c1');
    expect(replicaDatabaseName('c1', '0123abcd')).toBe('tadamun-coalition-c1-0123abcd');
    expect(isReplicaDatabase('_pouch_tadamun-coalition-c1-0123abcd')).toBe(true);
    expect(isReplicaDatabase('_pouch_tadamun-coalition-c1')).toBe(true);
    expect(isReplicaDatabase('_pouch_tadamun-coalition-c1-mrview-1')).toBe(true);
    expect(isReplicaDatabase('tadamun-coalition-c1')).toBe(true);
    expect(isReplicaDatabase('tadamun')).toBe(false);
    expect(isReplicaDatabase('tadamun-log-scrub')).toBe(false);
  });

  it('deletes every replica, even one still open (it closes on the version change), and nothing else', async () => {
    const factory = new IDBFactory();
    const replicas = [
      '_pouch_tadamun-coalition-a',
      '_pouch_tadamun-coalition-b',
      'tadamun-coalition-c',
    ];
    for (const name of [...replicas, 'tadamun']) (await open(factory, name)).close();
    // As PouchDB's idb adapter does with a replica a worker still holds.
    const held = await open(factory, '_pouch_tadamun-coalition-a');
    held.onversionchange = () => held.close();
    expect(
      (await eraseReplicaDatabases(factory as unknown as globalThis.IDBFactory)).sort(),
    ).toEqual(replicas.sort());
    expect(await names(factory)).toEqual(['tadamun']);
    expect(await eraseReplicaDatabases(factory as unknown as globalThis.IDBFactory)).toEqual([]);
  });
});
