import { afterEach, describe, expect, it } from 'vitest';
import { REGION_LOCALE } from '@core/domain/arabic-region';
import { formatNumber } from '@renderer/lib/format-number';
import { formattingLocale, setArabicRegionLocale } from '@shared/i18n/languages';

const november = new Date(Date.UTC(2026, 10, 30));
const long = (language: string) =>
  new Intl.DateTimeFormat(formattingLocale(language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(november);

describe("the Arabic UI's formatting locale", () => {
  afterEach(() => setArabicRegionLocale(undefined));

  it("dates and counts in the open workspace's region, alike on every screen", () => {
    setArabicRegionLocale(REGION_LOCALE['levant-iraq']);
    expect(long('ar')).toBe('٣٠ تشرين الثاني ٢٠٢٦');
    expect(formatNumber(1234, 'ar')).toBe('١٬٢٣٤');
    setArabicRegionLocale(REGION_LOCALE['tunisia-algeria']);
    expect(long('ar')).toBe('30 نوفمبر 2026');
    expect(formatNumber(1234, 'ar')).toMatch(/^1.?234$/);
    expect(long('en')).toBe('November 30, 2026');
  });

  it('uses Arabic-Indic digits when no workspace is open', () => {
    expect(formattingLocale('ar')).toBe('ar-u-nu-arab');
    expect(formatNumber(12, 'ar')).toBe('١٢');
  });
});
