/** Contacts → one vCard 4.0 file (many cards), re-importable by Tadamun and readable by phones. */
import ICAL from 'ical.js';
import { identityName, type Contact } from '../domain/contact';
import { organizationOf, type OrganizationNames } from './export-selection';
import { VCARD_EXTENSIONS } from './vcard-extensions';

type JCalProperty = [string, Record<string, string>, string, ...unknown[]];

const GENDER = { feminine: 'F', masculine: 'M', neutral: 'O', unknown: undefined } as const;

const typed = (label: string | undefined): Record<string, string> => (label ? { type: label } : {});

function extensions(contact: Contact): JCalProperty[] {
  const values: Record<string, string | undefined> = {
    kind: contact.kind,
    country: contact.country,
    region: contact.region,
    district: contact.district,
    chamber: contact.chamber,
    party: contact.party,
    doNotContact: contact.doNotContact ? 'yes' : undefined,
    sensitive: contact.sensitive ? 'yes' : undefined,
    externalId: contact.externalId,
    codeName: contact.codeName,
  };
  return Object.entries(VCARD_EXTENSIONS).flatMap(([property, field]) => {
    const value = values[field];
    return value ? [[property.toLowerCase(), {}, 'text', value] as JCalProperty] : [];
  });
}

function cardOf(contact: Contact, organizations: OrganizationNames): unknown[] {
  const properties: JCalProperty[] = [
    ['version', {}, 'text', '4.0'],
    ['fn', {}, 'text', identityName(contact)],
  ];
  if (contact.givenName || contact.familyName || contact.honorific) {
    properties.push([
      'n',
      {},
      'text',
      [contact.familyName ?? '', contact.givenName ?? '', '', contact.honorific ?? '', ''],
    ]);
  }
  const organization = organizationOf(contact, organizations);
  if (organization) properties.push(['org', {}, 'text', organization]);
  if (contact.title) properties.push(['title', {}, 'text', contact.title]);
  for (const email of contact.emails)
    properties.push(['email', typed(email.label), 'text', email.value]);
  for (const phone of contact.phones)
    properties.push(['tel', typed(phone.label), 'text', phone.value]);
  for (const site of contact.websites)
    properties.push(['url', typed(site.label), 'uri', site.value]);
  for (const address of contact.addresses) {
    properties.push([
      'adr',
      typed(address.label),
      'text',
      [
        '',
        '',
        address.lines.join('\n'),
        address.locality ?? '',
        address.region ?? '',
        address.postalCode ?? '',
        address.country ?? '',
      ],
    ]);
  }
  const gender = GENDER[contact.formOfAddress];
  if (gender) properties.push(['gender', {}, 'text', gender]);
  if (contact.preferredLanguage)
    properties.push(['lang', {}, 'language-tag', contact.preferredLanguage]);
  if (contact.tags.length) properties.push(['categories', {}, 'text', ...contact.tags]);
  if (contact.notes) properties.push(['note', {}, 'text', contact.notes]);
  properties.push(...extensions(contact));
  return ['vcard', properties, []];
}

export function contactsToVCard(
  contacts: readonly Contact[],
  organizations: OrganizationNames,
): string {
  return (
    contacts.map((contact) => ICAL.stringify(cardOf(contact, organizations))).join('\r\n') + '\r\n'
  );
}

export function exportContactsVCard(
  contacts: readonly Contact[],
  organizations: OrganizationNames,
): Uint8Array {
  return new TextEncoder().encode(contactsToVCard(contacts, organizations));
}
