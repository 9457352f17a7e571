import { describe, expect, it } from 'vitest';
import { parseVCards, TransferFileError } from '@core/transfer';

const CARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Haddad;Layla;;Dr.;',
  'FN:Dr. Layla Haddad',
  'ORG:Ministry of',
  '  Justice;Legal Department',
  'TITLE:Adviser',
  'EMAIL;TYPE=INTERNET,WORK:layla@example.org',
  'EMAIL;TYPE=INTERNET:layla.home@example.org',
  'TEL;TYPE=CELL:+961 1 234 567',
  'ADR;TYPE=WORK:;;12 Main St\\nFloor 2;Beirut;;1100;Lebanon',
  'CATEGORIES:health,press',
  'NOTE:Met at the forum\\, 2025\\nFollow up',
  'item1.URL:https://example.org/layla',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:سارة المصري',
  'N:المصري;سارة;;;',
  'GENDER:F',
  'LANG:ar',
  'TEL;VALUE=uri:tel:+20-2-555-0100',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Broken Email',
  'EMAIL:not-an-email',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Never closed',
  '',
].join('\r\n');

describe('vCard import', () => {
  it('reads 3.0 and 4.0 cards from one file, folded lines included', () => {
    const result = parseVCards(CARDS);
    expect(result.valid).toEqual([
      expect.objectContaining({
        displayName: 'Dr. Layla Haddad',
        givenName: 'Layla',
        familyName: 'Haddad',
        honorific: 'Dr.',
        organizationName: 'Ministry of Justice',
        title: 'Adviser',
        emails: [
          { label: 'WORK', value: 'layla@example.org' },
          { value: 'layla.home@example.org' },
        ],
        phones: [{ label: 'CELL', value: '+961 1 234 567' }],
        addresses: [
          {
            label: 'WORK',
            lines: ['12 Main St', 'Floor 2'],
            locality: 'Beirut',
            postalCode: '1100',
            country: 'Lebanon',
          },
        ],
        tags: ['health', 'press'],
        notes: 'Met at the forum, 2025\nFollow up',
        websites: [{ value: 'https://example.org/layla' }],
      }),
      expect.objectContaining({
        givenName: 'سارة',
        familyName: 'المصري',
        formOfAddress: 'feminine',
        preferredLanguage: 'ar',
        phones: [{ value: '+20-2-555-0100' }],
      }),
    ]);
    expect(result.valid[1]?.displayName).toBeUndefined();
  });

  it('names the card and property of a bad value, and a card left open', () => {
    const result = parseVCards(CARDS);
    expect(result.problems).toEqual([
      {
        code: 'invalid-email',
        row: 3,
        column: 'EMAIL',
        columnIndex: 0,
        value: 'not-an-email',
        person: 'Broken Email',
      },
      expect.objectContaining({ code: 'malformed-card', row: 4, person: 'Never closed' }),
    ]);
    expect(result.validRows).toEqual([1, 2]);
  });

  it('refuses an empty file and a file without cards', () => {
    expect(() => parseVCards('  \n')).toThrow(TransferFileError);
    expect(() => parseVCards('Name,Email\nA,b@c.org\n')).toThrow('no-cards');
  });
});
