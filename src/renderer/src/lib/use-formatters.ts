import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';
import { useArabicRegion } from '@renderer/lib/use-arabic-region';
import { formattingLocale } from '@shared/i18n/languages';

export interface Formatters {
  /** A calendar day 'YYYY-MM-DD', e.g. "12 Dec 2026" or "١٢ ديسمبر ٢٠٢٦". */
  day(day: string): string;
  /** `day` without the year, where the year is plain from around it (a chart's axis). */
  dayMonth(day: string): string;
  /** An ISO instant in local time, with the hour. */
  instant(instant: string): string;
  /** The local day of an ISO instant, without the hour. */
  instantDay(instant: string): string;
  number(value: number): string;
  /** A share 0–1 as a percentage. */
  percent(share: number): string;
  /** A language tag's name in the UI language ("Arabic", "العربية"). */
  languageName(tag: string): string;
}

/**
 * Dates, numbers and language names in the UI language (Arabic-Indic digits in Arabic); Arabic
 * dates in the workspace's region ("تشرين الثاني" in the Levant, "نونبر" in Morocco).
 */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  // Re-renders when the workspace's region changes: formattingLocale follows it.
  useArabicRegion();
  return formattersFor(i18n.language, formattingLocale(i18n.language));
}

const made = new Map<string, Formatters>();

/**
 * The formatters of a language and locale, made once: each Intl object costs a millisecond or
 * more to make (tens the first time in a page), and every card and list mounts these.
 */
export function formattersFor(language: string, locale: string): Formatters {
  const key = `${language} ${locale}`;
  let formatters = made.get(key);
  if (!formatters) made.set(key, (formatters = makeFormatters(language, locale)));
  return formatters;
}

function makeFormatters(language: string, locale: string): Formatters {
  // Days have no time zone: format them as UTC midnight so no zone shifts them.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dayMonth = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const instantDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const names = new Intl.DisplayNames([language], { type: 'language' });
  return {
    day: (value) => day.format(new Date(`${value}T00:00:00Z`)),
    dayMonth: (value) => dayMonth.format(new Date(`${value}T00:00:00Z`)),
    instant: (value) => instant.format(new Date(value)),
    instantDay: (value) => instantDay.format(new Date(value)),
    number: (value) => formatNumber(value, language),
    percent: (share) => percent.format(share),
    languageName: (tag) => {
      try {
        return names.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
  };
}
