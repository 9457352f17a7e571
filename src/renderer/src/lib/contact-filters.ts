/**
 * The one model of contact filters, for the contact list and a campaign's "Add targets":
 * what the user picked, and whether a contact passes. Within one facet any value matches,
 * across facets all must. Text values compare as search does (case, accents, tashkeel and
 * Arabic spelling variants ignored), so "Beyrouth" finds "beyrouth" and "محافظه" "مُحافظة".
 * Pure code (no React), so it runs in Node tests.
 */
import type { CHAMBERS, Contact, ContactKind } from '@core/domain/contact';
import type { Stance, Target } from '@core/domain/target';
import { normalizeForSearch } from '@core/search';

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

/**
 * A text value as filters compare it. Cached: a workspace repeats a few hundred places,
 * parties and tags across its contacts, and a filter runs over all of them.
 */
const keys = new Map<string, string>();
export function filterKey(value: string): string {
  let key = keys.get(value);
  if (key === undefined) {
    if (keys.size >= 50_000) keys.clear();
    key = normalizeForSearch(value);
    keys.set(value, key);
  }
  return key;
}

/** A text facet's test: any picked value, compared by key; null when none is picked. */
function textFacet(picked: readonly string[]): ((value: string | undefined) => boolean) | null {
  if (picked.length === 0) return null;
  const wanted = new Set(picked.map(filterKey));
  return (value) => value !== undefined && wanted.has(filterKey(value));
}

type Text = (value: string | undefined) => boolean;

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
  const tag = textFacet(filters.tags);
  const text = (picked: readonly string[]) => textFacet(picked) ?? (() => true);
  const [country, region, district, party] = [
    filters.countries,
    filters.regions,
    filters.districts,
    filters.parties,
  ].map(text) as [Text, Text, Text, Text];
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
    (tag === null || contact.tags.some(tag)) &&
    country(contact.country) &&
    region(contact.region) &&
    district(contact.district) &&
    anyOf(filters.chambers, contact.chamber) &&
    party(contact.party) &&
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

/** Counts contacts by a value's key; the first spelling met names the option. */
type Tally = Map<string, FilterOption>;

function tally(counts: Tally, value: string | undefined): void {
  if (!value) return;
  const key = filterKey(value);
  if (!key) return;
  const option = counts.get(key);
  if (option) option.count += 1;
  else counts.set(key, { value, count: 1 });
}

const sorted = (counts: Tally, collator: Intl.Collator): FilterOption[] =>
  [...counts.values()].sort((a, b) => collator.compare(a.value, b.value));

/**
 * The values present in the contacts, with how many contacts have each: one pass. Spellings
 * that compare the same are one option, named by the first met.
 */
export function filterOptionsOf(
  contacts: readonly Contact[],
  /** Sorts the options for this language (its script first); the runtime's by default. */
  language?: string,
): FilterOptions {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const tags: Tally = new Map();
  const countries: Tally = new Map();
  const regions: Tally = new Map();
  const districts: Tally = new Map();
  const parties: Tally = new Map();
  for (const contact of contacts) {
    // Counted once per contact, however many spellings of it the contact has.
    const own = new Set<string>();
    for (const tag of contact.tags) {
      if (!own.has(filterKey(tag))) tally(tags, tag);
      own.add(filterKey(tag));
    }
    tally(countries, contact.country);
    tally(regions, contact.region);
    tally(districts, contact.district);
    tally(parties, contact.party);
  }
  return {
    tags: sorted(tags, collator),
    countries: sorted(countries, collator),
    regions: sorted(regions, collator),
    districts: sorted(districts, collator),
    parties: sorted(parties, collator),
  };
}
