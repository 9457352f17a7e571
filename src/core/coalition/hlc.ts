/**
 * Hybrid logical clock (Kulkarni et al., 2014): a wall-clock time in milliseconds, a counter
 * for events within the same millisecond (or while the wall clock lags behind a reading seen
 * from elsewhere), and the member who made the event, so that any two readings are ordered
 * and the order is the same on every laptop. An edit made after seeing another is always later,
 * whatever the two laptops' clocks say.
 */
import { ClockDriftError, MalformedClockError } from './errors';

export interface Hlc {
  /** Milliseconds since the epoch (the larger of the local clock and every reading seen). */
  wall: number;
  counter: number;
  /** The member id that made the reading: the tie-break between equal wall and counter. */
  member: string;
}

/** Readings more than this far ahead of the local clock are refused (a laptop set wrong). */
export const DEFAULT_MAX_DRIFT_MS = 2 * 24 * 60 * 60 * 1000;

const MEMBER = /^[A-Za-z0-9-]{1,64}$/;

/** Whether `id` is a member id a clock may hold. */
export function isMemberId(id: unknown): id is string {
  return typeof id === 'string' && MEMBER.test(id);
}
const MAX_WALL = 8.64e15;
const MAX_COUNTER = 9_999_999_999;
const TEXT = /^(\d{15}):(\d{10}):([A-Za-z0-9-]{1,64})$/;

function checked(hlc: Hlc): Hlc {
  const { wall, counter, member } = hlc;
  if (
    !Number.isSafeInteger(wall) ||
    wall < 0 ||
    wall > MAX_WALL ||
    !Number.isSafeInteger(counter) ||
    counter < 0 ||
    counter > MAX_COUNTER ||
    !isMemberId(member)
  ) {
    throw new MalformedClockError(`${String(wall)}:${String(counter)}:${String(member)}`);
  }
  return hlc;
}

/** A member's clock before its first event. */
export function startClock(member: string): Hlc {
  return checked({ wall: 0, counter: 0, member });
}

/** The reading for a local event (an edit, or sending one); it is also the clock's new state. */
export function tick(clock: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, Math.floor(now));
  const counter = wall === clock.wall ? clock.counter + 1 : 0;
  return checked({ wall, counter, member: clock.member });
}

/**
 * The clock after taking in a remote reading: later than both. Throws ClockDriftError (and the
 * clock stays as it was) when the reading is more than `maxDriftMs` ahead of `now`.
 */
export function receive(
  clock: Hlc,
  remote: Hlc,
  now: number,
  maxDriftMs = DEFAULT_MAX_DRIFT_MS,
): Hlc {
  checked(remote);
  const physical = Math.floor(now);
  if (remote.wall - physical > maxDriftMs) throw new ClockDriftError(remote.wall - physical);
  const wall = Math.max(clock.wall, remote.wall, physical);
  let counter = 0;
  if (wall === clock.wall && wall === remote.wall)
    counter = Math.max(clock.counter, remote.counter) + 1;
  else if (wall === clock.wall) counter = clock.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return checked({ wall, counter, member: clock.member });
}

/** Negative when `a` is earlier, positive when later, 0 only for the same reading. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall - b.wall;
  if (a.counter !== b.counter) return a.counter - b.counter;
  return a.member < b.member ? -1 : a.member > b.member ? 1 : 0;
}

/** Fixed-width text whose string order is the clock order (so texts compare without parsing). */
export function formatHlc(hlc: Hlc): string {
  const { wall, counter, member } = checked(hlc);
  return `${String(wall).padStart(15, '0')}:${String(counter).padStart(10, '0')}:${member}`;
}

/** Throws MalformedClockError when `text` is not what formatHlc writes. */
export function parseHlc(text: string): Hlc {
  const match = TEXT.exec(text);
  if (!match) throw new MalformedClockError(text);
  const [, wall = '', counter = '', member = ''] = match;
  return checked({ wall: Number(wall), counter: Number(counter), member });
}

/** Whether a reading fits the text form: a wall time within its 15 digits, a counter within 10. */
export function fitsHlcText(wall: number, counter: number): boolean {
  return wall < 1e15 && counter <= MAX_COUNTER;
}

/** Whether `text` is a formatted reading (cheap: no range checks beyond its shape). */
export function isHlcText(text: string): boolean {
  return TEXT.test(text);
}

/** The later of two formatted readings (string order is clock order). */
export function laterHlcText(a: string, b: string): string {
  return a >= b ? a : b;
}
