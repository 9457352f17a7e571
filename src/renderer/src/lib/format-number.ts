import { formattingLocale } from '@shared/i18n/languages';

const formats = new Map<string, Intl.NumberFormat>();

/** A count in the UI language's digits (Arabic-Indic digits in Arabic). */
export function formatNumber(value: number, language: string): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(formattingLocale(language));
    formats.set(language, format);
  }
  return format.format(value);
}
