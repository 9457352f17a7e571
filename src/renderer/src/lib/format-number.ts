import { formattingLocale } from '@shared/i18n/languages';

const formats = new Map<string, Intl.NumberFormat>();

/** A count in the UI language's digits (in Arabic, the workspace region's). */
export function formatNumber(value: number, language: string): string {
  const locale = formattingLocale(language);
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    formats.set(locale, format);
  }
  return format.format(value);
}
