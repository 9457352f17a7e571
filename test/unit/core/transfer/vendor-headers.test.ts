import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertRows, guessMapping, vendorFormat } from '@core/transfer';
import { readImportFile } from '@core/transfer/read-import-file';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/imports');

/** A fixture read, mapped and converted as the wizard does with no manual mapping. */
function importFixture(name: string) {
  const file = readImportFile(name, readFileSync(path.join(FIXTURES, name)));
  if (!file.table) throw new Error(`${name} is not a table`);
  const mapping = guessMapping(file.table.headers);
  return { file, mapping, preview: convertRows(file.table, mapping) };
}

describe('exports from contact tools, with no manual mapping', () => {
  it('Google Contacts CSV: middle name to the given name, typed values, parts over Formatted', () => {
    const { file, preview } = importFixture('google-contacts.csv');
    expect(vendorFormat(file.table?.headers ?? [])).toBe('google');
    expect(preview.problems).toEqual([]);
    const [layla, omar, sara] = preview.valid;
    expect(layla).toMatchObject({
      honorific: 'Dr.',
      givenName: 'Layla K.',
      familyName: 'Haddad',
      title: 'Policy Director',
      organizationName: 'Helem',
      emails: [
        { label: 'Work', value: 'layla@helem.example' },
        { label: 'Home', value: 'layla.h@mail.example' },
      ],
      phones: [
        { label: 'Mobile', value: '+961 3 123 456' },
        { label: 'Mobile', value: '+961 70 123 456' },
        { label: 'Work', value: '+961 1 745 000' },
      ],
      addresses: [
        {
          label: 'Work',
          lines: ['Rue Spears 5'],
          locality: 'Beirut',
          postalCode: '1107',
          country: 'Lebanon',
        },
        { label: 'Home', lines: [], locality: 'Jounieh', country: 'Lebanon' },
      ],
      websites: [{ label: 'Profile', value: 'https://helem.example/layla' }],
      tags: ['Allies'],
    });
    expect(layla?.displayName).toBeUndefined();
    expect(layla?.notes).toBe(
      'Nickname: Lulu\n\nMet at the Beirut forum\nOrganization 1 - Department: Advocacy',
    );
    expect(omar).toMatchObject({
      givenName: 'Omar',
      familyName: 'Saleh',
      emails: [{ label: 'Other', value: 'omar@mail.example' }],
      addresses: [{ label: 'Home', lines: ['12 Hamra Street', 'Beirut'] }],
      tags: [],
    });
    expect(sara).toMatchObject({
      givenName: 'سارة',
      familyName: 'المصري',
      addresses: [{ label: 'Home', lines: [], locality: 'القاهرة' }],
      tags: ['صحفيون'],
    });
  });

  it('Google Contacts CSV, newer "Labels" shape: suffix joins the family name', () => {
    const { preview } = importFixture('google-contacts-labels.csv');
    expect(preview.problems).toEqual([]);
    expect(preview.valid[0]).toMatchObject({
      givenName: 'Nadia R.',
      familyName: 'Khoury PhD',
      organizationName: 'Arab Foundation for Freedoms',
      title: 'Researcher',
      tags: ['Researchers'],
      emails: [{ label: 'Work', value: 'nadia@aff.example' }],
      addresses: [
        {
          label: 'Work',
          lines: [],
          locality: 'Beirut',
          region: 'Beirut Governorate',
          country: 'Lebanon',
        },
      ],
    });
  });

  it('Outlook CSV: Title is the honorific, business address first, home kept too', () => {
    const { file, preview } = importFixture('outlook.csv');
    expect(vendorFormat(file.table?.headers ?? [])).toBe('outlook');
    expect(preview.problems).toEqual([]);
    const [karim, hala] = preview.valid;
    expect(karim).toMatchObject({
      honorific: 'Dr.',
      givenName: 'Karim K.',
      familyName: 'Nassar',
      title: 'Program Manager',
      organizationName: 'Helem',
      formOfAddress: 'masculine',
      emails: [{ value: 'karim@helem.example' }, { value: 'k.nassar@mail.example' }],
      phones: [
        { label: 'work', value: '+961 1 745 000' },
        { label: 'mobile', value: '+961 3 222 333' },
      ],
      addresses: [
        {
          label: 'work',
          lines: ['Rue Spears 5', 'Floor 3'],
          locality: 'Beirut',
          postalCode: '1107',
          country: 'Lebanon',
        },
        { label: 'home', lines: [], locality: 'Jounieh', country: 'Lebanon' },
      ],
      tags: ['Allies', 'Press'],
      websites: [{ value: 'https://helem.example' }],
    });
    expect(karim?.displayName).toBeUndefined();
    expect(karim?.notes).toBe('Department: Advocacy\n\nPrefers Arabic');
    expect(hala).toMatchObject({
      formOfAddress: 'unknown',
      addresses: [
        { label: 'home', lines: ['7 Rue Monot'], locality: 'Beirut', country: 'Lebanon' },
      ],
    });
  });

  it('Thunderbird CSV: work address, region, postcode and nickname kept, kinds told apart', () => {
    const { file, preview } = importFixture('thunderbird.csv');
    expect(vendorFormat(file.table?.headers ?? [])).toBe('thunderbird');
    expect(preview.problems).toEqual([]);
    const [youssef, mona] = preview.valid;
    expect(youssef).toMatchObject({
      givenName: 'Youssef',
      familyName: 'Amin',
      title: 'Coordinator',
      organizationName: 'Kifkif',
      emails: [{ value: 'youssef@ngo.example' }, { value: 'jo@mail.example' }],
      phones: [
        { label: 'work', value: '+212 5 22 00 00 00' },
        { label: 'mobile', value: '+212 6 11 22 33 44' },
      ],
      addresses: [
        {
          label: 'work',
          lines: ['Boulevard Zerktouni 100', 'Bureau 4'],
          locality: 'Casablanca',
          region: 'Casablanca-Settat',
          postalCode: '20000',
          country: 'Morocco',
        },
      ],
      websites: [{ value: 'https://kifkif.example' }],
    });
    expect(youssef?.displayName).toBeUndefined();
    expect(youssef?.notes).toBe('Nickname: Jo\nDepartment: Outreach\n\nWorks on the asylum file');
    expect(mona?.addresses).toEqual([
      { label: 'home', lines: [], locality: 'Tunis', country: 'Tunisia' },
    ]);
  });

  it('Thunderbird in British English: County and Postcode', () => {
    const headers = [
      'First Name',
      'Last Name',
      'Display Name',
      'Primary Email',
      'Work Address',
      'Work City',
      'Work County',
      'Work Postcode',
      'Work Country',
    ];
    const mapping = guessMapping(headers);
    expect(mapping.fields).toEqual([
      'givenName',
      'familyName',
      'displayName',
      'emails',
      'address1.lines',
      'address1.locality',
      'address1.region',
      'address1.postalCode',
      'address1.country',
    ]);
  });

  it('Excel CSV from an Arabic Windows: Windows-1256 with semicolons, a city alone is an address', () => {
    const { file, preview } = importFixture('excel-arabic-windows-1256.csv');
    expect(file.encoding).toBe('windows-1256');
    expect(file.table && 'delimiter' in file.table && file.table.delimiter).toBe(';');
    expect(preview.problems).toEqual([]);
    expect(preview.valid).toEqual([
      expect.objectContaining({
        givenName: 'ليلى',
        familyName: 'حداد',
        emails: [{ value: 'layla@helem.example' }],
        phones: [{ value: '03123456' }],
        country: 'لبنان',
        organizationName: 'حلم',
        addresses: [{ lines: [], locality: 'بيروت' }],
        notes: 'التقينا في المنتدى',
      }),
      expect.objectContaining({ givenName: 'عمر', addresses: [{ lines: [], locality: 'عمّان' }] }),
      expect.objectContaining({ givenName: 'نور', addresses: [], organizationName: 'Helem' }),
    ]);
  });

  it('leaves a plain header row to the word-by-word guess', () => {
    expect(vendorFormat(['Name', 'Email', 'City'])).toBeUndefined();
  });
});
