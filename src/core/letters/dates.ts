/** Letter dates through Intl: the letter's language and region, the user's digits, optionally Hijri. */
import type { LetterLanguage } from './language';
import {
  arabicIntlLocale,
  DEFAULT_ARABIC_REGION,
  resolveArabicDigits,
  toArabicIndic,
  type ArabicDigitsSetting,
  type ArabicRegion,
} from '../domain/arabic-region';

export type EnglishDateLocale = 'en-US' | 'en-GB';

export interface DateOptions {
  language: LetterLanguage;
  arabicDigits: ArabicDigitsSetting;
  /** Month names and digits of Arabic dates (default Egypt and the Gulf). */
  arabicRegion?: ArabicRegion | undefined;
  showHijriDate: boolean;
  englishLocale?: EnglishDateLocale;
}

function localeFor(options: DateOptions, calendar?: string): string {
  if (options.language === 'ar') {
    const region = options.arabicRegion ?? DEFAULT_ARABIC_REGION;
    return arabicIntlLocale(region, resolveArabicDigits(options.arabicDigits, region), calendar);
  }
  const base = options.englishLocale ?? 'en-GB';
  return calendar ? `${base}-u-ca-${calendar}` : base;
}

// Building a formatter costs far more than formatting: a batch of letters reuses them.
const longFormats = new Map<string, Intl.DateTimeFormat>();
function longFormat(locale: string): Intl.DateTimeFormat {
  let format = longFormats.get(locale);
  if (!format)
    longFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long' })));
  return format;
}

/** The Gregorian date, long style: "30 November 2026", "٣٠ نوفمبر ٢٠٢٦", "٣٠ تشرين الثاني ٢٠٢٦". */
export function formatGregorianDate(date: Date, options: DateOptions): string {
  return longFormat(localeFor(options)).format(date);
}

/** The Umm al-Qura Hijri date: "١٩ جمادى الآخرة ١٤٤٨ هـ", "19 Jumada II 1448 AH". */
export function formatHijriDate(date: Date, options: DateOptions): string {
  return longFormat(localeFor(options, 'islamic-umalqura')).format(date);
}

/** The letter date: Gregorian, followed by the Hijri date when the settings ask for it. */
export function formatLetterDate(date: Date, options: DateOptions): string {
  const gregorian = formatGregorianDate(date, options);
  if (!options.showHijriDate) return gregorian;
  const hijri = formatHijriDate(date, options);
  return options.language === 'ar' ? `${gregorian} م، الموافق ${hijri}` : `${gregorian} (${hijri})`;
}

/** Digits in the user's choice for Arabic letters (page numbers, counts). */
export function localizeDigits(
  value: string,
  language: LetterLanguage,
  digits: ArabicDigitsSetting,
  region: ArabicRegion = DEFAULT_ARABIC_REGION,
): string {
  if (language !== 'ar' || resolveArabicDigits(digits, region) === 'latin') return value;
  return toArabicIndic(value);
}
