/**
 * The body of a sealed document as format version 2 writes it: the same DocumentBody in well
 * under half the bytes. Version 1 wrote every field's and item's clock as full HLC text (63
 * characters with the app's UUID member ids), so clocks outweighed most records.
 *
 * - `m`: the member ids the body names, each once; `t`: its distinct clocks, each
 *   `<wall>:<counter>:<member index>` with wall and counter in base 36 (`mz3k8q1s:0:0`);
 * - `f`: the field clocks. A number when the clocked fields are exactly the record's plain
 *   fields in the record's order (every record as first shared, and most after): each field has
 *   clock `t[f]` unless `g` names another for it. Otherwise an object, field → clock index;
 * - `i`: keyed items' clocks, `[added, written]` (added -1 for none), then `place` (or null) and
 *   a 1 when deleted; `x`: the deletion clock; `a`: the author; `k`, `r`: kind and record.
 * The `hlc` is not written: it is the latest of the clocks, computed on opening as version 1
 * checked it. Decoding gives back the object version 1 stored, keys in the same order.
 */
import { fitsHlcText, isMemberId, formatHlc, parseHlc } from './hlc';
import {
  MERGE_RULES,
  isPlainField,
  latestClock,
  type ItemClock,
  type MergeRule,
} from './record-clocks';
import type { DocumentBody } from './sealed-document';
import { SHARED_KINDS, type SharedKind, type SharedRecord } from './shared-record';

type ItemCode = [number, number, (number | null)?, 1?];

export interface CompactBody {
  k: SharedKind;
  r: SharedRecord;
  m: string[];
  t: string[];
  f: number | Record<string, number>;
  g?: Record<string, number>;
  i?: Record<string, Record<string, ItemCode>>;
  x?: number;
  a: number;
}

/** The record's plain fields as its JSON holds them (an undefined value is not written). */
const isPlainRecordField = (rule: MergeRule, record: SharedRecord, name: string) =>
  record[name] !== undefined && isPlainField(rule, name);

const plainFieldsOf = (kind: SharedKind, record: SharedRecord) =>
  Object.keys(record).filter((name) => isPlainRecordField(MERGE_RULES[kind], record, name));

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, at) => item === b[at]);

/** The compact form of `body` (its clocks must be HLC text, as sealDocument requires). */
export function compactBody(body: Omit<DocumentBody, 'hlc'>): CompactBody {
  const { kind, record, clocks, author } = body;
  const members = new Map<string, number>();
  const memberOf = (id: string) => {
    if (!members.has(id)) members.set(id, members.size);
    return members.get(id) ?? 0;
  };
  const table = new Map<string, number>();
  const clockOf = (text: string) => {
    let index = table.get(text);
    if (index === undefined) {
      table.set(text, (index = table.size));
    }
    return index;
  };
  const fieldNames = Object.keys(clocks.fields);
  const fieldClocks = fieldNames.map((name) => clockOf(clocks.fields[name] ?? ''));
  let f: CompactBody['f'];
  let g: Record<string, number> | undefined;
  if (sameList(fieldNames, plainFieldsOf(kind, record))) {
    f = mostFrequent(fieldClocks);
    const others = fieldNames.flatMap((name, at) =>
      fieldClocks[at] === f ? [] : [[name, fieldClocks[at] ?? 0] as const],
    );
    if (others.length) g = Object.fromEntries(others);
  } else {
    f = Object.fromEntries(fieldNames.map((name, at) => [name, fieldClocks[at] ?? 0]));
  }
  const collections = Object.entries(clocks.items).map(
    ([name, items]) =>
      [
        name,
        Object.fromEntries(
          Object.entries(items).map(([id, item]) => [id, itemCode(item, clockOf)]),
        ),
      ] as const,
  );
  const x = clocks.removed === undefined ? undefined : clockOf(clocks.removed);
  const t = [...table.keys()].map((text) => {
    const { wall, counter, member } = parseHlc(text);
    return `${wall.toString(36)}:${counter.toString(36)}:${memberOf(member)}`;
  });
  const a = memberOf(author);
  return {
    k: kind,
    r: record,
    m: [...members.keys()],
    t,
    f,
    ...(g && { g }),
    ...(collections.length && { i: Object.fromEntries(collections) }),
    ...(x !== undefined && { x }),
    a,
  };
}

function itemCode(item: ItemClock, clockOf: (text: string) => number): ItemCode {
  const code: ItemCode = [item.added === '' ? -1 : clockOf(item.added), clockOf(item.written)];
  if (item.place !== undefined || item.deleted) code.push(item.place ?? null);
  if (item.deleted) code.push(1);
  return code;
}

function mostFrequent(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

// Checked by hand, as version 1's body (sealed-document.ts): every field required unless
// optional, no field besides, every index in range; anything else is not a body.
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const BODY_FIELDS = new Set(['k', 'r', 'm', 't', 'f', 'g', 'i', 'x', 'a']);
const KINDS: ReadonlySet<unknown> = new Set(SHARED_KINDS);
const CLOCK = /^([0-9a-z]{1,11}):([0-9a-z]{1,7}):(\d{1,5})$/;
const MAX_PLACE = 1_000_000;

const isIndex = (value: unknown, length: number): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;

/** A base-36 number written as toString(36) writes it (one text per value). */
function base36(text: string): number | undefined {
  const value = parseInt(text, 36);
  return value.toString(36) === text ? value : undefined;
}

function clocksOf(t: unknown, members: readonly string[]): string[] | undefined {
  if (!Array.isArray(t)) return undefined;
  const texts: string[] = [];
  for (const code of t) {
    const match = typeof code === 'string' ? CLOCK.exec(code) : null;
    if (!match) return undefined;
    const [, wallText = '', counterText = '', memberText = ''] = match;
    const wall = base36(wallText);
    const counter = base36(counterText);
    const member = String(Number(memberText)) === memberText ? members[Number(memberText)] : '';
    if (wall === undefined || counter === undefined || !member) return undefined;
    if (!fitsHlcText(wall, counter)) return undefined;
    texts.push(formatHlc({ wall, counter, member }));
  }
  return texts;
}

function membersOf(m: unknown): string[] | undefined {
  if (!Array.isArray(m)) return undefined;
  for (const id of m) if (!isMemberId(id)) return undefined;
  return new Set(m).size === m.length ? (m as string[]) : undefined;
}

/** Sets an own property, also one named `__proto__` (as Object.fromEntries would). */
function setOwn(target: Record<string, string>, name: string, value: string): void {
  if (name === '__proto__')
    Object.defineProperty(target, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[name] = value;
}

// Loops rather than entries and closures: a pull opens thousands of bodies.
function fieldsOf(
  body: Json,
  kind: SharedKind,
  record: SharedRecord,
  clocks: readonly string[],
): Record<string, string> | undefined {
  const { f, g } = body;
  const fields: Record<string, string> = {};
  if (typeof f !== 'number') {
    if (!isObject(f) || 'g' in body) return undefined;
    for (const name of Object.keys(f)) {
      const index = f[name];
      if (!isIndex(index, clocks.length)) return undefined;
      setOwn(fields, name, clocks[index] as string);
    }
    return fields;
  }
  if (!isIndex(f, clocks.length) || ('g' in body && !isObject(g))) return undefined;
  const base = clocks[f] as string;
  const others = isObject(g) ? g : undefined;
  const rule = MERGE_RULES[kind];
  // Every field `g` names must be one of the record's plain fields.
  let named = 0;
  for (const name of Object.keys(record)) {
    if (!isPlainRecordField(rule, record, name)) continue;
    let clock = base;
    if (others && Object.hasOwn(others, name)) {
      named++;
      const index = others[name];
      if (!isIndex(index, clocks.length)) return undefined;
      clock = clocks[index] as string;
    }
    setOwn(fields, name, clock);
  }
  return others && named !== Object.keys(others).length ? undefined : fields;
}

function itemOf(code: unknown, clocks: readonly string[]): ItemClock | undefined {
  if (!Array.isArray(code) || code.length < 2 || code.length > 4) return undefined;
  const [added, written, place, deleted] = code as unknown[];
  if (added !== -1 && !isIndex(added, clocks.length)) return undefined;
  if (!isIndex(written, clocks.length)) return undefined;
  const hasPlace = code.length > 2 && place !== null;
  if (
    hasPlace &&
    !(Number.isInteger(place) && (place as number) >= 0 && (place as number) <= MAX_PLACE)
  )
    return undefined;
  if (code.length === 3 && place === null) return undefined;
  if (code.length === 4 && deleted !== 1) return undefined;
  return {
    added: added === -1 ? '' : (clocks[added as number] ?? ''),
    ...(hasPlace && { place: place as number }),
    written: clocks[written] ?? '',
    ...(code.length === 4 && { deleted: true as const }),
  };
}

function itemsOf(
  i: unknown,
  clocks: readonly string[],
): Record<string, Record<string, ItemClock>> | undefined {
  if (i === undefined) return {};
  if (!isObject(i)) return undefined;
  const collections: [string, Record<string, ItemClock>][] = [];
  for (const [name, items] of Object.entries(i)) {
    if (!isObject(items)) return undefined;
    const entries = Object.entries(items).map(([id, code]) => [id, itemOf(code, clocks)] as const);
    if (!entries.every(([, item]) => item)) return undefined;
    collections.push([name, Object.fromEntries(entries) as Record<string, ItemClock>]);
  }
  return Object.fromEntries(collections);
}

/** The DocumentBody a version 2 body holds, or undefined when it is not a valid one. */
export function bodyFromCompact(json: unknown): DocumentBody | undefined {
  if (!isObject(json)) return undefined;
  for (const name of Object.keys(json)) if (!BODY_FIELDS.has(name)) return undefined;
  const { k: kind, r: record, m, t, i, x, a } = json;
  if (!KINDS.has(kind) || !isObject(record)) return undefined;
  if (typeof record['id'] !== 'string' || record['id'] === '') return undefined;
  const members = membersOf(m);
  const clocks = members && clocksOf(t, members);
  if (!members || !clocks || !isIndex(a, members.length)) return undefined;
  const shared = record as SharedRecord;
  const fields = fieldsOf(json, kind as SharedKind, shared, clocks);
  const items = itemsOf(i, clocks);
  if (!fields || !items || ('x' in json && !isIndex(x, clocks.length))) return undefined;
  const removed = 'x' in json ? clocks[x as number] : undefined;
  const recordClocks = { fields, items, ...(removed !== undefined && { removed }) };
  const hlc = latestClock(recordClocks);
  if (!hlc) return undefined;
  return {
    kind: kind as SharedKind,
    record: shared,
    clocks: recordClocks,
    hlc,
    author: members[a] ?? '',
  };
}
