import { useEffect, useState } from 'react';
import { addDays, startOfDay, type Day } from '@core/planner';
import { localTimeZone, today } from '@renderer/lib/local-time';

export interface PlannerClockValue {
  today: Day;
  timeZone: string;
  weekStartsOn: 0 | 1 | 6;
}

/** The first day of the week where this computer is set up (Saturday in much of the region). */
export function systemWeekStart(locale = navigator.language): 0 | 1 | 6 {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay;
    if (firstDay === 7) return 0;
    if (firstDay === 6) return 6;
  } catch {
    // An unknown locale: ISO weeks.
  }
  return 1;
}

/**
 * Today and the time zone as the system sees them; re-renders at the next local midnight, so
 * a Dashboard left open overnight moves its "due today" along.
 */
export function usePlannerClock(): PlannerClockValue {
  const timeZone = localTimeZone();
  const [day, setDay] = useState(today);
  useEffect(() => {
    const next = startOfDay(addDays(day, 1), timeZone).getTime();
    const timer = setTimeout(() => setDay(today()), Math.max(1_000, next - Date.now() + 1_000));
    return () => clearTimeout(timer);
  }, [day, timeZone]);
  return { today: day, timeZone, weekStartsOn: systemWeekStart() };
}
