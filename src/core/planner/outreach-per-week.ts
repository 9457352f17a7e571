import type { Interaction, InteractionKind } from '../domain/interaction';
import { addDays, instantKey, startOfDay, startOfWeek, type Day } from './days';

export interface OutreachWeek {
  /** The week's first day. */
  weekStart: Day;
  count: number;
  byKind: Partial<Record<InteractionKind, number>>;
}

export interface OutreachPerWeekInput {
  /** How many weeks, the last one being the week holding `today`. */
  weeks: number;
  today: Day;
  /** Interactions count on the day they happened in this zone. */
  timeZone: string;
  /** 0 Sunday, 1 Monday (default), 6 Saturday. */
  weekStartsOn?: 0 | 1 | 6;
}

/** Interactions per week, oldest week first, with empty weeks included. */
export function outreachPerWeek(
  interactions: readonly Interaction[],
  input: OutreachPerWeekInput,
): OutreachWeek[] {
  const weeks = Math.max(0, Math.floor(input.weeks));
  if (weeks === 0) return [];
  const first = addDays(startOfWeek(input.today, input.weekStartsOn ?? 1), -7 * (weeks - 1));
  const result: OutreachWeek[] = [];
  // bounds[i] is the first instant of week i; bounds[weeks] ends the last week.
  const bounds: string[] = [];
  for (let week = 0; week <= weeks; week += 1) {
    const weekStart = addDays(first, 7 * week);
    bounds.push(startOfDay(weekStart, input.timeZone).toISOString());
    if (week < weeks) result.push({ weekStart, count: 0, byKind: {} });
  }
  const start = bounds[0] as string;
  const end = bounds[weeks] as string;
  for (const interaction of interactions) {
    const at = instantKey(interaction.occurredAt);
    if (at < start || at >= end) continue;
    let low = 0;
    let high = weeks - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((bounds[middle] as string) <= at) low = middle;
      else high = middle - 1;
    }
    const bucket = result[low] as OutreachWeek;
    bucket.count += 1;
    bucket.byKind[interaction.kind] = (bucket.byKind[interaction.kind] ?? 0) + 1;
  }
  return result;
}
