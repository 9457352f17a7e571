/**
 * Contacts → CSV that Excel opens with Arabic intact (UTF-8 with a byte-order mark) and that
 * Tadamun's importer maps back column by column, so export → import gives the same contacts.
 * Lists (emails, phones, tags, address lines) go one entry per line inside their cell.
 */
import Papa from 'papaparse';
import type { Contact, PostalAddress } from '../domain/contact';
import { organizationOf, type OrganizationNames } from './export-selection';

type Column = readonly [header: string, value: (contact: Contact) => string];

const text = (value: string | undefined) => value ?? '';
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** One entry per line; a lone entry holding a separator gets a closing line break. */
export function joinList(entries: readonly string[]): string {
  const joined = entries.join('\n');
  return entries.length === 1 && /[;,،؛]/.test(joined) ? `${joined}\n` : joined;
}

const labelledList = (entries: readonly { label?: string; value: string }[]) =>
  joinList(entries.map((entry) => (entry.label ? `${entry.label}: ${entry.value}` : entry.value)));

function contactColumns(organizations: OrganizationNames): Column[] {
  return [
    ['Display name', (c) => text(c.displayName)],
    ['Code name', (c) => text(c.codeName)],
    ['Honorific', (c) => text(c.honorific)],
    ['Given name', (c) => text(c.givenName)],
    ['Family name', (c) => text(c.familyName)],
    ['Kind', (c) => c.kind],
    ['Form of address', (c) => c.formOfAddress],
    ['Title', (c) => text(c.title)],
    ['Organization', (c) => organizationOf(c, organizations)],
    ['Country', (c) => text(c.country)],
    ['Region', (c) => text(c.region)],
    ['District', (c) => text(c.district)],
    ['Chamber', (c) => text(c.chamber)],
    ['Party', (c) => text(c.party)],
    ['Emails', (c) => labelledList(c.emails)],
    ['Phones', (c) => labelledList(c.phones)],
    ['Websites', (c) => labelledList(c.websites)],
    ['Preferred language', (c) => text(c.preferredLanguage)],
    ['Tags', (c) => joinList(c.tags)],
    ['Notes', (c) => text(c.notes)],
    ['Do not contact', (c) => yesNo(c.doNotContact)],
    ['Sensitive', (c) => yesNo(c.sensitive)],
    ['External ID', (c) => text(c.externalId)],
  ];
}

function addressColumns(slot: number): Column[] {
  const name = slot === 1 ? 'Address' : `Address ${slot}`;
  const part = (read: (address: PostalAddress) => string) => (contact: Contact) => {
    const address = contact.addresses[slot - 1];
    return address ? read(address) : '';
  };
  return [
    [name, part((a) => a.lines.join('\n'))],
    [`${name} city`, part((a) => text(a.locality))],
    [`${name} region`, part((a) => text(a.region))],
    [`${name} postal code`, part((a) => text(a.postalCode))],
    [`${name} country`, part((a) => text(a.country))],
    [`${name} label`, part((a) => text(a.label))],
  ];
}

/** Cells a spreadsheet would run as a formula get a leading apostrophe (the importer drops it). */
const FORMULA_START = /^['=+\-@\t\r]/;

export function contactsToCsv(
  contacts: readonly Contact[],
  organizations: OrganizationNames,
): string {
  const slots = Math.max(1, ...contacts.map((contact) => contact.addresses.length));
  const columns = [...contactColumns(organizations)];
  for (let slot = 1; slot <= slots; slot += 1) columns.push(...addressColumns(slot));
  return Papa.unparse(
    {
      fields: columns.map(([header]) => header),
      data: contacts.map((contact) => columns.map(([, value]) => value(contact))),
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}

/** The file's bytes: UTF-8 with a byte-order mark, which Excel needs to read Arabic. */
export function exportContactsCsv(
  contacts: readonly Contact[],
  organizations: OrganizationNames,
): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${contactsToCsv(contacts, organizations)}\r\n`);
}
