import { describe, expect, it } from 'vitest';
import { contactsToCsv, exportFileName, selectForExport } from '@core/transfer';
import { closingAfterEach } from '../../../helpers/fresh-data-core';

const core = closingAfterEach();

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
    // In the UI language, without characters a file name cannot hold.
    expect(exportFileName(new Date(2027, 0, 2), 'csv', 'جهات اتصال تضامن')).toBe(
      '2027-01-02 جهات اتصال تضامن.csv',
    );
    expect(exportFileName(new Date(2027, 0, 2), 'csv', 'a/b:c')).toBe('2027-01-02 abc.csv');
  });
});
