/**
 * What a side-by-side merge shows and decides: the single-valued fields on which two
 * contacts differ (the user picks one value each), while lists are united, notes joined and
 * the do-not-contact and sensitive flags kept if either contact has them.
 */
import type { Contact, ContactInput } from '../domain/contact';
import { digitsOf } from './contact-keys';

export const CHOOSABLE_FIELDS = [
  'kind',
  'honorific',
  'givenName',
  'familyName',
  'displayName',
  'formOfAddress',
  'title',
  'organizationId',
  'organizationName',
  'country',
  'region',
  'district',
  'chamber',
  'party',
  'preferredLanguage',
  'externalId',
] as const;
export type ChoosableField = (typeof CHOOSABLE_FIELDS)[number];

export interface FieldDifference<F extends ChoosableField = ChoosableField> {
  field: F;
  keep: Contact[F];
  drop: Contact[F];
}

/** Single-valued fields whose values differ (one side may be empty), in form order. */
export function differingFields(keep: Contact, drop: Contact): FieldDifference[] {
  return CHOOSABLE_FIELDS.filter((field) => keep[field] !== drop[field]).map((field) => ({
    field,
    keep: keep[field],
    drop: drop[field],
  }));
}

export type FieldChoice = 'keep' | 'drop';

/**
 * The `fields` argument of `contacts.merge` for the user's choices: each differing field
 * gets the chosen side's value, an empty one included. Unchosen fields default to the kept
 * contact's value, or the other's where the kept one is empty.
 */
export function chosenFields(
  keep: Contact,
  drop: Contact,
  choices: Partial<Record<ChoosableField, FieldChoice>>,
): Partial<ContactInput> {
  const fields: Record<string, unknown> = {};
  for (const { field } of differingFields(keep, drop)) {
    const choice = choices[field] ?? (keep[field] === undefined ? 'drop' : 'keep');
    fields[field] = choice === 'keep' ? keep[field] : drop[field];
  }
  return fields as Partial<ContactInput>;
}

/** Entries of both lists, the first's first, each value once (compared by `keyOf`). */
export function unionBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}

interface Labelled {
  label?: string;
}

/**
 * A list refreshed from an outside source (a directory re-import): the incoming entries,
 * plus the current ones the source does not speak for (another label, another value). The
 * user's own entries are kept first when the list would pass `max`.
 */
export function refreshedList<T extends Labelled>(
  current: readonly T[],
  incoming: readonly T[],
  keyOf: (item: T) => string,
  max: number,
): T[] {
  const labels = new Set(incoming.map((item) => item.label).filter(Boolean));
  const values = new Set(incoming.map(keyOf));
  const own = current.filter(
    (item) => !(item.label && labels.has(item.label)) && !values.has(keyOf(item)),
  );
  return [...incoming.slice(0, Math.max(0, max - own.length)), ...own];
}

/** When two list entries are the same: e-mails by case, phones by digits, the rest by text. */
export const LIST_ENTRY_KEYS = {
  emails: (entry: { value: string }) => entry.value.trim().toLowerCase(),
  phones: (entry: { value: string }) => digitsOf(entry.value),
  // A city alone is an address too: two with no street differ by their other parts.
  addresses: (entry: {
    lines: readonly string[];
    locality?: string;
    postalCode?: string;
    country?: string;
  }) => [...entry.lines, entry.locality, entry.postalCode, entry.country].join('\n'),
  websites: (entry: { value: string }) => entry.value.trim(),
} as const;
