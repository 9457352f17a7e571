/**
 * How an encrypted workspace's search starts: from its stored copy without comparing a
 * single contact when the rows are exactly those the copy was taken from (their nonces say
 * so), and comparing (catching up) whenever any contact or organisation row was written since.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { CONTACT_SEARCH_META_KEY } from '@core/db/data-core';
import { MIN_PBKDF2_ITERATIONS, Vault, type DataCore } from '@core/index';

const PASS = 'a long enough passphrase';

function vault() {
  return new Vault({
    name: 'search-start',
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

describe('contact search start in an encrypted workspace', () => {
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
