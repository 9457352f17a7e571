/**
 * Merging the revisions of one shared record. The replication engine picks the same winning
 * revision everywhere and keeps the others as conflicts; this turns them into one state that
 * depends only on the set of revisions (not their order, nor which one the engine picked), so
 * every laptop writes the same merged revision and deletes the same losers.
 *
 * The merge is a join: per plain field and per keyed item the latest clock wins (an equal
 * clock with different values, which only a forged revision has, goes to the larger canonical
 * JSON); append-only entries are united; a deletion is kept at its latest clock, and holds
 * while no edit is later (record-clocks.ts). Joins are commutative, associative and idempotent,
 * so merging in any grouping, any number of times, converges (test/unit/core/coalition/merge.test.ts).
 */
import {
  isPlainField,
  itemsOf,
  ruleOf,
  wordingFieldsOf,
  type ItemClock,
  type MergeRule,
  type MergeRuleOf,
  type RecordClocks,
  type RecordState,
} from './record-clocks';
import { isHlcText, parseHlc } from './hlc';
import { canonicalJson, type SharedRecord } from './shared-record';

/** Whether `a` (value and clock) beats `b`; the values only decide between equal clocks. */
const beats = (aClock: string, aValue: unknown, bClock: string, bValue: unknown) =>
  aClock !== bClock ? aClock > bClock : canonicalJson(aValue) > canonicalJson(bValue);

export function mergeStates(kind: MergeRuleOf, states: readonly RecordState[]): RecordState {
  const [first] = states;
  if (!first) throw new Error('Nothing to merge');
  const id = first.record.id;
  if (states.some((state) => state.record.id !== id)) {
    throw new Error(`Revisions of different records cannot merge (${id})`);
  }
  const rule = ruleOf(kind);
  const record: Record<string, unknown> = { id };
  const fields: Record<string, string> = {};

  const wordingNames = new Set(wordingFieldsOf(rule));
  const plainNames = new Set<string>();
  for (const state of states) {
    for (const name of [...Object.keys(state.record), ...Object.keys(state.clocks.fields)])
      if (isPlainField(rule, name) && !wordingNames.has(name)) plainNames.add(name);
  }
  for (const name of plainNames) {
    let clock = '';
    let value: unknown = undefined;
    let seen = false;
    for (const state of states) {
      const candidateClock = state.clocks.fields[name] ?? '';
      const candidate = state.record[name];
      if (!seen || beats(candidateClock, candidate, clock, value)) {
        clock = candidateClock;
        value = candidate;
        seen = true;
      }
    }
    if (value !== undefined) record[name] = value;
    if (clock) fields[name] = clock;
  }

  const superseded = rule.versioned ? mergeWording(rule, states, record, fields) : [];

  const items: Record<string, Record<string, ItemClock>> = {};
  // A collection no revision has stays absent (merging must not change a revision).
  const has = (name: string) => states.some((state) => Array.isArray(state.record[name]));
  for (const name of rule.keyed) {
    const merged = mergeKeyed(states, name);
    if (has(name)) record[name] = merged.items;
    if (states.some((state) => state.clocks.items[name])) items[name] = merged.clocks;
  }
  for (const [name, entryRule] of Object.entries(rule.appendOnly)) {
    const extra = name === rule.versioned?.history ? superseded : [];
    if (!has(name) && extra.length === 0) continue;
    const byKey = new Map<string, unknown>();
    for (const entries of [...states.map((state) => state.record[name]), extra]) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        const key = entryRule.key(entry);
        const known = byKey.get(key);
        if (!byKey.has(key) || canonicalJson(entry) > canonicalJson(known)) byKey.set(key, entry);
      }
    }
    record[name] = [...byKey.entries()]
      .map(([key, entry]) => ({ key, entry, order: entryRule.order(entry) }))
      .sort((a, b) => compareText(a.order, b.order) || compareText(a.key, b.key))
      .map(({ entry }) => entry);
  }
  const removed = states
    .map((state) => state.clocks.removed ?? '')
    .reduce((a, b) => (a >= b ? a : b));
  return {
    record: withSortedKeys(record) as SharedRecord,
    clocks: { fields, items, ...(removed && { removed }) },
  };
}

/** The latest clock of any of the wording's fields: when that wording was saved. */
function wordingClock(state: RecordState, names: readonly string[]): string {
  let latest = '';
  for (const name of names) {
    const clock = state.clocks.fields[name] ?? '';
    if (clock > latest) latest = clock;
  }
  return latest;
}

/**
 * Takes the latest wording whole into `record` and `fields` (a mix of two members' wordings is
 * nobody's); returns every other revision's current wording as a history entry, so that a
 * wording saved concurrently and not chosen stays in the history. The merged history is then
 * a function of the set of revisions: the union of their histories and current wordings, less
 * the chosen one, so the merge stays a join.
 */
function mergeWording(
  rule: MergeRule,
  states: readonly RecordState[],
  record: Record<string, unknown>,
  fields: Record<string, string>,
): unknown[] {
  const versioned = rule.versioned as NonNullable<MergeRule['versioned']>;
  const names = wordingFieldsOf(rule);
  const wordingOf = (state: RecordState) => names.map((name) => state.record[name]);
  let winner = states[0] as RecordState;
  for (const state of states) {
    if (
      beats(
        wordingClock(state, names),
        wordingOf(state),
        wordingClock(winner, names),
        wordingOf(winner),
      )
    )
      winner = state;
  }
  for (const name of names) {
    if (winner.record[name] !== undefined) record[name] = winner.record[name];
    const clock = winner.clocks.fields[name];
    if (clock) fields[name] = clock;
  }
  const chosen = canonicalJson(wordingOf(winner));
  const superseded: unknown[] = [];
  for (const state of states) {
    if (canonicalJson(wordingOf(state)) === chosen) continue;
    if (typeof state.record[versioned.version] !== 'number') continue;
    const entry: Record<string, unknown> = { version: state.record[versioned.version] };
    // When the wording was saved, from its own clock: the same on every laptop, in any grouping.
    const clock = wordingClock(state, names);
    if (isHlcText(clock)) entry['savedAt'] = new Date(parseHlc(clock).wall).toISOString();
    for (const name of versioned.wording)
      if (state.record[name] !== undefined) entry[name] = state.record[name];
    superseded.push(entry);
  }
  return superseded;
}

interface ItemCandidate {
  clock: ItemClock;
  value: SharedRecord | undefined;
}

/** Per item the latest write wins (a removal too); `added` is the earliest any revision knew. */
function mergeKeyed(states: readonly RecordState[], name: string) {
  const candidates = new Map<string, ItemCandidate[]>();
  for (const state of states) {
    const known = state.clocks.items[name] ?? {};
    const present = new Map(itemsOf(state.record, name).map((item) => [item.id, item]));
    for (const id of new Set([...Object.keys(known), ...present.keys()])) {
      const clock = known[id] ?? { added: '', written: '' };
      const value = clock.deleted ? undefined : present.get(id);
      candidates.set(id, [...(candidates.get(id) ?? []), { clock, value }]);
    }
  }
  const clocks: Record<string, ItemClock> = {};
  const alive: SharedRecord[] = [];
  for (const [id, list] of candidates) {
    let best = list[0] as ItemCandidate;
    for (const candidate of list) {
      if (
        beats(
          candidate.clock.written,
          candidate.value ?? null,
          best.clock.written,
          best.value ?? null,
        )
      )
        best = candidate;
    }
    const first = list
      .map((candidate) => candidate.clock)
      .filter((clock) => clock.added)
      .sort(byPlace)[0];
    if (first || best.clock.written) {
      clocks[id] = {
        added: first?.added ?? '',
        ...(first?.place !== undefined && { place: first.place }),
        written: best.clock.written,
        ...(best.clock.deleted && { deleted: true as const }),
      };
    }
    if (best.value) alive.push(best.value);
  }
  const none: ItemClock = { added: '', written: '' };
  const items = alive.sort(
    (a, b) => byPlace(clocks[a.id] ?? none, clocks[b.id] ?? none) || compareText(a.id, b.id),
  );
  return { items, clocks };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Items in the order they were added: by the adding edit's clock, then their place in it. */
const byPlace = (a: ItemClock, b: ItemClock) =>
  compareText(a.added, b.added) || (a.place ?? 0) - (b.place ?? 0);

function withSortedKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

export interface OpenedRevision {
  /** The engine's revision id (`_rev`). */
  rev: string;
  state: RecordState;
}

export interface MergePlan {
  /** The merged state. */
  state: RecordState;
  /** Whether the merged state differs from the winner's: then it is written as a new revision. */
  write: boolean;
  /** The conflicting revisions to delete: all of them, their edits being in the merged state. */
  remove: string[];
}

/** What to do with a record's winning and conflicting revisions (already opened). */
export function planMerge(
  kind: MergeRuleOf,
  winner: OpenedRevision,
  conflicts: readonly OpenedRevision[],
): MergePlan {
  const state = mergeStates(kind, [winner.state, ...conflicts.map((c) => c.state)]);
  return {
    state,
    write: stateText(state) !== stateText(winner.state),
    remove: conflicts.map((c) => c.rev).sort(),
  };
}

/** A state's canonical text: equal texts are equal states. */
export function stateText(state: RecordState): string {
  return canonicalJson(state);
}

export type { RecordClocks, RecordState };
