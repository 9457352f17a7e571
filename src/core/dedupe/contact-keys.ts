/**
 * Normalized forms of what identifies a person: e-mail addresses, phone numbers and names.
 * Duplicates are found by comparing these, and blocking keys derived from them decide which
 * contacts are compared at all.
 */
import { ARABIC_ARTICLE, tokenize } from '../search/normalize';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;

/** The digits of a phone number, Arabic-Indic and Persian digits folded to ASCII. */
export function digitsOf(phone: string): string {
  let digits = '';
  for (const char of phone) {
    const code = char.charCodeAt(0);
    if (code >= 0x30 && code <= 0x39) digits += char;
    else if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9)
      digits += String(code - ARABIC_INDIC_ZERO);
    else if (code >= EXTENDED_ARABIC_INDIC_ZERO && code <= EXTENDED_ARABIC_INDIC_ZERO + 9)
      digits += String(code - EXTENDED_ARABIC_INDIC_ZERO);
  }
  return digits;
}

/**
 * A phone number's digits without an international "00" prefix or a national trunk "0":
 * "+961 3 123 456", "00961 3 123456" and "٠٣ ١٢٣ ٤٥٦" give "9613123456", "9613123456" and
 * "3123456". Undefined under 6 digits: too short to say anything.
 */
export function phoneDigits(phone: string): string | undefined {
  const digits = digitsOf(phone).replace(/^0+/, '');
  return digits.length >= 6 ? digits : undefined;
}

/** Phone numbers are compared on their last digits (the subscriber number). */
export const PHONE_KEY_DIGITS = 7;
/** Longest country code: "+961 3 123 456" and "03 123 456" differ only by it. */
const MAX_COUNTRY_CODE = 3;

/** Whether two numbers from `phoneDigits` are the same line, with or without a country code. */
export function samePhone(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return (
    short.length >= PHONE_KEY_DIGITS &&
    long.length - short.length <= MAX_COUNTRY_CODE &&
    long.endsWith(short)
  );
}

/** Articles written as separate words ("al-Hassan", "el Sayed", "آل سعود"). */
const ARTICLES = new Set(['al', 'el', ARABIC_ARTICLE]);

/**
 * A person's name as normalized words (the search normalization: case, accents, tashkeel,
 * hamza and alef forms, ة/ه, ى/ي), without separate articles and initials when anything else
 * is left.
 */
export function nameTokens(name: string): string[] {
  const words = tokenize(name).filter((word) => !ARTICLES.has(word));
  const full = words.filter((word) => word.length > 1);
  return full.length > 0 ? full : words;
}

const ARABIC = /[\u0600-\u06ff]/;
const LATIN_VOWELS = /[aeiouyhw]/g;
/** Long vowels and weak letters, often written or left out: محمود / محمد are not folded. */
const ARABIC_WEAK = /[اويى]/g;

/**
 * A rough consonant skeleton of one normalized name word, so that spelling variants meet:
 * "Mohammed" / "Muhammad" → "mhmd", "Katherine" / "Catherine" → "ktrn", "الحسن" / "حسن" →
 * "حسن". The first letter stays; vowels and weak letters after it go, doubled letters collapse.
 */
export function nameSkeleton(word: string): string {
  let text = word;
  if (ARABIC.test(text)) {
    if (text.startsWith(ARABIC_ARTICLE) && text.length > 4) text = text.slice(2);
    text = (text[0] ?? '') + text.slice(1).replace(ARABIC_WEAK, '');
  } else {
    text = text.replace(/ph/g, 'f').replace(/[cq]/g, 'k');
    text = (text[0] ?? '') + text.slice(1).replace(LATIN_VOWELS, '');
  }
  return text.replace(/(.)\1+/g, '$1');
}

export function isArabicName(tokens: readonly string[]): boolean {
  return tokens.some((token) => ARABIC.test(token));
}
