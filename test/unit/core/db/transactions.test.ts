import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ENTITY_TABLES } from '../../../../src/core/domain/entities';
import type { DataCore } from '../../../../src/core/db/data-core';
import { freshDataCore } from '../../../helpers/fresh-data-core';

/** Makes the nth IndexedDB write from now fail, as a full disk would. */
async function failNthWrite(core: DataCore, n: number): Promise<void> {
  let writes = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'fail-nth-write',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            ++writes === n
              ? Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  };
  // Dexie builds its middleware stack when it opens.
  core.store.db.close();
  core.store.db.use(middleware);
  await core.store.db.open();
}

function snapshot(core: DataCore) {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return Object.fromEntries(ENTITY_TABLES.map((t) => [t, core.store.all(t).sort(byId)]));
}

async function seeded() {
  const fresh = await freshDataCore();
  const { core } = fresh;
  const contacts = await core.contacts.createMany(
    Array.from({ length: 5 }, (_, i) => ({
      givenName: `Contact ${i}`,
      emails: [{ value: `c${i}@example.org` }],
    })),
  );
  const campaign = await core.campaigns.create({ name: 'Equality bill' });
  for (const contact of contacts) {
    await core.targets.create({ campaignId: campaign.id, contactId: contact.id });
    await core.interactions.create({
      campaignId: campaign.id,
      contactId: contact.id,
      kind: 'letter',
      occurredAt: '2026-11-20T10:00:00Z',
    });
  }
  return { ...fresh, contacts, campaign };
}

describe('all-or-nothing writes', () => {
  it('a bulk import that fails half-way leaves the database and memory as they were', async () => {
    const { core, reopen } = await seeded();
    const before = snapshot(core);
    // Write 1 puts the new chunks, write 2 (clearing pending rows) fails: the first must roll back.
    await failNthWrite(core, 2);
    await expect(
      core.contacts.createMany(Array.from({ length: 500 }, (_, i) => ({ givenName: `New ${i}` }))),
    ).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });

  it('deleting a campaign with its dependents fails whole', async () => {
    const { core, reopen, campaign } = await seeded();
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.campaigns.removeWithDependents(campaign.id)).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });

  it('a merge fails whole, and the store keeps working after a failure', async () => {
    const { core, reopen, contacts } = await seeded();
    const [keep, drop] = contacts;
    if (!keep || !drop) throw new Error('no contacts');
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.contacts.merge(keep.id, drop.id)).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    await core.contacts.merge(keep.id, drop.id);
    const after = await reopen();
    expect(after.contacts.count()).toBe(4);
    expect(after.interactions.forContact(keep.id)).toHaveLength(2);
  });
});
