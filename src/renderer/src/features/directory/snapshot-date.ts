import { US_CONGRESS_SNAPSHOT } from '@core/directory';
import { formattingLocale } from '@shared/i18n/languages';

/** The directory's snapshot day, e.g. "15 June 2026" / "١٥ يونيو ٢٠٢٦". */
export function snapshotDate(language: string): string {
  const [year = 0, month = 1, day = 1] = US_CONGRESS_SNAPSHOT.date.split('-').map(Number);
  return new Intl.DateTimeFormat(formattingLocale(language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
