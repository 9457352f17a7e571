import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn, daysBetween, instantKey, startOfDay, startOfWeek } from '@core/index';

describe('dayIn', () => {
  it('is already tomorrow in Beirut at local midnight while UTC is still on today', () => {
    const beirutMidnight = new Date('2026-11-29T22:00:00Z');
    expect(dayIn(beirutMidnight, 'Asia/Beirut')).toBe('2026-11-30');
    expect(dayIn(beirutMidnight, 'UTC')).toBe('2026-11-29');
    expect(dayIn(new Date('2026-11-29T21:59:59.999Z'), 'Asia/Beirut')).toBe('2026-11-29');
  });

  it('follows daylight saving time (Beirut is UTC+3 in summer)', () => {
    expect(dayIn(new Date('2026-07-14T21:00:00Z'), 'Asia/Beirut')).toBe('2026-07-15');
    expect(dayIn(new Date('2026-07-14T20:59:59Z'), 'Asia/Beirut')).toBe('2026-07-14');
  });

  it('uses Latin digits and the Gregorian calendar whatever the zone', () => {
    expect(dayIn(new Date('2026-03-20T12:00:00Z'), 'Asia/Riyadh')).toBe('2026-03-20');
    expect(dayIn(new Date('2026-03-20T12:00:00Z'), 'Asia/Tehran')).toBe('2026-03-20');
  });
});

describe('day arithmetic', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-01', '2026-03-29')).toBe(28);
    expect(daysBetween('2026-03-29', '2026-03-01')).toBe(-28);
  });

  it('finds the start of a week for Monday, Sunday and Saturday weeks', () => {
    // 2026-11-26 is a Thursday.
    expect(startOfWeek('2026-11-26', 1)).toBe('2026-11-23');
    expect(startOfWeek('2026-11-26', 0)).toBe('2026-11-22');
    expect(startOfWeek('2026-11-26', 6)).toBe('2026-11-21');
    expect(startOfWeek('2026-11-21', 6)).toBe('2026-11-21');
  });
});

describe('startOfDay', () => {
  it('is local midnight on an ordinary day', () => {
    expect(startOfDay('2026-11-30', 'Asia/Beirut').toISOString()).toBe('2026-11-29T22:00:00.000Z');
    expect(startOfDay('2026-11-30', 'America/New_York').toISOString()).toBe(
      '2026-11-30T05:00:00.000Z',
    );
  });

  it('is 01:00 when spring-forward skips midnight (Beirut, last Sunday of March)', () => {
    // 00:00 (UTC+2) jumps to 01:00 (UTC+3): the day starts at 22:00 UTC the evening before.
    expect(startOfDay('2026-03-29', 'Asia/Beirut').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(dayIn(new Date('2026-03-28T21:59:59.999Z'), 'Asia/Beirut')).toBe('2026-03-28');
  });

  it('is the only midnight when fall-back repeats the last hour of the day before (Beirut)', () => {
    // 00:00 (UTC+3) goes back to 23:00 (UTC+2): 24 October lasts 25 hours.
    expect(startOfDay('2026-10-25', 'Asia/Beirut').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDay('2026-10-24', 'Asia/Beirut').toISOString()).toBe('2026-10-23T21:00:00.000Z');
  });

  it('agrees with dayIn for any instant in several zones', () => {
    const zones = ['UTC', 'Asia/Beirut', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const day = dayIn(instant, zone);
          const start = startOfDay(day, zone).getTime();
          const next = startOfDay(addDays(day, 1), zone).getTime();
          return start <= instant.getTime() && instant.getTime() < next;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('instantKey', () => {
  it('orders instants written with offsets by the moment they mean', () => {
    expect(instantKey('2026-11-30T01:00:00+03:00')).toBe('2026-11-29T22:00:00.000Z');
    expect(instantKey('2026-11-29T22:00:00.000Z')).toBe('2026-11-29T22:00:00.000Z');
    expect(instantKey('2026-11-30T01:30:00+03:00') > instantKey('2026-11-29T22:10:00.000Z')).toBe(
      true,
    );
  });
});
