/**
 * The contact list's filters: what the user picked, and whether a contact passes. Pure code
 * (no React), so it runs in Node tests; within one facet any value matches, across facets all
 * must.
 */
import type { CHAMBERS, Contact, ContactKind } from '@core/domain/contact';
import type { Stance, Target } from '@core/domain/target';

export type Chamber = (typeof CHAMBERS)[number];
export type FlagFilter = 'any' | 'only' | 'exclude';

export interface ContactFilters {
  kinds: ContactKind[];
  tags: string[];
  countries: string[];
  regions: string[];
  districts: string[];
  chambers: Chamber[];
  parties: string[];
  organizationIds: string[];
  /** Only targets of this campaign (with one of `stances`, when any is picked). */
  campaignId: string | null;
  stances: Stance[];
  doNotContact: FlagFilter;
  sensitive: FlagFilter;
}

export const NO_FILTERS: ContactFilters = {
  kinds: [],
  tags: [],
  countries: [],
  regions: [],
  districts: [],
  chambers: [],
  parties: [],
  organizationIds: [],
  campaignId: null,
  stances: [],
  doNotContact: 'any',
  sensitive: 'any',
};

/** The list facets: each holds the values picked, any of which a contact may match. */
export const LIST_FACETS = [
  'kinds',
  'tags',
  'countries',
  'regions',
  'districts',
  'chambers',
  'parties',
  'organizationIds',
] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

export function countActiveFilters(filters: ContactFilters): number {
  let count = LIST_FACETS.reduce((n, facet) => n + filters[facet].length, 0);
  if (filters.campaignId) count += 1 + filters.stances.length;
  if (filters.doNotContact !== 'any') count += 1;
  if (filters.sensitive !== 'any') count += 1;
  return count;
}

const anyOf = <T>(picked: readonly T[], value: T | undefined) =>
  picked.length === 0 || (value !== undefined && picked.includes(value));

const flagPasses = (filter: FlagFilter, flag: boolean) =>
  filter === 'any' || (filter === 'only') === flag;

/**
 * A predicate for the filters. `targets` are all campaign targets: a campaign filter keeps
 * the contacts targeted by that campaign, with a stance among those picked.
 */
export function contactPredicate(
  filters: ContactFilters,
  targets: readonly Target[],
): ((contact: Contact) => boolean) | null {
  if (countActiveFilters(filters) === 0) return null;
  const tags = new Set(filters.tags);
  let targeted: Set<string> | null = null;
  if (filters.campaignId) {
    targeted = new Set();
    for (const target of targets) {
      if (target.campaignId !== filters.campaignId) continue;
      if (filters.stances.length && !filters.stances.includes(target.stance)) continue;
      targeted.add(target.contactId);
    }
  }
  return (contact) =>
    anyOf(filters.kinds, contact.kind) &&
    (tags.size === 0 || contact.tags.some((tag) => tags.has(tag))) &&
    anyOf(filters.countries, contact.country) &&
    anyOf(filters.regions, contact.region) &&
    anyOf(filters.districts, contact.district) &&
    anyOf(filters.chambers, contact.chamber) &&
    anyOf(filters.parties, contact.party) &&
    anyOf(filters.organizationIds, contact.organizationId) &&
    (targeted === null || targeted.has(contact.id)) &&
    flagPasses(filters.doNotContact, contact.doNotContact) &&
    flagPasses(filters.sensitive, contact.sensitive);
}

export interface FilterOption {
  value: string;
  count: number;
}

export interface FilterOptions {
  tags: FilterOption[];
  countries: FilterOption[];
  regions: FilterOption[];
  districts: FilterOption[];
  parties: FilterOption[];
}

const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

function tally(counts: Map<string, number>, value: string | undefined): void {
  if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
}

const sorted = (counts: Map<string, number>): FilterOption[] =>
  [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => collator.compare(a.value, b.value));

/** The values present in the contacts, with how many contacts have each: one pass. */
export function filterOptionsOf(contacts: readonly Contact[]): FilterOptions {
  const tags = new Map<string, number>();
  const countries = new Map<string, number>();
  const regions = new Map<string, number>();
  const districts = new Map<string, number>();
  const parties = new Map<string, number>();
  for (const contact of contacts) {
    for (const tag of contact.tags) tally(tags, tag);
    tally(countries, contact.country);
    tally(regions, contact.region);
    tally(districts, contact.district);
    tally(parties, contact.party);
  }
  return {
    tags: sorted(tags),
    countries: sorted(countries),
    regions: sorted(regions),
    districts: sorted(districts),
    parties: sorted(parties),
  };
}
