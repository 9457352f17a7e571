import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCRUB_DATABASE, scrubStorageLog } from '@core/db/log-scrub';

async function databaseNames(factory: IDBFactory): Promise<string[]> {
  return (await factory.databases()).map((info) => info.name ?? '');
}

describe('scrubStorageLog', () => {
  it('writes filler into a scratch database of its own, and deletes it', async () => {
    const factory = new IDBFactory();
    let written = 0;
    const open = factory.open.bind(factory);
    factory.open = (name: string, version?: number) => {
      const request = open(name, version);
      request.addEventListener('success', () => {
        const db = request.result;
        const transaction = db.transaction.bind(db);
        db.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
          const tx = transaction(...args);
          tx.addEventListener('complete', () => (written += 1));
          return tx;
        }) as IDBDatabase['transaction'];
      });
      return request;
    };
    await scrubStorageLog({ indexedDB: factory, bytes: 3 << 20 });
    // 3 MiB in 32 KiB values, 32 to a transaction.
    expect(written).toBe(3);
    expect(await databaseNames(factory)).not.toContain(SCRUB_DATABASE);
  });

  it('clears what a scrub cut short left, and leaves other databases alone', async () => {
    const factory = new IDBFactory();
    for (const name of [SCRUB_DATABASE, 'tadamun']) {
      const request = factory.open(name, 1);
      await new Promise((resolve) => (request.onsuccess = resolve));
      request.result.close();
    }
    await scrubStorageLog({ indexedDB: factory, bytes: 1 << 15 });
    expect(await databaseNames(factory)).toEqual(['tadamun']);
  });
});
