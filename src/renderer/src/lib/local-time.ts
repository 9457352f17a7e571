/**
 * "Today" and local date-times as the organizer's computer sees them. Due and follow-up dates
 * are days without a time zone (docs/data-model.md); Mantine's pickers hold local date-times.
 */
import { dayIn, type Day } from '@core/planner';

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Today on this computer's wall clock, 'YYYY-MM-DD'. */
export function today(): Day {
  return dayIn(new Date(), localTimeZone());
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A local date-time as Mantine's pickers hold it: 'YYYY-MM-DD HH:mm:ss'. */
export function localDateTime(date: Date = new Date()): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** 'YYYY-MM-DD HH:mm[:ss]' in local time → an ISO instant; undefined when it is not one. */
export function instantFromLocal(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [year = 0, month = 1, day = 1, hours = 0, minutes = 0, seconds = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  if (date.getDate() !== day || date.getMonth() !== month - 1) return undefined;
  return date.toISOString();
}
