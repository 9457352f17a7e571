import { describe, expect, it } from 'vitest';
import { directionOf, formattingLocale, pickUiLanguage } from '@shared/i18n/languages';

describe('languages', () => {
  it('knows which languages are written right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('fa')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('fr-FR')).toBe('ltr');
  });

  it('picks the first supported OS language, else English', () => {
    expect(pickUiLanguage(['ar-SA', 'en-US'])).toBe('ar');
    expect(pickUiLanguage(['de-DE', 'EN-gb'])).toBe('en');
    expect(pickUiLanguage(['de-DE', 'fr'])).toBe('en');
    expect(pickUiLanguage([])).toBe('en');
  });

  it('formats every number and date of the Arabic UI with Arabic-Indic digits, one style', () => {
    const number = new Intl.NumberFormat(formattingLocale('ar')).format(1234);
    expect(number).toBe('١٬٢٣٤');
    const day = new Intl.DateTimeFormat(formattingLocale('ar'), {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date('2026-12-06T00:00:00Z'));
    expect(day).not.toMatch(/[0-9]/);
    expect(day).toMatch(/[٠-٩]/);
    expect(formattingLocale('en')).toBe('en');
  });
});
