import { describe, expect, it } from 'vitest';
import { normalizeForSearch, tokenize } from '@core/search';

describe('normalizeForSearch', () => {
  it('drops tashkeel, shadda, sukun and tatweel', () => {
    expect(normalizeForSearch('مُحَمَّد')).toBe('محمد');
    expect(normalizeForSearch('فاطِمَةُ')).toBe(normalizeForSearch('فاطمة'));
    expect(normalizeForSearch('عـــلي')).toBe('علي');
    expect(normalizeForSearch('سُكْنى')).toBe(normalizeForSearch('سكنى'));
  });

  it('folds alef and hamza forms, alef maqsura, taa marbuta, hamza on waw and yaa', () => {
    for (const form of ['أحمد', 'إحمد', 'آحمد', 'ٱحمد', 'احمد']) {
      expect(normalizeForSearch(form)).toBe('احمد');
    }
    expect(normalizeForSearch('مصطفى')).toBe(normalizeForSearch('مصطفي'));
    expect(normalizeForSearch('سارة')).toBe(normalizeForSearch('ساره'));
    expect(normalizeForSearch('مؤمن')).toBe('مومن');
    expect(normalizeForSearch('هانئ')).toBe('هاني');
  });

  it('ignores case and Latin accents, and treats apostrophes as part of a word', () => {
    expect(normalizeForSearch('Zoë BÉRANGER')).toBe('zoe beranger');
    expect(normalizeForSearch('José Muñoz')).toBe('jose munoz');
    expect(normalizeForSearch("Sa'id O’Brien")).toBe('said obrien');
  });

  it('reads Arabic-Indic and Persian digits as ASCII digits', () => {
    expect(normalizeForSearch('قانون ٢٠٢٦ / ۱۲')).toBe('قانون 2026 12');
  });

  it('splits on punctuation and spaces of any script, and leaves no empty words', () => {
    expect(tokenize('  Al-Hassan,  "Dana";  الحسن، ومنى؛  ')).toEqual([
      'al',
      'hassan',
      'dana',
      'الحسن',
      'ومني',
    ]);
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ،;-')).toEqual([]);
  });
});
