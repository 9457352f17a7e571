import type { Contact } from '@core/domain/contact';

export interface VisibleContactsInput {
  /** Every contact, in the chosen column order. */
  sorted: readonly Contact[];
  /** Search hits best first, or null when there is no query. */
  hits: readonly Contact[] | null;
  /** True when the user picked a sort column: hits then follow it instead of relevance. */
  userSorted: boolean;
  predicate: ((contact: Contact) => boolean) | null;
}

/**
 * The rows to show: with a query, the hits (by relevance, or in the sorted order when the user
 * picked a column); then the filters. One linear pass: cheap enough for every keystroke.
 */
export function visibleContacts({
  sorted,
  hits,
  userSorted,
  predicate,
}: VisibleContactsInput): readonly Contact[] {
  let rows: readonly Contact[] = sorted;
  if (hits) {
    if (userSorted) {
      const found = new Set(hits.map((contact) => contact.id));
      rows = sorted.filter((contact) => found.has(contact.id));
    } else {
      rows = hits;
    }
  }
  return predicate ? rows.filter(predicate) : rows;
}
