import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayIn, outreachPerWeek, startOfWeek } from '@core/index';
import { interaction } from './fixtures';

describe('outreachPerWeek', () => {
  it('returns every week, oldest first, empty ones included, ending with this week', () => {
    const weeks = outreachPerWeek(
      [
        interaction({ occurredAt: '2026-11-24T10:00:00.000Z', kind: 'call' }),
        interaction({ occurredAt: '2026-11-25T10:00:00.000Z', kind: 'email' }),
        interaction({ occurredAt: '2026-11-26T10:00:00.000Z', kind: 'call' }),
        interaction({ occurredAt: '2026-11-10T10:00:00.000Z', kind: 'meeting' }),
      ],
      { weeks: 4, today: '2026-11-26', timeZone: 'UTC' },
    );
    expect(weeks).toEqual([
      { weekStart: '2026-11-02', count: 0, byKind: {} },
      { weekStart: '2026-11-09', count: 1, byKind: { meeting: 1 } },
      { weekStart: '2026-11-16', count: 0, byKind: {} },
      { weekStart: '2026-11-23', count: 3, byKind: { call: 2, email: 1 } },
    ]);
  });

  it('leaves out interactions before the first week and after this week', () => {
    const weeks = outreachPerWeek(
      [
        interaction({ occurredAt: '2026-11-15T23:59:59.999Z' }),
        interaction({ occurredAt: '2026-11-16T00:00:00.000Z' }),
        interaction({ occurredAt: '2026-11-29T23:59:59.999Z' }),
        interaction({ occurredAt: '2026-11-30T00:00:00.000Z' }),
      ],
      { weeks: 2, today: '2026-11-26', timeZone: 'UTC' },
    );
    expect(weeks.map((week) => week.count)).toEqual([1, 1]);
  });

  it('counts an interaction on the local day: Beirut midnight is still yesterday in UTC', () => {
    // Monday 30 November 00:30 in Beirut = Sunday 29 November 22:30 UTC.
    const late = interaction({ occurredAt: '2026-11-29T22:30:00.000Z' });
    const input = { weeks: 2, today: '2026-11-30' };
    expect(outreachPerWeek([late], { ...input, timeZone: 'Asia/Beirut' })).toMatchObject([
      { weekStart: '2026-11-23', count: 0 },
      { weekStart: '2026-11-30', count: 1 },
    ]);
    expect(outreachPerWeek([late], { ...input, timeZone: 'UTC' })).toMatchObject([
      { weekStart: '2026-11-23', count: 1 },
      { weekStart: '2026-11-30', count: 0 },
    ]);
  });

  it('splits weeks right across the spring-forward night in Beirut (Sunday weeks)', () => {
    const before = interaction({ occurredAt: '2026-03-28T21:30:00.000Z' }); // Sat 23:30 +02
    const after = interaction({ occurredAt: '2026-03-28T22:30:00.000Z' }); // Sun 01:30 +03
    const weeks = outreachPerWeek([before, after], {
      weeks: 2,
      today: '2026-03-30',
      timeZone: 'Asia/Beirut',
      weekStartsOn: 0,
    });
    expect(weeks).toMatchObject([
      { weekStart: '2026-03-22', count: 1 },
      { weekStart: '2026-03-29', count: 1 },
    ]);
  });

  it('reads instants written with an offset', () => {
    const weeks = outreachPerWeek([interaction({ occurredAt: '2026-11-30T00:30:00+02:00' })], {
      weeks: 2,
      today: '2026-11-30',
      timeZone: 'UTC',
      weekStartsOn: 1,
    });
    expect(weeks.map((week) => week.count)).toEqual([1, 0]);
  });

  it('puts any instant in the week of its local day (Saturday weeks, several zones)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        fc.constantFrom('Asia/Beirut', 'America/New_York', 'Asia/Kathmandu', 'UTC'),
        (instant, timeZone) => {
          const weeks = outreachPerWeek([interaction({ occurredAt: instant.toISOString() })], {
            weeks: 3,
            today: dayIn(instant, timeZone),
            timeZone,
            weekStartsOn: 6,
          });
          const expected = startOfWeek(dayIn(instant, timeZone), 6);
          return weeks.at(-1)?.weekStart === expected && weeks.at(-1)?.count === 1;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns nothing for zero weeks', () => {
    expect(
      outreachPerWeek([interaction()], { weeks: 0, today: '2026-11-30', timeZone: 'UTC' }),
    ).toEqual([]);
  });
});
