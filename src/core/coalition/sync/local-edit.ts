/**
 * A local edit is what changed in the workspace since the engine last saw the record (`base`,
 * what was last pushed or pulled), applied on top of the replica's current state: revisions that
 * replication brought in meanwhile (not yet pulled into the workspace) are kept, not reverted.
 * Per plain field, per keyed item (a campaign's tasks) and per append-only entry; a template's
 * wording whole, the wording that arrived meanwhile kept in its history.
 */
import { ruleOf, wordingFieldsOf, type MergeRule, type MergeRuleOf } from '../record-clocks';
import { canonicalJson, type SharedRecord } from '../shared-record';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

type Item = { id: string } & Record<string, unknown>;
const itemsOf = (value: unknown): Item[] =>
  Array.isArray(value)
    ? value.filter(
        (item): item is Item =>
          typeof item === 'object' && item !== null && typeof (item as Item).id === 'string',
      )
    : [];

/** `current` with the changes from `base` to `edited` applied. */
export function rebaseEdit(
  kind: MergeRuleOf,
  current: SharedRecord,
  base: SharedRecord,
  edited: SharedRecord,
): SharedRecord {
  const rule = ruleOf(kind);
  const next: Record<string, unknown> = { ...current };
  const wording = new Set(wordingFieldsOf(rule));
  const names = new Set([...Object.keys(base), ...Object.keys(edited)]);
  for (const name of names) {
    if (name === 'id' || wording.has(name) || same(base[name], edited[name])) continue;
    if (rule.keyed.includes(name)) {
      next[name] = rebaseItems(itemsOf(current[name]), itemsOf(base[name]), itemsOf(edited[name]));
    } else if (name in rule.appendOnly) {
      const entries = Array.isArray(current[name]) ? [...(current[name] as unknown[])] : [];
      const known = new Set(entries.map((entry) => canonicalJson(entry)));
      const added = Array.isArray(edited[name]) ? (edited[name] as unknown[]) : [];
      for (const entry of added) if (!known.has(canonicalJson(entry))) entries.push(entry);
      next[name] = entries;
    } else {
      next[name] = edited[name];
    }
  }
  if (rule.versioned) rebaseWording(rule, next, current, base, edited);
  // A field the edit cleared is left out (undefined), as the workspace leaves it out.
  return Object.fromEntries(
    Object.entries(next).filter(([, value]) => value !== undefined),
  ) as SharedRecord;
}

/**
 * New local wording replaces the current one whole; a wording that arrived meanwhile (neither
 * the base's nor the edit's) goes to the history, as merging concurrent revisions does.
 */
function rebaseWording(
  rule: MergeRule,
  next: Record<string, unknown>,
  current: SharedRecord,
  base: SharedRecord,
  edited: SharedRecord,
): void {
  const versioned = rule.versioned as NonNullable<MergeRule['versioned']>;
  const names = wordingFieldsOf(rule);
  const wordingOf = (record: SharedRecord) => names.map((name) => record[name]);
  if (same(wordingOf(base), wordingOf(edited))) return;
  for (const name of names) next[name] = edited[name];
  const arrived = wordingOf(current);
  if (same(arrived, wordingOf(base)) || same(arrived, wordingOf(edited))) return;
  if (typeof current[versioned.version] !== 'number') return;
  const entry: Record<string, unknown> = {
    version: current[versioned.version],
    savedAt: current[versioned.savedAt],
  };
  for (const name of versioned.wording) entry[name] = current[name];
  const history = Array.isArray(next[versioned.history])
    ? (next[versioned.history] as unknown[])
    : [];
  const key = rule.appendOnly[versioned.history]?.key ?? canonicalJson;
  const kept = history.some((known) => key(known) === key(entry));
  if (!kept) next[versioned.history] = [...history, withoutUndefined(entry)];
}

const withoutUndefined = (entry: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));

/** Items added, changed or removed locally, applied to the current list (new ones appended). */
function rebaseItems(current: Item[], base: Item[], edited: Item[]): Item[] {
  const before = new Map(base.map((item) => [item.id, item]));
  const after = new Map(edited.map((item) => [item.id, item]));
  const result: Item[] = [];
  const seen = new Set<string>();
  for (const item of current) {
    seen.add(item.id);
    const was = before.get(item.id);
    const now = after.get(item.id);
    if (was && !now) continue; // removed locally
    result.push(now && (!was || !same(was, now)) ? now : item);
  }
  for (const item of edited) if (!seen.has(item.id) && !before.has(item.id)) result.push(item);
  return result;
}
