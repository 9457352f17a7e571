import { describe, expect, it } from 'vitest';
import { renderLetter, templateBuilders as b } from '@core/letters';
import { HADDAD, LETTER_DATE, recipient, REEM, settings } from './fixtures';
import { render, template, texts } from './rendering';

describe('salutations', () => {
  const salutation = (input: Parameters<typeof recipient>[0], language: 'en' | 'ar') =>
    texts(
      render(
        b.doc(b.paragraph(b.field('salutation'))),
        { language, direction: language === 'ar' ? 'rtl' : 'ltr' },
        recipient(input),
      ).body,
    )[0];
  const noOne = (language: 'en' | 'ar') =>
    texts(
      renderLetter(template(b.doc(b.paragraph(b.field('salutation'))), { language }), {
        settings: settings(),
        date: LETTER_DATE,
      }).body,
    )[0];

  it.each([
    [HADDAD, 'Dear Senator Haddad,'],
    [
      { honorific: 'Sen.', givenName: 'Omar', familyName: 'Nasser', formOfAddress: 'masculine' },
      'Dear Senator Nasser,',
    ],
    [{ givenName: 'Tom', familyName: 'Baker', chamber: 'lower' }, 'Dear Representative Baker,'],
    [
      {
        honorific: 'Council Member',
        givenName: 'Daniela',
        familyName: 'Ortiz',
        formOfAddress: 'feminine',
      },
      'Dear Council Member Ortiz,',
    ],
    [{ givenName: 'Daniela', familyName: 'Ortiz', formOfAddress: 'feminine' }, 'Dear Ms. Ortiz,'],
    [{ givenName: 'Samir', familyName: 'Khalil', formOfAddress: 'masculine' }, 'Dear Mr. Khalil,'],
    [{ givenName: 'Alex', familyName: 'Kim', formOfAddress: 'neutral' }, 'Dear Mx. Kim,'],
    [{ givenName: 'Alex', familyName: 'Padilla', chamber: 'upper' }, 'Dear Senator Padilla,'],
    [
      { givenName: 'Sam', familyName: 'Lee', chamber: 'lower', formOfAddress: 'neutral' },
      'Dear Representative Lee,',
    ],
    [{ givenName: 'Robin', familyName: 'Kaye', kind: 'official' }, 'Dear Robin Kaye,'],
    [{ givenName: 'Sam', familyName: 'Rivera' }, 'Dear Sam Rivera,'],
    [
      { honorific: 'الدكتورة', givenName: 'Reem', familyName: 'Haddad', formOfAddress: 'feminine' },
      'Dear Ms. Haddad,',
    ],
    [{ displayName: 'Housing Committee staff' }, 'Dear Housing Committee staff,'],
  ] as const)('English: %o → %s', (input, expected) => {
    expect(salutation(input, 'en')).toBe(expected);
  });

  it.each([
    [REEM, 'سعادة النائبة الدكتورة ريم الحداد المحترمة،'],
    [
      {
        honorific: 'النائب',
        givenName: 'سامر',
        familyName: 'خليل',
        chamber: 'unicameral',
        formOfAddress: 'masculine',
      },
      'سعادة النائب سامر خليل المحترم،',
    ],
    [
      {
        honorific: 'الدكتور',
        givenName: 'هشام',
        familyName: 'فهمي',
        chamber: 'executive',
        kind: 'official',
        formOfAddress: 'masculine',
      },
      'سعادة الدكتور هشام فهمي المحترم،',
    ],
    [
      { givenName: 'منى', familyName: 'سليم', kind: 'official', formOfAddress: 'feminine' },
      'سعادة السيدة منى سليم المحترمة،',
    ],
    [
      { givenName: 'منى', familyName: 'سليم', kind: 'journalist', formOfAddress: 'feminine' },
      'السيدة منى سليم المحترمة،',
    ],
    [
      { honorific: 'الأستاذ', givenName: 'كريم', familyName: 'سعيد', formOfAddress: 'masculine' },
      'الأستاذ كريم سعيد المحترم،',
    ],
    [{ givenName: 'نور', familyName: 'حسن' }, 'حضرة نور حسن،'],
    // Gender unknown or non-binary: by title, with no gendered word.
    [
      { givenName: 'Alex', familyName: 'Padilla', chamber: 'upper', kind: 'official' },
      'سعادة عضو مجلس الشيوخ Alex Padilla،',
    ],
    [
      { givenName: 'Sam', familyName: 'Lee', chamber: 'lower', formOfAddress: 'neutral' },
      'سعادة عضو مجلس النواب Sam Lee،',
    ],
    [{ givenName: 'نور', familyName: 'حسن', chamber: 'unicameral' }, 'سعادة عضو البرلمان نور حسن،'],
    [{ givenName: 'نور', familyName: 'حسن', kind: 'official' }, 'سعادة نور حسن،'],
    [
      { honorific: 'Dr.', givenName: 'نور', familyName: 'حسن', formOfAddress: 'neutral' },
      'حضرة نور حسن،',
    ],
  ] as const)('Arabic: %o → %s', (input, expected) => {
    expect(salutation(input, 'ar')).toBe(expected);
  });

  it('falls back to a greeting for no one in particular', () => {
    expect(noOne('en')).toBe('Dear Friends,');
    expect(noOne('ar')).toBe('حضرات السادة المحترمين،');
  });
});
