/**
 * Which contacts a campaign's "Add targets" filter picks: kind, chamber, place, party, tag and
 * organization, compared the way search compares text (case, accents and Arabic spelling
 * variants ignored), so "Beyrouth"/"beyrouth" and "الشمال"/"الشمال" with tashkeel match.
 */
import { z } from 'zod';
import { CHAMBERS, CONTACT_KINDS, type Contact } from '@core/domain/contact';
import { normalizeForSearch } from '@core/search';

export const TEXT_FILTERS = ['country', 'region', 'district', 'party', 'tag'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export const contactFilterSchema = z.strictObject({
  query: z.string().max(200).optional(),
  kind: z.enum(CONTACT_KINDS).optional(),
  chamber: z.enum(CHAMBERS).optional(),
  country: z.string().max(120).optional(),
  region: z.string().max(120).optional(),
  district: z.string().max(120).optional(),
  party: z.string().max(120).optional(),
  tag: z.string().max(60).optional(),
  organizationId: z.string().max(60).optional(),
});
export type ContactFilter = z.infer<typeof contactFilterSchema>;

export function isEmptyFilter(filter: ContactFilter): boolean {
  return Object.values(filter).every((value) => value === undefined || value === '');
}

const same = (a: string | undefined, b: string) =>
  a !== undefined && normalizeForSearch(a) === normalizeForSearch(b);

/** The filter without its text query (which the search index answers). */
export function matchesFilter(contact: Contact, filter: ContactFilter): boolean {
  if (filter.kind && contact.kind !== filter.kind) return false;
  if (filter.chamber && contact.chamber !== filter.chamber) return false;
  if (filter.organizationId && contact.organizationId !== filter.organizationId) return false;
  for (const field of ['country', 'region', 'district', 'party'] as const) {
    const wanted = filter[field];
    if (wanted && !same(contact[field], wanted)) return false;
  }
  if (filter.tag && !contact.tags.some((tag) => same(tag, filter.tag ?? ''))) return false;
  return true;
}

/** The values contacts have for each text filter, sorted, each once (first spelling kept). */
export function filterValues(contacts: readonly Contact[]): Record<TextFilter, string[]> {
  const seen = Object.fromEntries(
    TEXT_FILTERS.map((field) => [field, new Map<string, string>()]),
  ) as Record<TextFilter, Map<string, string>>;
  const add = (field: TextFilter, value: string | undefined) => {
    if (!value) return;
    const key = normalizeForSearch(value);
    if (key && !seen[field].has(key)) seen[field].set(key, value);
  };
  for (const contact of contacts) {
    add('country', contact.country);
    add('region', contact.region);
    add('district', contact.district);
    add('party', contact.party);
    for (const tag of contact.tags) add('tag', tag);
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return Object.fromEntries(
    TEXT_FILTERS.map((field) => [field, [...seen[field].values()].sort(collator.compare)]),
  ) as Record<TextFilter, string[]>;
}
