import { describe, expect, it } from 'vitest';
import { nameTokens } from '@core/dedupe/contact-keys';
import { nameSimilarity, nameWords } from '@core/dedupe/name-similarity';

const names = (a: string, b: string) =>
  nameSimilarity(nameWords(nameTokens(a)), nameWords(nameTokens(b)));

describe('names', () => {
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
