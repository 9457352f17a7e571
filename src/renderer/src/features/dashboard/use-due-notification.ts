import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Day } from '@core/planner';
import { bridge } from '@renderer/lib/bridge';
import { formatNumber } from '@renderer/lib/format-number';

/** The last day a notification was shown: once a day, across reloads and unlocks. */
export const NOTIFIED_DAY_KEY = 'tadamun.dueNotifiedOn';

/**
 * Once a day, while the workspace is unlocked (this hook lives on unlocked screens only),
 * a desktop notification if something is due today. It counts; it never names anyone.
 */
export function useDueNotification(dueToday: number, today: Day): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    if (dueToday === 0 || localStorage.getItem(NOTIFIED_DAY_KEY) === today) return;
    localStorage.setItem(NOTIFIED_DAY_KEY, today);
    void bridge.notifyDue({
      title: t('planner.due.notificationTitle'),
      body: t('planner.due.notificationBody', { number: formatNumber(dueToday, i18n.language) }),
      count: dueToday,
    });
  }, [dueToday, today, t, i18n.language]);
}
