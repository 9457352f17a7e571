/** What of a contact the search sees: the texts a user would type to find the person. */
import type { Contact } from '../domain/contact';
import type { SearchDocument } from './search-index';

/** Names weigh most, then the organisation, then role, tags and the rest. */
export const CONTACT_SEARCH_FIELDS = {
  name: 3,
  organization: 2,
  title: 1.5,
  tags: 1.5,
  reach: 1,
  place: 1,
  notes: 1,
} as const;

const join = (parts: readonly (string | undefined)[]) => parts.filter(Boolean).join(' ');

export function contactDocument(contact: Contact, organizationName?: string): SearchDocument {
  return {
    id: contact.id,
    fields: {
      name: join([
        contact.codeName,
        contact.displayName,
        contact.givenName,
        contact.familyName,
        contact.honorific,
      ]),
      organization: join([organizationName, contact.organizationName]),
      title: contact.title,
      tags: contact.tags.join(' '),
      reach: join([
        ...contact.emails.map((email) => email.value),
        ...contact.phones.map((phone) => phone.value),
      ]),
      place: join([contact.country, contact.region, contact.district, contact.party]),
      notes: contact.notes,
    },
  };
}

/**
 * What a contact's entry in the index depends on, as a 32-bit FNV-1a hash: its `updatedAt`
 * (every write through a repository moves it) and its organisation's name (renamed without
 * touching the contact). Tells a stored index which contacts changed since, without building
 * 100,000 documents at every start.
 */
export function entryVersion(contact: Contact, organizationName: string | undefined): number {
  const text = `${contact.updatedAt}\u0001${organizationName ?? ''}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
