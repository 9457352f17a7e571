import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDataCore } from '@core/db/data-core';
import { aContact } from '../../../helpers/contact-fixture';
import { freshDataCore } from '../../../helpers/fresh-data-core';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const contact = (n: number, givenName: string) => aContact({ id: ID(n), kind: 'ally', givenName });

describe('schema migrations', () => {
  it('upgrades a version 1 database (chunks + journal) keeping every record', async () => {
    const factory = new IDBFactory();
    // The version 1 definition, as the first release wrote it.
    const v1 = new Dexie('old-workspace', { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores({ chunks: '[table+chunk]', journal: '++seq', meta: 'key' });
    await v1.table('chunks').bulkPut([
      {
        table: 'contacts',
        chunk: 0,
        format: 1,
        records: [contact(1, 'Amal'), contact(2, 'Basel')],
      },
    ]);
    await v1.table('journal').bulkAdd([
      { table: 'contacts', id: ID(3), record: contact(3, 'Dana') },
      { table: 'contacts', id: ID(2), record: { ...contact(2, 'Basel'), notes: 'first edit' } },
      { table: 'contacts', id: ID(2), record: { ...contact(2, 'Basel'), notes: 'second edit' } },
      { table: 'contacts', id: ID(1), record: null },
    ]);
    v1.close();

    const core = await openDataCore({ name: 'old-workspace', indexedDB: factory, IDBKeyRange });
    expect(core.store.db.verno).toBe(4);
    expect(core.store.db.tables.map((t) => t.name).sort()).toEqual([
      'chunks',
      'meta',
      'pending',
      'vault',
    ]);
    expect(
      core.contacts
        .all()
        .map((c) => [c.givenName, c.notes])
        .sort(),
    ).toEqual([
      ['Basel', 'second edit'],
      ['Dana', undefined],
    ]);
    // The upgraded database keeps working: a new write and a reopen.
    await core.contacts.update(ID(3), { familyName: 'Khoury' });
    await core.close();
    const reopened = await openDataCore({ name: 'old-workspace', indexedDB: factory, IDBKeyRange });
    expect(reopened.contacts.get(ID(3))?.familyName).toBe('Khoury');
    expect(reopened.contacts.count()).toBe(2);
  });
});

describe('chunked storage', () => {
  it('keeps nothing sensitive in keys or indexes', async () => {
    const { core } = await freshDataCore();
    const { db } = core.store;
    for (const table of db.tables) {
      const indexed = [table.schema.primKey, ...table.schema.indexes].map((index) => index.keyPath);
      for (const path of indexed.flat()) expect(['table', 'chunk', 'id', 'key']).toContain(path);
    }
  });
});
