/** Letter dates through Intl: the letter's language, the user's digits, optionally Hijri. */
import type { Settings } from '../domain/settings';
import type { LetterLanguage } from './language';

export type EnglishDateLocale = 'en-US' | 'en-GB';

export interface DateOptions {
  language: LetterLanguage;
  arabicDigits: Settings['arabicDigits'];
  showHijriDate: boolean;
  englishLocale?: EnglishDateLocale;
}

function arabicLocale(digits: Settings['arabicDigits'], calendar?: string): string {
  const extensions = [calendar ? `ca-${calendar}` : '', digits === 'latin' ? 'nu-latn' : 'nu-arab']
    .filter(Boolean)
    .join('-');
  return `ar-EG-u-${extensions}`;
}

function localeFor(options: DateOptions, calendar?: string): string {
  if (options.language === 'ar') return arabicLocale(options.arabicDigits, calendar);
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

/** The Gregorian date, long style: "30 November 2026", "٣٠ نوفمبر ٢٠٢٦". */
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
  digits: Settings['arabicDigits'],
): string {
  if (language !== 'ar' || digits === 'latin') return value;
  return value.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}
