export type LetterLanguage = 'en' | 'ar';

/** Letters are written in English or Arabic; 'ar-EG' and the like are Arabic. */
export function letterLanguage(tag: string): LetterLanguage {
  return tag.toLowerCase().split('-')[0] === 'ar' ? 'ar' : 'en';
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_SCRIPT = /[A-Za-z\u00C0-\u024F]/;

export const hasArabicScript = (value: string): boolean => ARABIC_SCRIPT.test(value);
export const hasLatinScript = (value: string): boolean => LATIN_SCRIPT.test(value);
