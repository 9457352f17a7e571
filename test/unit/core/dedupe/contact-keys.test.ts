import { describe, expect, it } from 'vitest';
import {
  nameSkeleton,
  nameTokens,
  phoneDigits,
  samePhone,
} from '@core/dedupe/contact-keys';
import { nameSimilarity, nameWords } from '@core/dedupe/name-similarity';

const phonesMatch = (a: string, b: string) => {
  const x = phoneDigits(a);
  const y = phoneDigits(b);
  return Boolean(x && y && samePhone(x, y));
};
const names = (a: string, b: string) =>
  nameSimilarity(nameWords(nameTokens(a)), nameWords(nameTokens(b)));

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

  it('scores equal names 1, in either word order', () => {
    expect(names('Layla Haddad', 'layla HADDAD')).toBe(1);
    expect(names('Haddad Layla', 'Layla Haddad')).toBe(1);
    expect(names('ليلى حداد', 'حداد ليلى')).toBe(1);
  });

  it('scores Arabic spelling variants and joined compound names high', () => {
    expect(names('أحمد الحسن', 'احمد الحسن')).toBe(1);
    expect(names('فاطمة الزهراء', 'فاطمه الزهرا')).toBeGreaterThanOrEqual(0.9);
    expect(names('عبد الله حداد', 'عبدالله حداد')).toBeGreaterThanOrEqual(0.9);
  });

  it('tolerates one typo per word, not other names', () => {
    expect(names('Jonathan Smith', 'Jonathon Smith')).toBeGreaterThan(0.9);
    expect(names('Karim Nassar', 'Karim Nasser')).toBeGreaterThan(0.9);
    expect(names('Layla Haddad', 'Layla Hammoud')).toBeLessThan(0.75);
    expect(names('Omar Khalil', 'Rania Khalil')).toBeLessThan(0.75);
  });

  it('counts words only one name has against it, and a one-word name never reaches 1', () => {
    expect(names('Layla Haddad', 'Layla Haddad Khoury')).toBeCloseTo(2 / 3);
    expect(names('Layla', 'Layla')).toBe(0.8);
    expect(names('', 'Layla')).toBe(0);
  });
});
