import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupError, createBackup, restoreBackup, serializeBackup } from '@core/backup/backup';
import type { DataCore } from '@core/db/data-core';
import { ENTITY_TABLES } from '@core/domain/entities';
import { ValidationError } from '@core/domain/validation';
import { failNthWrite, recordSnapshot } from '../../../helpers/fail-nth-write';
import { freshDataCore } from '../../../helpers/fresh-data-core';

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
const arabicName = fc.constantFrom(
  'لَيْلى',
  'أحمد',
  'إيمان',
  'آمنة',
  'مريم',
  'عبد الله',
  'نور',
  'يوسف',
);
const name = fc.oneof(text, arabicName);

const scenario = fc.record({
  contacts: fc.array(
    fc.record({
      givenName: name,
      familyName: fc.option(name, { nil: undefined }),
      kind: fc.constantFrom('official', 'ally', 'journalist', 'other'),
      tags: fc.array(name, { maxLength: 3 }),
      notes: fc.option(fc.string({ unit: 'grapheme', maxLength: 200 }), { nil: undefined }),
      sensitive: fc.boolean(),
    }),
    { maxLength: 12 },
  ),
  campaigns: fc.array(fc.record({ name, goal: fc.option(text, { nil: undefined }) }), {
    maxLength: 3,
  }),
  stances: fc.array(fc.constantFrom('champion', 'supportive', 'opposed', 'hostile'), {
    maxLength: 5,
  }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function fill(core: DataCore, data: Scenario) {
  const contacts = [];
  for (const input of data.contacts) {
    try {
      contacts.push(await core.contacts.create(input));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
  }
  for (const [index, input] of data.campaigns.entries()) {
    const campaign = await core.campaigns.create(input);
    const contact = contacts[index % Math.max(contacts.length, 1)];
    if (!contact) continue;
    const target = await core.targets.create({ campaignId: campaign.id, contactId: contact.id });
    for (const stance of data.stances) await core.targets.setStance(target.id, stance, 'tester');
    await core.interactions.create({
      campaignId: campaign.id,
      contactId: contact.id,
      kind: 'call',
      occurredAt: '2026-11-20T10:00:00.000Z',
      followUpDate: '2026-11-27',
    });
  }
  await core.settings.update({ arabicDigits: 'arabic-indic' });
}

const everything = (core: DataCore) =>
  Object.fromEntries(ENTITY_TABLES.map((t) => [t, core.store.all(t)]));

describe('backup and restore', () => {
  it('round-trips random data: export, wipe, restore, deep-equal', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (data) => {
        const source = await freshDataCore();
        await fill(source.core, data);
        const file = serializeBackup(createBackup(source.core.store));
        const target = await freshDataCore();
        await restoreBackup(target.core.store, file, 'into-empty');
        expect(everything(target.core)).toEqual(everything(source.core));
        expect(everything(await target.reopen())).toEqual(everything(source.core));
      }),
      { numRuns: 25 },
    );
  });

  it('states format, version and counts', async () => {
    const { core } = await freshDataCore();
    await core.contacts.createMany([{ givenName: 'A' }, { givenName: 'B' }]);
    const backup = createBackup(core.store, new Date('2026-11-25T12:00:00Z'));
    expect(backup).toMatchObject({
      format: 'tadamun-backup',
      version: 1,
      createdAt: '2026-11-25T12:00:00.000Z',
      counts: { contacts: 2, campaigns: 0 },
    });
  });

  it('replaces the current data when asked, and refuses to restore over data otherwise', async () => {
    const source = await freshDataCore();
    await source.core.contacts.create({ givenName: 'From backup' });
    const file = serializeBackup(createBackup(source.core.store));
    const { core, reopen } = await freshDataCore();
    await core.contacts.create({ givenName: 'Current' });
    await expect(restoreBackup(core.store, file, 'into-empty')).rejects.toThrow(
      /already holds data/,
    );
    await restoreBackup(core.store, file, 'replace');
    expect((await reopen()).contacts.all().map((c) => c.givenName)).toEqual(['From backup']);
  });

  describe('a bad file changes nothing and says what is wrong', () => {
    async function attempt(mutate: (file: string) => string) {
      const source = await freshDataCore();
      await source.core.contacts.createMany([
        { givenName: 'Amal', emails: [{ value: 'amal@example.org' }] },
        { givenName: 'Basel' },
      ]);
      const file = serializeBackup(createBackup(source.core.store));
      const { core, reopen } = await freshDataCore();
      await core.contacts.create({ givenName: 'Precious' });
      const error = await restoreBackup(core.store, mutate(file), 'replace').catch(
        (e: unknown) => e,
      );
      expect((await reopen()).contacts.all().map((c) => c.givenName)).toEqual(['Precious']);
      expect(error).toBeInstanceOf(BackupError);
      return (error as BackupError).message;
    }

    it('truncated', async () => {
      expect(await attempt((f) => f.slice(0, f.length / 2))).toMatch(/damaged or incomplete/);
    });
    it('not a backup at all', async () => {
      expect(await attempt(() => '{"hello":"world"}')).toBe('This file is not a Tadamun backup.');
    });
    it('from a newer version', async () => {
      expect(await attempt((f) => f.replace('"version":1', '"version":99'))).toMatch(
        /newer version of Tadamun/,
      );
    });
    it('a record removed (counts disagree)', async () => {
      const message = await attempt((f) => {
        const json = JSON.parse(f);
        json.tables.contacts.pop();
        return JSON.stringify(json);
      });
      expect(message).toMatch(/contacts should have 2 records but has 1/);
    });
    it('a record altered into something invalid', async () => {
      expect(await attempt((f) => f.replace('amal@example.org', 'amal-at-example'))).toMatch(
        /contacts record \d: emails.0.value: not a valid email address/,
      );
    });
  });
});

describe('saved filters in backups', () => {
  const senators = { chamber: 'upper' as const, region: 'Texas' };

  async function sourceWithFilters() {
    const source = await freshDataCore();
    await source.core.contacts.create({ givenName: 'From backup' });
    const savedFilters = await source.core.savedFilters.add('الحلفاء', { tag: 'حليف' });
    return { source, savedFilters };
  }

  it('are restored with the records, replacing the workspace’s own', async () => {
    const { source, savedFilters } = await sourceWithFilters();
    const file = serializeBackup(createBackup(source.core.store, new Date(), { savedFilters }));
    const { core, reopen } = await freshDataCore();
    await core.savedFilters.add('Replaced', senators);
    await restoreBackup(core.store, file, 'replace');
    expect(await core.savedFilters.all()).toEqual(savedFilters);
    const again = await reopen();
    expect(await again.savedFilters.all()).toEqual(savedFilters);
    expect(again.contacts.all().map((c) => c.givenName)).toEqual(['From backup']);
  });

  it('a backup made before they were backed up restores, leaving them as they are', async () => {
    const { source } = await sourceWithFilters();
    const file = serializeBackup(createBackup(source.core.store));
    expect(JSON.parse(file)).not.toHaveProperty('savedFilters');
    const { core, reopen } = await freshDataCore();
    const kept = await core.savedFilters.add('Kept', senators);
    await restoreBackup(core.store, file, 'into-empty');
    const again = await reopen();
    expect(again.contacts.all().map((c) => c.givenName)).toEqual(['From backup']);
    expect(await again.savedFilters.all()).toEqual(kept);
  });

  it('a damaged saved filter is named, and nothing changes', async () => {
    const { source, savedFilters } = await sourceWithFilters();
    const json = JSON.parse(
      serializeBackup(createBackup(source.core.store, new Date(), { savedFilters })),
    );
    json.savedFilters[0].filter.chamber = 'senate';
    const { core, reopen } = await freshDataCore();
    await core.contacts.create({ givenName: 'Precious' });
    const kept = await core.savedFilters.add('Kept', senators);
    const error = await restoreBackup(core.store, JSON.stringify(json), 'replace').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).message).toMatch(/saved filter 1: filter\.chamber/);
    const again = await reopen();
    expect(again.contacts.all().map((c) => c.givenName)).toEqual(['Precious']);
    expect(await again.savedFilters.all()).toEqual(kept);
  });

  it('a restore that fails to write changes neither records nor saved filters', async () => {
    const { source, savedFilters } = await sourceWithFilters();
    const file = serializeBackup(createBackup(source.core.store, new Date(), { savedFilters }));
    const { core, reopen } = await freshDataCore();
    await core.contacts.create({ givenName: 'Precious' });
    const kept = await core.savedFilters.add('Kept', senators);
    const before = recordSnapshot(core);
    // Clearing chunks, pending, the chunk put, then the saved filters' delete and put.
    for (const n of [1, 2, 3, 4, 5]) {
      await failNthWrite(core, n);
      await expect(restoreBackup(core.store, file, 'replace')).rejects.toThrow(/disk is full/);
      expect(recordSnapshot(core)).toEqual(before);
      expect(await core.savedFilters.all()).toEqual(kept);
    }
    const again = await reopen();
    expect(recordSnapshot(again)).toEqual(before);
    expect(await again.savedFilters.all()).toEqual(kept);
  });
});
