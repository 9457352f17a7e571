import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockDriftError, MalformedClockError } from '@core/coalition/errors';
import {
  DEFAULT_MAX_DRIFT_MS,
  fitsHlcText,
  compareHlc,
  formatHlc,
  laterHlcText,
  parseHlc,
  receive,
  startClock,
  tick,
  type Hlc,
} from '@core/coalition/hlc';

const T = Date.parse('2026-12-01T10:00:00Z');
const AMAL = 'a1b2c3d4-0000-4000-8000-000000000001';
const BASIL = 'a1b2c3d4-0000-4000-8000-000000000002';

describe('hybrid logical clock', () => {
  it('follows the wall clock and counts events within one millisecond', () => {
    const first = tick(startClock(AMAL), T);
    expect(first).toEqual({ wall: T, counter: 0, member: AMAL });
    const second = tick(first, T);
    expect(second).toEqual({ wall: T, counter: 1, member: AMAL });
    expect(tick(second, T + 5)).toEqual({ wall: T + 5, counter: 0, member: AMAL });
  });

  it('never goes backwards when the wall clock does (a laptop set back an hour)', () => {
    const before = tick(startClock(AMAL), T);
    const after = tick(before, T - 3_600_000);
    expect(compareHlc(after, before)).toBeGreaterThan(0);
    expect(after).toEqual({ wall: T, counter: 1, member: AMAL });
  });

  it('orders an edit made after seeing another as later, though its laptop lags by ten minutes', () => {
    const ahead = tick(startClock(AMAL), T + 600_000);
    const lagging = receive(startClock(BASIL), ahead, T);
    const edit = tick(lagging, T + 1);
    expect(compareHlc(edit, ahead)).toBeGreaterThan(0);
    expect(edit.member).toBe(BASIL);
  });

  it('takes the larger counter when both clocks and the reading share a millisecond', () => {
    const local = { wall: T, counter: 4, member: BASIL };
    const remote = { wall: T, counter: 9, member: AMAL };
    expect(receive(local, remote, T - 10)).toEqual({ wall: T, counter: 10, member: BASIL });
    expect(receive(local, { ...remote, counter: 1 }, T)).toEqual({
      wall: T,
      counter: 5,
      member: BASIL,
    });
    expect(receive(local, { ...remote, wall: T - 1 }, T + 7)).toEqual({
      wall: T + 7,
      counter: 0,
      member: BASIL,
    });
  });

  it('refuses a reading more than the allowed drift ahead, and the clock stays as it was', () => {
    const local = tick(startClock(BASIL), T);
    const future = { wall: T + DEFAULT_MAX_DRIFT_MS + 1, counter: 0, member: AMAL };
    let thrown: unknown;
    try {
      receive(local, future, T);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ClockDriftError);
    expect((thrown as ClockDriftError).aheadMs).toBe(DEFAULT_MAX_DRIFT_MS + 1);
    expect(local).toEqual({ wall: T, counter: 0, member: BASIL });
    // Exactly at the limit is still taken in.
    expect(receive(local, { ...future, wall: T + DEFAULT_MAX_DRIFT_MS }, T).wall).toBe(
      T + DEFAULT_MAX_DRIFT_MS,
    );
    expect(() => receive(local, { ...future, wall: T + 61_000 }, T, 60_000)).toThrow(
      ClockDriftError,
    );
  });

  it('breaks ties between members by member id, the same way everywhere', () => {
    const a = { wall: T, counter: 3, member: AMAL };
    const b = { wall: T, counter: 3, member: BASIL };
    expect(compareHlc(a, b)).toBeLessThan(0);
    expect(compareHlc(b, a)).toBeGreaterThan(0);
    expect(compareHlc(a, { ...a })).toBe(0);
  });

  it('writes readings as text whose order is the clock order, and reads them back', () => {
    const reading = arbitraryHlc();
    fc.assert(
      fc.property(reading, reading, (a, b) => {
        expect(parseHlc(formatHlc(a))).toEqual(a);
        const byCodeUnits = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(byCodeUnits).toBe(Math.sign(compareHlc(a, b)));
        expect(laterHlcText(formatHlc(a), formatHlc(b))).toBe(
          formatHlc(compareHlc(a, b) >= 0 ? a : b),
        );
      }),
    );
  });

  it('refuses texts and readings that are not clocks, naming the text', () => {
    for (const text of ['', '1:2:x', `${'9'.repeat(15)}:0000000000:`, `${'0'.repeat(15)}:0:m`]) {
      expect(() => parseHlc(text)).toThrow(MalformedClockError);
    }
    expect(() => formatHlc({ wall: -1, counter: 0, member: AMAL })).toThrow(MalformedClockError);
    expect(() => formatHlc({ wall: T, counter: 0.5, member: AMAL })).toThrow(MalformedClockError);
    expect(() => startClock('has space')).toThrow(MalformedClockError);
    expect(() => receive(startClock(AMAL), { wall: T, counter: 0, member: '' }, T)).toThrow(
      MalformedClockError,
    );
  });

  it('keeps causality under any skew: every event is later than all it has seen', () => {
    // Three laptops with clocks off by up to a day; random events and messages between them.
    const step = fc.record({
      at: fc.integer({ min: 0, max: 2 }),
      from: fc.integer({ min: 0, max: 2 }),
      advance: fc.integer({ min: 0, max: 5_000 }),
      send: fc.boolean(),
    });
    const skews = fc.tuple(
      ...[0, 1, 2].map(() => fc.integer({ min: -86_400_000, max: 86_400_000 })),
    );
    fc.assert(
      fc.property(skews, fc.array(step, { maxLength: 60 }), (skew, steps) => {
        const members = [AMAL, BASIL, 'a1b2c3d4-0000-4000-8000-000000000003'];
        const clocks = members.map(startClock);
        const seen: Hlc[][] = [[], [], []];
        let real = T;
        for (const { at, from, advance, send } of steps) {
          real += advance;
          const now = (i: number) => real + (skew[i] ?? 0);
          if (send && from !== at) {
            const message = tick(clocks[from] as Hlc, now(from));
            clocks[from] = message;
            clocks[at] = receive(clocks[at] as Hlc, message, now(at), 3 * 86_400_000);
            seen[at]?.push(message, ...(seen[from] ?? []));
          }
          const event = tick(clocks[at] as Hlc, now(at));
          for (const earlier of seen[at] ?? [])
            expect(compareHlc(event, earlier)).toBeGreaterThan(0);
          clocks[at] = event;
          seen[at]?.push(event);
        }
      }),
    );
  });
  it('says which readings the text form holds: walls of 15 digits, counters of 10', () => {
    expect(fitsHlcText(999_999_999_999_999, 9_999_999_999)).toBe(true);
    expect(fitsHlcText(1e15, 0)).toBe(false);
    expect(fitsHlcText(0, 10_000_000_000)).toBe(false);
    const widest = { wall: 999_999_999_999_999, counter: 9_999_999_999, member: 'm' };
    expect(parseHlc(formatHlc(widest))).toEqual(widest);
  });
});

function arbitraryHlc(): fc.Arbitrary<Hlc> {
  return fc.record({
    wall: fc.oneof(fc.constant(T), fc.integer({ min: 0, max: 4_000_000_000_000 })),
    counter: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 99_999 })),
    member: fc.constantFrom(AMAL, BASIL, 'b', 'ab'),
  });
}
