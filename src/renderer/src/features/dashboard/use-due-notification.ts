import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Day } from '@core/planner';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { bridge } from '@renderer/lib/bridge';
import { formatNumber } from '@renderer/lib/format-number';

/** Where earlier versions kept the day in plain local storage: removed on sight. */
const OLD_NOTIFIED_DAY_KEY = 'tadamun.dueNotifiedOn';

/**
 * Once a day, while the workspace is unlocked (this hook lives on unlocked screens only),
 * a desktop notification if something is due today. It counts; it never names anyone. The
 * day it was shown is kept sealed in the workspace.
 */
export function useDueNotification(dueToday: number, today: Day): void {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  useEffect(() => {
    localStorage.removeItem(OLD_NOTIFIED_DAY_KEY);
    if (dueToday === 0) return;
    let live = true;
    void (async () => {
      if ((await core.dueNotices.notifiedOn()) === today || !live) return;
      await core.dueNotices.markNotified(today);
      await bridge.notifyDue({
        title: t('planner.due.notificationTitle'),
        body: t('planner.due.notificationBody', {
          number: formatNumber(dueToday, i18n.language),
          count: dueToday,
        }),
        count: dueToday,
      });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [core, dueToday, today, t, i18n.language]);
}
