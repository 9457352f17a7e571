/** Stored contacts for tests that need them without a database. */
import type { Contact, ContactInput, PostalAddress } from '@core/domain/contact';

/** Any contact field, written as an input (labels and such may be left out), or a record's own. */
export type ContactFields = Partial<ContactInput & Pick<Contact, 'id' | 'createdAt' | 'updatedAt'>>;

let serial = 0;

/**
 * A contact record as the schema would store it: its own id (in creation order), fixed
 * timestamps and the schema's defaults, then `overrides`. Nothing is checked: a test may
 * build a contact the schema would refuse.
 */
export function aContact(overrides: ContactFields = {}): Contact {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-c${String(serial).padStart(11, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    kind: 'other',
    formOfAddress: 'unknown',
    addresses: [],
    emails: [],
    phones: [],
    websites: [],
    tags: [],
    doNotContact: false,
    sensitive: false,
    shareIdentity: false,
    ...overrides,
  } as Contact;
}

/** A postal address with its optional parts empty, then `fields`. */
export function anAddress(fields: Partial<PostalAddress> & { lines: string[] }): PostalAddress {
  return {
    label: undefined,
    locality: undefined,
    region: undefined,
    postalCode: undefined,
    country: undefined,
    ...fields,
  };
}
