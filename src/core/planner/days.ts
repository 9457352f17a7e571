/**
 * Calendar days ('YYYY-MM-DD') and the instants that bound them in a time zone. A follow-up or
 * a due date means a day wherever the organizer is; "today" is the day on their wall clock.
 */

/** A calendar day, 'YYYY-MM-DD', without time zone. */
export type Day = string;

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are cached: building one costs far more than using it (a quarter of a ms). */
function cachedFormatter(
  kind: 'day' | 'clock',
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind}:${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

const DAY_PARTS = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const CLOCK_PARTS = {
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const;

/** The calendar day an instant falls on in `timeZone` (an IANA name such as 'Asia/Beirut'). */
export function dayIn(instant: Date, timeZone: string): Day {
  let year = '';
  let month = '';
  let day = '';
  for (const part of cachedFormatter('day', timeZone, DAY_PARTS).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

function utcMidnight(day: Day): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtcMidnight(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: Day, count: number): Day {
  return fromUtcMidnight(utcMidnight(day) + count * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return new Date(utcMidnight(day)).getUTCDay();
}

/** The first day of the week holding `day`, for weeks starting on `weekStartsOn`. */
export function startOfWeek(day: Day, weekStartsOn: number): Day {
  return addDays(day, -((weekday(day) - weekStartsOn + 7) % 7));
}

/** The offset of `timeZone` from UTC at `ms`, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
  const local = utcMidnight(dayIn(new Date(ms), timeZone));
  const formatter = cachedFormatter('clock', timeZone, CLOCK_PARTS);
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(ms)).map((part) => [part.type, Number(part.value)]),
  );
  const wall =
    local + ((parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0)) * 1000;
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The first instant of `day` in `timeZone`. Where a DST change skips midnight (Asia/Beirut,
 * America/Santiago), the day starts at the first wall-clock time that exists.
 */
export function startOfDay(day: Day, timeZone: string): Date {
  const midnight = utcMidnight(day);
  const candidates = [
    zoneOffset(midnight - DAY_MS, timeZone),
    zoneOffset(midnight + DAY_MS, timeZone),
  ]
    .map((offset) => midnight - offset)
    .filter(
      (ms) => dayIn(new Date(ms), timeZone) === day && dayIn(new Date(ms - 1), timeZone) !== day,
    );
  // Only a day a zone skipped entirely (Samoa, 30 December 2011) has no first instant.
  return new Date(candidates.length ? Math.min(...candidates) : midnight);
}

/**
 * A key that orders instants as strings: ISO instants in UTC ('…Z', as `toISOString` writes
 * them) are kept as they are, others (with an offset) are rewritten in UTC. Comparing these
 * keys avoids parsing a million dates.
 */
export function instantKey(instant: string): string {
  return instant.length === 24 && instant.endsWith('Z') ? instant : new Date(instant).toISOString();
}
