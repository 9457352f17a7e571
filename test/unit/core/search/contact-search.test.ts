import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { MIN_PBKDF2_ITERATIONS, Vault, memoryKeyFileStore } from '@core/index';
import { CONTACT_SEARCH_META_KEY, openDataCore } from '@core/db/data-core';
import { createBackup, restoreBackup, serializeBackup } from '@core/backup/backup';
import type { DataCore } from '@core/db/data-core';
import { freshDataCore } from '../../../helpers/fresh-data-core';

const names = (core: DataCore, query: string) =>
  core.search.search(query).map((hit) => hit.contact.displayName ?? hit.contact.givenName);

async function seed(core: DataCore) {
  const org = await core.organizations.create({ name: 'جمعية الأمل للصحة', kind: 'ngo' });
  const [rania, yusuf] = await core.contacts.createMany([
    { givenName: 'رانيا', familyName: 'الخوري', organizationId: org.id, kind: 'ally' },
    { displayName: 'يوسف إبراهيم', kind: 'official', tags: ['لجنة الصحة'] },
    { displayName: 'Hélène Dubois', kind: 'journalist', emails: [{ value: 'h@example.org' }] },
  ]);
  if (!rania || !yusuf) throw new Error('seed failed');
  return { org, rania, yusuf };
}

describe('contact search in the data core', () => {
  it('sees every committed write: create, update, delete, and an organisation renamed', async () => {
    const { core } = await freshDataCore();
    const { org, rania, yusuf } = await seed(core);
    expect(names(core, 'ابراهيم')).toEqual(['يوسف إبراهيم']);
    expect(names(core, 'helene')).toEqual(['Hélène Dubois']);
    expect(core.search.search('الأمل')[0]?.contact.id).toBe(rania.id);
    expect(core.search.search('لجنه الصحه')[0]?.contact.id).toBe(yusuf.id);

    await core.contacts.update(yusuf.id, { displayName: 'يوسف منصور' });
    expect(names(core, 'ابراهيم')).toEqual([]);
    expect(names(core, 'منصور')).toEqual(['يوسف منصور']);

    await core.organizations.update(org.id, { name: 'شبكة النور' });
    expect(core.search.search('النور')[0]?.contact.id).toBe(rania.id);
    expect(core.search.search('الأمل')).toEqual([]);

    await core.contacts.remove(rania.id);
    expect(core.search.search('رانيا')).toEqual([]);
    expect(core.search.size).toBe(2);
  });

  it('does not change when a write fails', async () => {
    const { core } = await freshDataCore();
    await seed(core);
    await expect(
      core.contacts.createMany([{ displayName: 'Ok' }, { kind: 'other' }]),
    ).rejects.toThrow();
    expect(core.search.size).toBe(3);
    expect(core.search.search('Ok')).toEqual([]);
  });

  it('is rebuilt when a backup replaces everything', async () => {
    const { core } = await freshDataCore();
    await seed(core);
    const backup = serializeBackup(createBackup(core.store));
    await core.contacts.create({ displayName: 'Later Person' });
    expect(names(core, 'later')).toEqual(['Later Person']);
    await restoreBackup(core.store, backup, 'replace');
    expect(names(core, 'later')).toEqual([]);
    expect(names(core, 'helene')).toEqual(['Hélène Dubois']);
  });

  it('stores a copy on close, and a start loads it and catches up with what changed since', async () => {
    const fresh = await freshDataCore();
    const { yusuf } = await seed(fresh.core);
    const second = await fresh.reopen();
    const stored = await second.store.db.meta.get(CONTACT_SEARCH_META_KEY);
    expect(stored?.value).toMatchObject({ format: 'tadamun-contact-search', version: 2 });
    expect((stored?.value as { index: { ids: string[] } }).index.ids).toHaveLength(3);
    // A few edits leave the stored copy as it was (not worth rewriting): the next start
    // must reconcile it with the records.
    await second.contacts.update(yusuf.id, { displayName: 'يوسف منصور' });
    await second.contacts.create({ displayName: 'Nadia Saleh' });
    await second.close();
    const third = await fresh.reopen();
    const after = await third.store.db.meta.get(CONTACT_SEARCH_META_KEY);
    expect(after?.value).toEqual(stored?.value);
    expect(names(third, 'منصور')).toEqual(['يوسف منصور']);
    expect(names(third, 'ابراهيم')).toEqual([]);
    expect(names(third, 'nadia')).toEqual(['Nadia Saleh']);
    expect(third.search.size).toBe(4);
    await third.close();
  });

  it('a copy taken after a start equals the one it started from, and removals catch up', async () => {
    const fresh = await freshDataCore();
    const { rania } = await seed(fresh.core);
    const second = await fresh.reopen();
    const stored = await second.store.db.meta.get(CONTACT_SEARCH_META_KEY);
    // A start keeps no per-contact versions in memory: the next copy computes them again.
    expect(second.search.snapshot()).toEqual(stored?.value);
    await second.contacts.remove(rania.id);
    await second.close();
    const third = await fresh.reopen();
    expect(third.search.search('رانيا')).toEqual([]);
    expect(third.search.size).toBe(2);
    await third.close();
  });

  it('rebuilds from the records when the stored copy is damaged or foreign', async () => {
    const fresh = await freshDataCore();
    await seed(fresh.core);
    for (const value of [
      { format: 'tadamun-contact-search', version: 1, index: { ids: ['x'] }, hashes: [1] },
      { format: 'tadamun-contact-search', version: 99 },
      'garbage',
    ]) {
      const core = await fresh.reopen();
      await core.store.db.meta.put({ key: CONTACT_SEARCH_META_KEY, value });
      // Reopen without the close that would store a good copy again.
      core.store.db.close();
      const reopened = await openDataCore({
        name: fresh.name,
        indexedDB: fresh.factory,
        IDBKeyRange,
      });
      expect(names(reopened, 'helene')).toEqual(['Hélène Dubois']);
      expect(reopened.search.size).toBe(3);
      await reopened.close();
    }
  });
});

/*
 * How an encrypted workspace's search starts: from its stored copy without comparing a
 * single contact when the rows are exactly those the copy was taken from (their nonces say
 * so), and comparing (catching up) whenever any contact or organisation row was written since.
 */
describe('contact search start in an encrypted workspace', () => {
  const PASS = 'a long enough passphrase';

  function vault() {
    return new Vault({
      name: 'search-start',
      keyFile: memoryKeyFileStore(),
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      iterations: MIN_PBKDF2_ITERATIONS,
    });
  }

  const names = (core: DataCore, query: string) =>
    core.search.search(query).map((hit) => hit.contact.displayName);

  /** 300 contacts: written as chunks (a bulk write), so that a close stores a search copy. */
  async function seeded(v: Vault): Promise<DataCore> {
    const { core } = await v.setUp(PASS);
    const org = await core.organizations.create({ name: 'Beirut Health Network', kind: 'ngo' });
    await core.contacts.createMany(
      Array.from({ length: 300 }, (_, n) => ({
        displayName: `Person ${n} رانيا`,
        ...(n === 7 && { organizationId: org.id }),
      })),
    );
    return core;
  }

  it('loads the stored copy without comparing when no row changed since it was taken', async () => {
    const v = vault();
    await (await seeded(v)).close();
    const second = await v.unlock(PASS);
    expect(second.search.start).toBe('copy');
    expect(second.search.size).toBe(300);
    expect(names(second, 'person 7')[0]).toBe('Person 7 رانيا');
    expect(names(second, 'beirut')).toEqual(['Person 7 رانيا']);
    // The copy a start would write again is the one it started from.
    const stored = (await second.store.readMeta(CONTACT_SEARCH_META_KEY)) as { stamp?: string };
    expect(stored.stamp).toBeTruthy();
    expect(second.search.snapshot()).toEqual(stored);
    await second.close();
  });

  it('compares and catches up after a contact edit, a removal or an organisation rename', async () => {
    const v = vault();
    await (await seeded(v)).close();
    const edits: ((core: DataCore) => Promise<string>)[] = [
      async (core) => {
        const [first] = core.search.search('person 3');
        await core.contacts.update(first?.contact.id ?? '', { displayName: 'Nadia Saleh' });
        return 'nadia';
      },
      async (core) => {
        const [first] = core.search.search('Nadia');
        await core.contacts.remove(first?.contact.id ?? '');
        return 'gone';
      },
      async (core) => {
        const [org] = core.organizations.all();
        await core.organizations.update(org?.id ?? '', { name: 'Tripoli Rights Centre' });
        return 'renamed';
      },
    ];
    for (const edit of edits) {
      const core = await v.unlock(PASS);
      const what = await edit(core);
      // A few edits do not make the stored copy stale: close leaves it as it was.
      await core.close();
      const next = await v.unlock(PASS);
      expect(next.search.start).toBe('copy-compared');
      if (what === 'nadia') expect(names(next, 'nadia')).toEqual(['Nadia Saleh']);
      if (what === 'gone') {
        expect(names(next, 'nadia')).toEqual([]);
        expect(next.search.size).toBe(299);
      }
      if (what === 'renamed') {
        expect(names(next, 'tripoli')).toEqual(['Person 7 رانيا']);
        expect(names(next, 'beirut')).toEqual([]);
      }
      await next.close();
    }
  });

  it('a copy taken while a bulk change is still being indexed carries no stamp', async () => {
    const v = vault();
    const core = await seeded(v);
    // Followers are told in order: the search's (already working in slices) comes first.
    let copy: ReturnType<DataCore['search']['snapshot']> | undefined;
    const stop = core.store.follow(() => {
      copy ??= core.search.snapshot();
    });
    await core.contacts.createMany(
      Array.from({ length: 2500 }, (_, n) => ({ displayName: `Later ${n}` })),
    );
    stop();
    expect(copy).toBeDefined();
    expect(copy?.stamp).toBeUndefined();
    expect(core.search.snapshot().stamp).toBeTruthy();
    await core.close();
  });

  it('keeps the rows stamp of before while a bulk change is still being applied', async () => {
    const core = await seeded(vault());
    const before = core.store.rowStamp(['contacts', 'organizations']);
    expect(before).toBeTruthy();
    // Every clock reading is 20 ms later: each pacing check yields.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 20));
    onTestFinished(() => clock.mockRestore());
    const writing = core.contacts.createMany(
      Array.from({ length: 600 }, (_, n) => ({ displayName: `New ${n}` })),
    );
    await vi.waitFor(
      () => {
        const count = core.contacts.count();
        if (count === 300 || count === 900) throw new Error(`not half-applied: ${count}`);
      },
      { interval: 0, timeout: 10_000 },
    );
    expect(core.store.rowStamp(['contacts', 'organizations'])).toBe(before);
    await writing;
    expect(core.store.rowStamp(['contacts', 'organizations'])).not.toBe(before);
    await core.close();
  });
});
