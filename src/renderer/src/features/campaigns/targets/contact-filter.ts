/**
 * A campaign's "Add targets" filter (its model, ContactFilter, is core's: saved filters store
 * it). It picks contacts through the contact list's filter model (lib/contact-filters), which
 * compares text as search does.
 */
import type { Contact } from '@core/domain/contact';
import type { ContactFilter } from '@core/domain/saved-filter';
import {
  contactPredicate,
  filterOptionsOf,
  NO_FILTERS,
  type ContactFilters,
} from '@renderer/lib/contact-filters';

export const TEXT_FILTERS = ['country', 'region', 'district', 'party', 'tag'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export function isEmptyFilter(filter: ContactFilter): boolean {
  return Object.values(filter).every((value) => value === undefined || value === '');
}

const one = <T>(value: T | undefined): T[] => (value ? [value] : []);

/** The same filter in the contact list's model (its text query left out). */
export function toContactFilters(filter: ContactFilter): ContactFilters {
  return {
    ...NO_FILTERS,
    kinds: one(filter.kind),
    chambers: one(filter.chamber),
    organizationIds: one(filter.organizationId),
    countries: one(filter.country),
    regions: one(filter.region),
    districts: one(filter.district),
    parties: one(filter.party),
    tags: one(filter.tag),
  };
}

/** Whether a contact passes the filter, its text query left out (the search index answers it). */
export function filterPredicate(filter: ContactFilter): (contact: Contact) => boolean {
  return contactPredicate(toContactFilters(filter), []) ?? (() => true);
}

export function matchesFilter(contact: Contact, filter: ContactFilter): boolean {
  return filterPredicate(filter)(contact);
}

/** The values contacts have for each text filter, sorted, each once (first spelling kept). */
export function filterValues(
  contacts: readonly Contact[],
  language?: string,
): Record<TextFilter, string[]> {
  const options = filterOptionsOf(contacts, language);
  const values = (list: readonly { value: string }[]) => list.map((option) => option.value);
  return {
    country: values(options.countries),
    region: values(options.regions),
    district: values(options.districts),
    party: values(options.parties),
    tag: values(options.tags),
  };
}
