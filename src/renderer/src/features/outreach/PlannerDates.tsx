import '@mantine/dates/styles.css';
import 'dayjs/locale/ar';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Mantine's date pickers in the UI language (Arabic month and day names, Arabic digits). */
export function PlannerDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ar' ? 'ar' : 'en';
  // Saturday starts the week in most Arabic-speaking countries, Monday in ISO 8601.
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: locale === 'ar' ? 6 : 1 }}>
      {children}
    </DatesProvider>
  );
}
