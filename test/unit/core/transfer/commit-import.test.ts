/** Writing checked contacts: in one commit, or in slices as the import wizard does. */
import { describe, expect, it } from 'vitest';
import { contactInputSchema, type Contact } from '@core/domain/contact';
import { ValidationError } from '@core/index';
import {
  ImportCancelledError,
  importContacts,
  importContactsInSlices,
  linkOrganizations,
  stampContacts,
  type ContactStamp,
  type PreparedContacts,
} from '@core/transfer';
import { closingAfterEach } from '../../../helpers/fresh-data-core';

const core = closingAfterEach();

describe('import commit', () => {
  it('links an organization named in the file by its normalized name, else keeps the name', async () => {
    const { core: data } = await core();
    const ministry = await data.organizations.create({ name: 'وزارة الصحة' });
    const { created, linkedToOrganizations } = await importContacts(data, [
      { displayName: 'A', organizationName: 'وزاره الصحه' },
      { displayName: 'B', organizationName: 'Unknown Org' },
    ]);
    expect(linkedToOrganizations).toBe(1);
    expect(created[0]).toMatchObject({ organizationId: ministry.id });
    expect(created[0]?.organizationName).toBeUndefined();
    expect(created[1]).toMatchObject({ organizationName: 'Unknown Org' });
    expect(data.organizations.count()).toBe(1);
    expect(linkOrganizations([{ displayName: 'C' }], []).linked).toBe(0);
  });

  it('is all or nothing: one refused contact and nothing is stored, even after reopening', async () => {
    const fresh = await core();
    await fresh.core.contacts.create({ displayName: 'Already here' });
    await expect(
      importContacts(fresh.core, [
        { displayName: 'Fine' },
        { displayName: 'Bad', emails: [{ value: 'nope' }] },
      ]),
    ).rejects.toThrow(ValidationError);
    expect(fresh.core.contacts.all().map((c) => c.displayName)).toEqual(['Already here']);
    await fresh.core.close();
    const reopened = await fresh.reopen();
    expect(reopened.contacts.all().map((c) => c.displayName)).toEqual(['Already here']);
  });
});

describe('writing in slices', () => {
  const inputs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      displayName: `Person ${i}`,
      emails: [{ value: `p${i}@example.org` }],
      organizationName: i % 2 ? 'وزارة الصحة' : 'Elsewhere',
    }));

  it('stores what importContacts stores, links organizations, and reports progress', async () => {
    const { core: data } = await core();
    const ministry = await data.organizations.create({ name: 'وزارة الصحه' });
    const progress: number[] = [];
    let writing = 0;
    const outcome = await importContactsInSlices(data, inputs(1200), {
      onProgress: (done) => progress.push(done),
      onWriting: () => (writing += 1),
    });
    expect(outcome.created).toHaveLength(1200);
    // 'Elsewhere' is no stored organization: it is created once, and its 600 contacts linked.
    expect(outcome.organizationsCreated).toBe(1);
    expect(outcome.linkedToOrganizations).toBe(1200);
    expect(outcome.created[1]).toMatchObject({ organizationId: ministry.id });
    const elsewhere = data.organizations.all().find((o) => o.name === 'Elsewhere');
    expect(outcome.created[0]).toMatchObject({ organizationId: elsewhere?.id });
    expect(outcome.created[0]?.organizationName).toBeUndefined();
    expect(data.organizations.count()).toBe(2);
    expect(data.contacts.count()).toBe(1200);
    expect(progress.at(-1)).toBe(1200);
    expect(writing).toBe(1);

    const { core: other } = await core();
    await other.organizations.create({ name: 'وزارة الصحه' });
    const plain = await importContacts(other, inputs(1200));
    const strip = (contact: Contact) => {
      const {
        id: _i,
        createdAt: _c,
        updatedAt: _u,
        organizationId: _o,
        organizationName: _n,
        ...rest
      } = contact;
      return rest;
    };
    expect(outcome.created.map(strip)).toEqual(plain.created.map(strip));
  });

  it('is searchable as soon as a bulk write (indexed in slices) resolves, and after reopening', async () => {
    const fresh = await core();
    await importContactsInSlices(fresh.core, inputs(2500));
    expect(fresh.core.search.search('p2499@example.org')[0]?.contact.displayName).toBe(
      'Person 2499',
    );
    expect(fresh.core.search.search('Person', { limit: 5000 })).toHaveLength(2500);
    const reopened = await fresh.reopen();
    expect(reopened.search.search('p1234@example.org')[0]?.contact.displayName).toBe('Person 1234');
  });

  it('takes records made elsewhere in batches as they arrive, and stores nothing if a batch fails', async () => {
    const { core: data } = await core();
    const all = inputs(1200).map((input) => contactInputSchema.parse(input));
    const asked: number[] = [];
    const stamps: ContactStamp[] = [];
    const released: number[] = [];
    const batches = (failAt?: number): PreparedContacts => ({
      count: all.length,
      // Let go once every record has arrived, before the write: asked has all three batches.
      release: () => released.push(asked.length),
      async *batches(stamp) {
        stamps.push(stamp);
        for (let start = 0; start < all.length; start += 500) {
          asked.push(start);
          if (start === failAt) throw new Error('the import worker ended');
          const slice = all.slice(start, start + 500);
          yield stampContacts(slice, { first: start, skip: new Set(), stamp });
        }
      },
    });
    const health = await data.organizations.create({ name: 'وزارة الصحة' });
    const progress: [number, number][] = [];
    const outcome = await importContactsInSlices(data, batches(), {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(asked).toEqual([0, 500, 1000]);
    expect(released).toEqual([3]);
    expect(outcome.created.map((c) => c.displayName)).toEqual(all.map((i) => i.displayName));
    expect(progress.at(-1)).toEqual([1200, 1200]);
    expect(data.contacts.count()).toBe(1200);
    // The records carry the core's time and organizations, as records made on the page do.
    expect(stamps[0]?.organizations.map((o) => o.id)).toEqual([health.id]);
    expect(Date.parse(stamps[0]?.now ?? '')).toBeGreaterThan(Date.parse(health.createdAt));
    expect(new Set(outcome.created.map((c) => c.createdAt))).toEqual(new Set([stamps[0]?.now]));
    expect(outcome.linkedToOrganizations).toBe(600);
    expect(data.contacts.get(outcome.created[1]?.id ?? '')?.organizationId).toBe(health.id);
    expect(new Set(outcome.created.map((c) => c.id)).size).toBe(1200);

    const { core: other } = await core();
    await expect(importContactsInSlices(other, batches(1000))).rejects.toThrow('worker ended');
    expect(other.contacts.count()).toBe(0);
    expect(released).toEqual([3]);
  });

  it('makes records of checked inputs but the skipped positions, counted from the first', () => {
    const slice = inputs(4).map((input) => contactInputSchema.parse(input));
    const stamp = {
      now: '2026-11-30T10:00:00.000Z',
      organizations: [{ id: 'o1', name: 'Elsewhere' }],
    };
    let next = 0;
    const made = stampContacts(
      slice,
      { first: 500, skip: new Set([501, 3]), stamp },
      () => `id${++next}`,
    );
    expect(made.records.map((r) => [r.id, r.displayName, r.organizationId])).toEqual([
      ['id1', 'Person 0', 'o1'],
      ['id2', 'Person 2', 'o1'],
      ['id3', 'Person 3', undefined],
    ]);
    expect(made.linked).toBe(2);
    expect(made.records[0]).toMatchObject({ createdAt: stamp.now, updatedAt: stamp.now, tags: [] });
    expect(made.records[0]).not.toHaveProperty('organizationName');
  });

  it("normalizes the stamp's organization names once for all its batches", () => {
    let namesRead = 0;
    const organization = (id: string, name: string) => ({
      id,
      get name() {
        namesRead += 1;
        return name;
      },
    });
    const stamp = {
      now: '2026-11-30T10:00:00.000Z',
      organizations: [organization('o1', 'Elsewhere'), organization('o2', 'وزارة الصحة')],
    };
    const batch = (first: number) =>
      stampContacts(
        inputs(4)
          .map((input, n) => ({ ...input, organizationName: n % 2 ? 'وزارة الصحه' : 'elsewhere' }))
          .map((input) => contactInputSchema.parse(input)),
        { first, skip: new Set(), stamp },
      );
    const [first, second] = [batch(0), batch(4)];
    expect(namesRead).toBe(2);
    for (const made of [first, second]) {
      expect(made.linked).toBe(4);
      expect(made.records.map((r) => r.organizationId)).toEqual(['o1', 'o2', 'o1', 'o2']);
    }
    // Another import (another stamp) sees the organizations as they are then.
    stampContacts([], { first: 0, skip: new Set(), stamp: { ...stamp } });
    expect(namesRead).toBe(4);
    // A stamp that carries the names made (as the import's does) reads none of them.
    const organizationIds = new Map([['elsewhere', 'o1']]);
    const made = stampContacts(
      [contactInputSchema.parse({ displayName: 'Someone', organizationName: 'ELSEWHERE' })],
      { first: 0, skip: new Set(), stamp: { ...stamp, organizationIds } },
    );
    expect(namesRead).toBe(4);
    expect(made.records[0]?.organizationId).toBe('o1');
  });

  it('links names written alike across the batches of a stamp, unknown ones left as names', () => {
    const stamp = {
      now: '2026-11-30T10:00:00.000Z',
      organizations: [{ id: 'o1', name: 'وزارة الصحة' }],
    };
    const written = ['وزارة الصحه', 'Nowhere', 'وزارة الصحة', 'Nowhere', 'وزارة الصحه'];
    const batch = (first: number) =>
      stampContacts(
        written.map((organizationName, n) =>
          contactInputSchema.parse({ displayName: `P${first + n}`, organizationName }),
        ),
        { first, skip: new Set(), stamp },
      );
    for (const made of [batch(0), batch(5), batch(10)]) {
      expect(made.linked).toBe(3);
      expect(made.records.map((r) => r.organizationId ?? r.organizationName)).toEqual([
        'o1',
        'Nowhere',
        'o1',
        'Nowhere',
        'o1',
      ]);
    }
  });

  it('gives every record a random version 4 UUID by default', () => {
    const made = stampContacts(
      inputs(600).map((input) => contactInputSchema.parse(input)),
      { first: 0, skip: new Set(), stamp: { now: '2026-11-30T10:00:00.000Z', organizations: [] } },
    );
    const ids = made.records.map((record) => record.id);
    expect(new Set(ids).size).toBe(600);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('stores nothing when cancelled before the write, or when one record is refused', async () => {
    const fresh = await core();
    await fresh.core.contacts.create({ displayName: 'Already here' });
    const controller = new AbortController();
    controller.abort();
    await expect(
      importContactsInSlices(fresh.core, inputs(10), { signal: controller.signal }),
    ).rejects.toThrow(ImportCancelledError);
    await expect(
      importContactsInSlices(fresh.core, [...inputs(5), { displayName: '' }]),
    ).rejects.toThrow(ValidationError);
    expect(fresh.core.contacts.all().map((c) => c.displayName)).toEqual(['Already here']);
    const reopened = await fresh.reopen();
    expect(reopened.contacts.count()).toBe(1);
  });
});
