import { describe, expect, it } from 'vitest';
import { letterFileName, safeFileName } from '@core/letters';
import { contact, HADDAD, LETTER_DATE, REEM } from './fixtures';

describe('file names', () => {
  it("names letters by date and addressee, in the letter's language", () => {
    expect(letterFileName(LETTER_DATE, contact(HADDAD), 'en')).toBe(
      '2026-11-30 Letter to Sen. Haddad.docx',
    );
    expect(
      letterFileName(
        LETTER_DATE,
        contact({ honorific: 'Council Member', familyName: 'Ortiz' }),
        'en',
      ),
    ).toBe('2026-11-30 Letter to Council Member Ortiz.docx');
    expect(
      letterFileName(LETTER_DATE, contact({ givenName: 'Sam', familyName: 'Rivera' }), 'en'),
    ).toBe('2026-11-30 Letter to Sam Rivera.docx');
    expect(letterFileName(LETTER_DATE, contact(REEM), 'ar')).toBe(
      '2026-11-30 رسالة إلى النائبة ريم الحداد.docx',
    );
    expect(
      letterFileName(
        LETTER_DATE,
        contact({ givenName: 'كريم', familyName: 'سعيد', formOfAddress: 'masculine' }),
        'ar',
      ),
    ).toBe('2026-11-30 رسالة إلى السيد كريم سعيد.docx');
  });

  it('removes characters Windows and macOS refuse, and trailing dots', () => {
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j\u0001k\u202El. ', 'docx')).toBe('abcdefghijkl.docx');
    expect(safeFileName('...', 'zip')).toBe('letter.zip');
    expect(letterFileName(LETTER_DATE, contact({ displayName: 'Office: A/B "C"' }), 'en')).toBe(
      '2026-11-30 Letter to Office AB C.docx',
    );
  });
});
