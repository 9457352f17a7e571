import { describe, expect, it } from 'vitest';
import { renderLetter, templateBuilders as b } from '@core/letters';
import { LETTER_DATE, settings } from './fixtures';
import { template, texts } from './rendering';

describe('dates and addresses', () => {
  const today = (language: 'en' | 'ar', input: Parameters<typeof settings>[0]) =>
    texts(
      renderLetter(template(b.doc(b.paragraph('{{ today }}')), { language }), {
        settings: settings(input),
        date: LETTER_DATE,
      }).body,
    )[0];

  it("formats today for the letter's language, digits and calendar", () => {
    expect(today('en', {})).toBe('30 November 2026');
    expect(today('en', { letterPaper: 'letter' })).toBe('November 30, 2026');
    expect(today('ar', { arabicDigits: 'latin' })).toBe('30 نوفمبر 2026');
    expect(today('ar', { arabicDigits: 'arabic-indic' })).toBe('٣٠ نوفمبر ٢٠٢٦');
    expect(today('ar', { arabicDigits: 'arabic-indic', showHijriDate: true })).toBe(
      '٣٠ نوفمبر ٢٠٢٦ م، الموافق ٢٠ جمادى الآخرة ١٤٤٨ هـ',
    );
    expect(today('ar', { arabicDigits: 'latin', showHijriDate: true })).toBe(
      '30 نوفمبر 2026 م، الموافق 20 جمادى الآخرة 1448 هـ',
    );
  });
});
