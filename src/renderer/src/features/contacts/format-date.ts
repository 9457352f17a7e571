import { formattingLocale } from '@shared/i18n/languages';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${formattingLocale(language)}|${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(formattingLocale(language), {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** An instant (ISO 8601) as a date in the UI language, with the time when asked. */
export function formatInstant(iso: string, language: string, withTime = false): string {
  return formatter(language, withTime).format(new Date(iso));
}

/** A calendar day ('YYYY-MM-DD', no time zone) in the UI language: read as that day anywhere. */
export function formatCalendarDay(day: string, language: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const format = new Intl.DateTimeFormat(formattingLocale(language), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  return format.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)));
}
