/**
 * The columns the contact list can show, what each sorts by, and the default choice. Pure
 * code: sorting 100,000 contacts runs once per data version and sort column, never per
 * keystroke (the filtered list keeps the sorted order).
 */
import {
  CHAMBERS,
  CONTACT_KINDS,
  contactName,
  hidesIdentity,
  type Contact,
} from '@core/domain/contact';
import { normalizeForSearch } from '@core/search';

export const COLUMN_IDS = [
  'name',
  'kind',
  'title',
  'organization',
  'jurisdiction',
  'chamber',
  'party',
  'email',
  'phone',
  'tags',
  'flags',
  'updated',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'name',
  'kind',
  'organization',
  'jurisdiction',
  'tags',
  'flags',
];

export type SortDirection = 'asc' | 'desc';
export interface SortSpec {
  column: ColumnId;
  direction: SortDirection;
}

/** A contact's organisation as shown: the linked record's name, else the free text. */
export type OrganizationNameOf = (contact: Contact) => string;

export function jurisdictionOf(contact: Contact): string {
  return [contact.district, contact.region, contact.country].filter(Boolean).join(', ');
}

const textKey = (text: string | undefined) => (text ? normalizeForSearch(text) : '');

/** What a column sorts by: text (normalized, so Arabic letter forms sort together) or a number. */
export function sortKeyOf(
  column: ColumnId,
  contact: Contact,
  organizationOf: OrganizationNameOf,
): string | number {
  switch (column) {
    case 'name':
      return textKey(contactName(contact));
    case 'kind':
      return CONTACT_KINDS.indexOf(contact.kind);
    case 'title':
      return textKey(contact.title);
    case 'organization':
      return textKey(organizationOf(contact));
    case 'jurisdiction':
      return textKey([contact.country, contact.region, contact.district].join(' '));
    case 'chamber':
      return contact.chamber ? CHAMBERS.indexOf(contact.chamber) : Number.POSITIVE_INFINITY;
    case 'party':
      return textKey(contact.party);
    case 'email':
      return hidesIdentity(contact) ? '' : textKey(contact.emails[0]?.value);
    case 'phone':
      return hidesIdentity(contact) ? '' : (contact.phones[0]?.value.replace(/\D/g, '') ?? '');
    case 'tags':
      return textKey(contact.tags.join(' '));
    case 'flags':
      return (contact.doNotContact ? 2 : 0) + (contact.sensitive ? 1 : 0);
    case 'updated':
      return contact.updatedAt;
  }
}

const isBlank = (key: string | number) => key === '' || key === Number.POSITIVE_INFINITY;

/**
 * The contacts in the column's order; blanks always last, ties by name. Returns a new array.
 */
export function sortContacts(
  contacts: readonly Contact[],
  sort: SortSpec,
  organizationOf: OrganizationNameOf,
): Contact[] {
  const keys = contacts.map((contact) => sortKeyOf(sort.column, contact, organizationOf));
  const names =
    sort.column === 'name' ? keys : contacts.map((contact) => textKey(contactName(contact)));
  const sign = sort.direction === 'asc' ? 1 : -1;
  const order = contacts.map((_, index) => index);
  order.sort((a, b) => {
    const ka = keys[a] as string | number;
    const kb = keys[b] as string | number;
    if (isBlank(ka) !== isBlank(kb)) return isBlank(ka) ? 1 : -1;
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    const na = names[a] as string | number;
    const nb = names[b] as string | number;
    return na === nb ? 0 : na < nb ? -1 : 1;
  });
  return order.map((index) => contacts[index] as Contact);
}
