import { describe, expect, it } from 'vitest';
import { formattersFor } from '@renderer/lib/use-formatters';

describe('formattersFor', () => {
  it('makes the formatters of a language and locale once: every card shares them', () => {
    const first = formattersFor('en', 'en');
    expect(formattersFor('en', 'en')).toBe(first);
    // Another locale (an Arabic region) or language has its own.
    expect(formattersFor('ar', 'ar-LB')).not.toBe(formattersFor('ar', 'ar-MA'));
    expect(formattersFor('ar', 'ar-LB')).toBe(formattersFor('ar', 'ar-LB'));
  });

  it('formats in its locale, days without a time zone', () => {
    const en = formattersFor('en', 'en');
    expect(en.day('2026-11-30')).toBe('Nov 30, 2026');
    expect(en.percent(0.125)).toBe('12.5%');
    expect(en.number(1234)).toBe('1,234');
    expect(en.languageName('ar')).toBe('Arabic');
    expect(en.languageName('not a tag')).toBe('not a tag');
    expect(formattersFor('ar', 'ar-u-nu-arab').day('2026-11-30')).toBe('٣٠‏/١١‏/٢٠٢٦');
  });
});
