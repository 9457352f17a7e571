import { describe, expect, it } from 'vitest';
import {
  arabicIntlLocale,
  regionOfTag,
  resolveArabicDigits,
  toArabicIndic,
} from '@core/domain/arabic-region';

describe('Arabic regions', () => {
  it('reads the region from a language tag, and none from a bare or English one', () => {
    expect(regionOfTag('ar-LB')).toBe('levant-iraq');
    expect(regionOfTag('ar-iq')).toBe('levant-iraq');
    expect(regionOfTag('ar-EG')).toBe('egypt-gulf');
    expect(regionOfTag('ar-SA')).toBe('egypt-gulf');
    expect(regionOfTag('ar-DZ')).toBe('tunisia-algeria');
    expect(regionOfTag('ar-Arab-MA')).toBe('morocco');
    expect(regionOfTag('ar')).toBeUndefined();
    expect(regionOfTag('en-MA')).toBeUndefined();
    expect(regionOfTag(undefined)).toBeUndefined();
  });

  it('takes the digits from the region only when asked to', () => {
    expect(resolveArabicDigits('region', 'levant-iraq')).toBe('arabic-indic');
    expect(resolveArabicDigits('region', 'morocco')).toBe('latin');
    expect(resolveArabicDigits('latin', 'levant-iraq')).toBe('latin');
    expect(resolveArabicDigits('arabic-indic', 'morocco')).toBe('arabic-indic');
  });

  it('names month names through Intl as each region writes them', () => {
    const november = new Date(2026, 10, 30);
    const month = (region: Parameters<typeof arabicIntlLocale>[0]) =>
      new Intl.DateTimeFormat(arabicIntlLocale(region, 'latin'), { month: 'long' }).format(
        november,
      );
    expect(month('levant-iraq')).toBe('تشرين الثاني');
    expect(month('egypt-gulf')).toBe('نوفمبر');
    expect(
      new Intl.DateTimeFormat(arabicIntlLocale('tunisia-algeria', 'latin'), {
        month: 'long',
      }).format(new Date(2026, 0, 5)),
    ).toBe('جانفي');
    expect(month('morocco')).toBe('نونبر');
    expect(toArabicIndic('47/2026')).toBe('٤٧/٢٠٢٦');
  });
});
