/**
 * Which edit last wrote each part of a shared record: the clocks that let concurrent edits merge
 * field by field (merge.ts). A local edit is stamped by comparing the record before and after.
 *
 * Per kind, a record has three sorts of field:
 * - plain fields: last writer wins, one clock per field;
 * - keyed collections (a campaign's milestones and tasks): items with an `id`, each added,
 *   edited or removed on its own (a removed item keeps its clock: a tombstone);
 * - append-only collections (a target's stance history, a template's earlier versions): the
 *   union of every member's entries, never conflicting, so they need no clocks.
 */
import { canonicalJson, type SharedKind, type SharedRecord } from './shared-record';

export interface ItemClock {
  /** When the item was added: orders items (the app only ever appends them). */
  added: string;
  /** Its index when added: orders the items one edit added (a campaign shared the first time). */
  place?: number;
  /** The last edit (or the removal) of the item. */
  written: string;
  deleted?: true;
}

export interface RecordClocks {
  /** Plain field name → formatted HLC of its last write. */
  fields: Record<string, string>;
  /** Keyed collection field → item id → its clocks. */
  items: Record<string, Record<string, ItemClock>>;
  /**
   * When the record was deleted. It stays deleted unless a later edit comes (an edit made
   * before the deletion was seen): then it is back, with every edit merged.
   */
  removed?: string;
}

export interface RecordState {
  record: SharedRecord;
  clocks: RecordClocks;
}

export interface AppendOnlyRule {
  /** What makes two entries the same entry. */
  key: (entry: unknown) => string;
  /** Where an entry sorts (ties sorted by key). */
  order: (entry: unknown) => string;
}

/**
 * Fields saved together as one wording with a version (a template's subject, body, closing and
 * signature): the latest wording wins whole, and every other wording a revision held goes to the
 * append-only `history` field, so a wording saved concurrently is never lost.
 */
export interface VersionedRule {
  wording: readonly string[];
  version: string;
  history: string;
  /**
   * The field a wording superseded by a local edit takes its `savedAt` from (the record's last
   * write, as when the app saves new wording); a merge takes it from the wording's clock.
   */
  savedAt: string;
}

export interface MergeRule {
  keyed: readonly string[];
  appendOnly: Readonly<Record<string, AppendOnlyRule>>;
  versioned?: VersionedRule;
}

const field = (entry: unknown, name: string): unknown =>
  typeof entry === 'object' && entry !== null
    ? (entry as Record<string, unknown>)[name]
    : undefined;

/** Stance changes carry no id: an entry is the same entry when every field is the same. */
const stanceHistory: AppendOnlyRule = {
  key: canonicalJson,
  order: (entry) => String(field(entry, 'at') ?? ''),
};
const TEMPLATE_WORDING = ['subject', 'body', 'closing', 'signature'] as const;
const paddedVersion = (entry: unknown) => String(field(entry, 'version')).padStart(10, '0');
/**
 * A template's earlier wording is identified by its version and its text: two members saving
 * version 4 concurrently both keep theirs (the same number twice), whatever their `savedAt`.
 */
const templateHistory: AppendOnlyRule = {
  key: (entry) =>
    `${paddedVersion(entry)}\n${canonicalJson(TEMPLATE_WORDING.map((name) => field(entry, name)))}`,
  order: paddedVersion,
};

const PLAIN: MergeRule = { keyed: [], appendOnly: {} };

export const MERGE_RULES: Readonly<Record<SharedKind, MergeRule>> = {
  campaign: { keyed: ['milestones', 'tasks'], appendOnly: {} },
  target: { keyed: [], appendOnly: { stanceHistory } },
  template: {
    keyed: [],
    appendOnly: { history: templateHistory },
    versioned: {
      wording: TEMPLATE_WORDING,
      version: 'version',
      history: 'history',
      savedAt: 'updatedAt',
    },
  },
  contact: PLAIN,
  organization: PLAIN,
  interaction: PLAIN,
  letter: PLAIN,
};

/** A kind's merge rule, or a rule given as such (tests merge records with every sort of field). */
export type MergeRuleOf = SharedKind | MergeRule;
export const ruleOf = (kind: MergeRuleOf): MergeRule =>
  typeof kind === 'string' ? MERGE_RULES[kind] : kind;

/** The fields of a versioned wording, its version included (merged whole, not field by field). */
export const wordingFieldsOf = (rule: MergeRule): readonly string[] =>
  rule.versioned ? [...rule.versioned.wording, rule.versioned.version] : [];

/** Fields that are merged as collections, not as plain values (and the id, which never changes). */
export function isPlainField(rule: MergeRule, name: string): boolean {
  return name !== 'id' && !rule.keyed.includes(name) && !(name in rule.appendOnly);
}

export const itemsOf = (record: SharedRecord, name: string): readonly SharedRecord[] => {
  const value = record[name];
  return Array.isArray(value)
    ? value.filter(
        (item): item is SharedRecord =>
          typeof item === 'object' && item !== null && typeof field(item, 'id') === 'string',
      )
    : [];
};

/**
 * The state after a local edit that turned `previous` (undefined for a new record) into `next`,
 * the edit's clock being `hlc` (formatted): every plain field and item that changed takes it.
 */
export function stampEdit(
  kind: MergeRuleOf,
  previous: RecordState | undefined,
  next: SharedRecord,
  hlc: string,
): RecordState {
  const rule = ruleOf(kind);
  const before = previous?.record ?? { id: next.id };
  const fields = { ...previous?.clocks.fields };
  const names = new Set([...Object.keys(before), ...Object.keys(next)]);
  for (const name of names) {
    if (!isPlainField(rule, name)) continue;
    if (!previous || canonicalJson(before[name]) !== canonicalJson(next[name])) fields[name] = hlc;
  }
  const items: Record<string, Record<string, ItemClock>> = {};
  for (const name of rule.keyed) {
    const clocks = { ...previous?.clocks.items[name] };
    const old = new Map(itemsOf(before, name).map((item) => [item.id, item]));
    const now = new Map(itemsOf(next, name).map((item) => [item.id, item]));
    const addedAt = (known: ItemClock | undefined, place: number) =>
      known
        ? { added: known.added, ...(known.place !== undefined && { place: known.place }) }
        : { added: hlc, place };
    [...now].forEach(([id, item], place) => {
      const was = old.get(id);
      const known = clocks[id];
      if (!was || !known || known.deleted) clocks[id] = { ...addedAt(known, place), written: hlc };
      else if (canonicalJson(was) !== canonicalJson(item)) clocks[id] = { ...known, written: hlc };
    });
    [...old.keys()].forEach((id, place) => {
      if (!now.has(id)) clocks[id] = { ...addedAt(clocks[id], place), written: hlc, deleted: true };
    });
    items[name] = clocks;
  }
  const removed = previous?.clocks.removed;
  return { record: next, clocks: { fields, items, ...(removed && { removed }) } };
}

/** The state after deleting the record at `hlc`: its fields stay, for a later edit to revive. */
export function stampRemoval(state: RecordState, hlc: string): RecordState {
  return { record: state.record, clocks: { ...state.clocks, removed: hlc } };
}

/** Whether the record is deleted: its deletion is later than every edit of it. */
export function isRemoved(state: RecordState): boolean {
  const { removed } = state.clocks;
  return removed !== undefined && removed > latestWrite(state.clocks);
}

function latestWrite(clocks: RecordClocks): string {
  let latest = '';
  for (const hlc of Object.values(clocks.fields)) if (hlc > latest) latest = hlc;
  for (const items of Object.values(clocks.items))
    for (const item of Object.values(items)) if (item.written > latest) latest = item.written;
  return latest;
}

/** The latest clock anywhere in a state (its deletion included): the document's clock. */
export function latestClock(clocks: RecordClocks): string {
  const latest = latestWrite(clocks);
  return clocks.removed && clocks.removed > latest ? clocks.removed : latest;
}
