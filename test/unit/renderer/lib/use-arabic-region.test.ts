import { describe, expect, it } from 'vitest';
import { dateLocale } from '@renderer/lib/use-arabic-region';

describe('dateLocale', () => {
  it("dates the Arabic UI in the workspace's region, the English UI as it is", () => {
    expect(dateLocale('ar', 'levant-iraq')).toBe('ar-LB');
    expect(dateLocale('ar', 'morocco')).toBe('ar-MA');
    expect(dateLocale('en', 'morocco')).toBe('en');
    const november = new Date(Date.UTC(2026, 10, 30));
    const long = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(november);
    expect(long(dateLocale('ar', 'levant-iraq'))).toBe('٣٠ تشرين الثاني ٢٠٢٦');
    expect(long(dateLocale('ar', 'tunisia-algeria'))).toBe('30 نوفمبر 2026');
  });
});
