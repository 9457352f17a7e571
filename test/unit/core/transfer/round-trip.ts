/** Contacts with every field filled, exported and read back: the exporters' round trips. */
import { expect } from 'vitest';
import type { Contact, ContactInput, DataCore } from '@core/index';
import {
  convertRows,
  decodeText,
  exportContactsCsv,
  guessMapping,
  importContacts,
  parseDelimited,
  type OrganizationNames,
} from '@core/transfer';
import { closingAfterEach } from '../../../helpers/fresh-data-core';

/** Call once in a test file: gives cores holding one organization, each closed after its test. */
export function coresWithOrganization() {
  const fresh = closingAfterEach();
  return async () => {
    const { core } = await fresh();
    const organization = await core.organizations.create({ name: 'Ministry of Justice' });
    return { core, organization };
  };
}

export const namesOf = (core: DataCore): OrganizationNames =>
  new Map(core.organizations.all().map((organization) => [organization.id, organization.name]));

export const withoutRecordFields = ({
  id: _id,
  createdAt: _c,
  updatedAt: _u,
  ...fields
}: Contact) => fields;

export function richContacts(organizationId: string): ContactInput[] {
  return [
    {
      kind: 'official',
      honorific: 'Hon.',
      givenName: 'Layla',
      familyName: 'Haddad',
      displayName: 'Sen. Layla Haddad',
      formOfAddress: 'feminine',
      title: 'Senator, "Justice" committee',
      organizationId,
      country: 'Lebanon',
      region: 'Beirut',
      district: 'Beirut I',
      chamber: 'upper',
      party: 'Independent',
      addresses: [
        {
          label: 'Office',
          lines: ['12 Main St', 'Floor 2'],
          locality: 'Beirut',
          postalCode: '1100',
          country: 'Lebanon',
        },
        { lines: ['PO Box 5'], region: 'Mount Lebanon' },
      ],
      emails: [{ label: 'work', value: 'layla@example.org' }, { value: 'l.h@example.org' }],
      phones: [{ label: 'office', value: '+961 1 234 567' }, { value: '٠٣ ١٢٣ ٤٥٦' }],
      websites: [{ label: 'Site', value: 'https://example.org/a;b,c' }],
      preferredLanguage: 'ar-LB',
      tags: ['health', 'حقوق، صحة', 'press'],
      notes: 'Met at the forum, 2025.\nFollow up; "soon".\n=SUM(A1)',
      doNotContact: true,
      sensitive: true,
      externalId: 'leb:senate:12',
    },
    {
      givenName: 'سارة',
      familyName: 'المصري',
      kind: 'ally',
      codeName: 'الوردة',
      tags: ['a,b'],
      organizationName: 'جمعية النور',
    },
    { displayName: '=HYPERLINK("http://evil")', kind: 'other', phones: [{ value: '+20 2 555' }] },
  ];
}

export async function reimportCsv(core: DataCore, contacts: readonly Contact[]) {
  const bytes = exportContactsCsv(contacts, namesOf(core));
  const decoded = decodeText(bytes);
  const table = parseDelimited(decoded.text);
  const preview = convertRows(table, guessMapping(table.headers));
  expect(preview.problems).toEqual([]);
  return { bytes, decoded, outcome: await importContacts(core, preview.valid) };
}
