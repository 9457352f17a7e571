/**
 * Demo dates are offsets from a reference instant (`now`), so the demo always looks current:
 * follow-ups due today, tasks overdue by a few days, a hearing next week.
 *
 * Calendar days are taken in the local time zone of the machine, as the user reads "today".
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day `offsetDays` after (or, if negative, before) `now`: 'YYYY-MM-DD'. */
export function calendarDay(now: Date, offsetDays = 0): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** An instant on the local day `offsetDays` from `now`, at hour:minute local time, ISO 8601. */
export function instantOn(now: Date, offsetDays: number, hour = 10, minute = 0): string {
  return new Date(
    now.getFullYear(),
    now.getMonth(),
    now.getDate() + offsetDays,
    hour,
    minute,
  ).toISOString();
}
