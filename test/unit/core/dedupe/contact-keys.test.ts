import { describe, expect, it } from 'vitest';
import { nameSkeleton, nameTokens, phoneDigits, samePhone } from '@core/dedupe/contact-keys';

const phonesMatch = (a: string, b: string) => {
  const x = phoneDigits(a);
  const y = phoneDigits(b);
  return Boolean(x && y && samePhone(x, y));
};

describe('phone numbers', () => {
  it('compares digits only, Arabic-Indic digits folded', () => {
    expect(phonesMatch('+961 3 123 456', '+961-3-123456')).toBe(true);
    expect(phonesMatch('٠٣ ١٢٣ ٤٥٦', '03 123 456')).toBe(true);
    expect(phonesMatch('۰۳ ۱۲۳ ۴۵۶', '(03) 123-456')).toBe(true);
  });

  it('tolerates a leading country code, "00" or "+", and the trunk 0', () => {
    expect(phonesMatch('+961 3 123 456', '03 123 456')).toBe(true);
    expect(phonesMatch('00961 3 123 456', '3 123 456')).toBe(true);
    expect(phonesMatch('+1 202-224-3121', '(202) 224-3121')).toBe(true);
  });

  it('does not match other numbers or too short endings', () => {
    expect(phonesMatch('+961 3 123 456', '+961 3 123 457')).toBe(false);
    // The same last 6 digits are not enough.
    expect(phonesMatch('+961 1 123 456', '123 456')).toBe(false);
    // More than a country code in front: another number.
    expect(phonesMatch('+44 20 7946 0958', '7946 0958')).toBe(false);
    expect(phoneDigits('12-34')).toBeUndefined();
  });
});

describe('names', () => {
  it('normalizes words and drops separate articles and initials', () => {
    expect(nameTokens('Layla M. Al-Haddad')).toEqual(['layla', 'haddad']);
    expect(nameTokens('لَيْلى الحدّاد')).toEqual(['ليلي', 'الحداد']);
  });

  it('gives Latin and Arabic spelling variants one skeleton', () => {
    expect(nameSkeleton('mohammed')).toBe(nameSkeleton('muhammad'));
    expect(nameSkeleton('katherine')).toBe(nameSkeleton('catherine'));
    expect(nameSkeleton('الحسن')).toBe(nameSkeleton('حسن'));
    expect(nameSkeleton('haddad')).not.toBe(nameSkeleton('hammad'));
  });
});
