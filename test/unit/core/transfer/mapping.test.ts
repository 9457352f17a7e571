import { describe, expect, it } from 'vitest';
import { guessField, guessMapping } from '@core/transfer';

describe('header → field guesses', () => {
  it.each([
    ['Last name', 'familyName'],
    ['FIRST NAME', 'givenName'],
    ['Name', 'displayName'],
    ['الاسم', 'displayName'],
    ['الإسم', 'displayName'],
    ['البريد الإلكتروني', 'emails'],
    ['البريد الالكترونى', 'emails'],
    ['E-mail', 'emails'],
    ['Work email', 'emails'],
    ['E-mail 2', 'emails'],
    ['رقم الهاتف', 'phones'],
    ['Mobile phone', 'phones'],
    ['الجوّال', 'phones'],
    ['اسم العائلة', 'familyName'],
    ['الاسم الأول', 'givenName'],
    ['المنصب', 'title'],
    ['Job Title', 'title'],
    ['المؤسسة', 'organizationName'],
    ['Company', 'organizationName'],
    ['الدائرة الانتخابية', 'district'],
    ['Party', 'party'],
    ['المحافظة', 'region'],
    ['Address', 'address1.lines'],
    ['Address 2', 'address2.lines'],
    ['City', 'address1.locality'],
    ['Address 2 city', 'address2.locality'],
    ['Zip', 'address1.postalCode'],
    ['الرمز البريدي', 'address1.postalCode'],
    ['Tags', 'tags'],
    ['الوسوم', 'tags'],
    ['ملاحظات', 'notes'],
    ['Gender', 'formOfAddress'],
    ['Type', 'kind'],
    ['اللغة', 'preferredLanguage'],
    ['E-mail 1 - Type', 'ignore'],
    ['Favourite colour', 'ignore'],
    ['', 'ignore'],
  ])('%s → %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it('gives a single-value field to the first column only; list fields to every column', () => {
    const mapping = guessMapping([
      'Name',
      'Full name',
      'Email',
      'Work email',
      'Phone',
      'Notes',
      'Comments',
    ]);
    expect(mapping.fields).toEqual([
      'displayName',
      'ignore',
      'emails',
      'emails',
      'phones',
      'notes',
      'notes',
    ]);
    expect(mapping.defaults).toEqual({});
  });

  it('the officials preset reads officials lists and makes every row an official', () => {
    const headers = [
      'Member',
      'Title',
      'Chamber',
      'District',
      'Party',
      'Office address',
      'Email',
      'Phone',
      'Notes',
      'Kind',
    ];
    const mapping = guessMapping(headers, 'officials');
    expect(mapping.fields).toEqual([
      'displayName',
      'title',
      'chamber',
      'district',
      'party',
      'address1.lines',
      'emails',
      'phones',
      'ignore',
      'ignore',
    ]);
    expect(mapping.defaults).toEqual({ kind: 'official' });
    expect(guessMapping(['النائب', 'المجلس', 'الدائرة', 'الحزب'], 'officials').fields).toEqual([
      'displayName',
      'chamber',
      'district',
      'party',
    ]);
  });
});
