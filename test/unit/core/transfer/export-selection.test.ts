import { describe, expect, it } from 'vitest';
import { ValidationError } from '@core/index';
import {
  contactsToCsv,
  exportFileName,
  importContacts,
  linkOrganizations,
  selectForExport,
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

describe('export selection', () => {
  it('leaves sensitive contacts out unless asked, counting them, within all or the chosen ones', async () => {
    const { core: data } = await core();
    const [open, secret, other] = (
      await data.contacts.createMany([
        { displayName: 'Open' },
        { displayName: 'Secret', sensitive: true },
        { displayName: 'Other' },
      ])
    ).map((contact) => contact.id);
    const all = data.contacts.all();
    const names = (selection: { contacts: { displayName?: string }[] }) =>
      selection.contacts.map((c) => c.displayName).sort();
    const plain = selectForExport(all, { includeSensitive: false });
    expect([names(plain), plain.sensitiveLeftOut]).toEqual([['Open', 'Other'], 1]);
    expect(names(selectForExport(all, { includeSensitive: true }))).toEqual([
      'Open',
      'Other',
      'Secret',
    ]);
    const chosen = selectForExport(all, {
      contactIds: [open ?? '', secret ?? ''],
      includeSensitive: false,
    });
    expect([names(chosen), chosen.sensitiveLeftOut]).toEqual([['Open'], 1]);
    expect(
      selectForExport(all, { contactIds: [other ?? ''], includeSensitive: false }).sensitiveLeftOut,
    ).toBe(0);
    expect(contactsToCsv(plain.contacts, new Map())).not.toContain('Secret');
  });

  it('names files by the local day', () => {
    expect(exportFileName(new Date(2026, 10, 30, 23, 59), 'csv')).toBe(
      '2026-11-30 Tadamun contacts.csv',
    );
    expect(exportFileName(new Date(2027, 0, 2), 'vcf')).toBe('2027-01-02 Tadamun contacts.vcf');
  });
});
