import { describe, expect, it } from 'vitest';
import { directionOf, pickUiLanguage } from '@shared/i18n/languages';

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
});
