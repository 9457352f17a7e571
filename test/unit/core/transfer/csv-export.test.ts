import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, ContactInput, DataCore } from '@core/index';
import {
  convertRows,
  decodeText,
  exportContactsCsv,
  exportContactsVCard,
  guessMapping,
  importContacts,
  parseDelimited,
  parseVCards,
  type OrganizationNames,
} from '@core/transfer';
import { freshDataCore } from '../../../helpers/fresh-data-core';

const cores: DataCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

async function coreWithOrganization() {
  const { core } = await freshDataCore();
  cores.push(core);
  const organization = await core.organizations.create({ name: 'Ministry of Justice' });
  return { core, organization };
}

const namesOf = (core: DataCore): OrganizationNames =>
  new Map(core.organizations.all().map((organization) => [organization.id, organization.name]));

const withoutRecordFields = ({ id: _id, createdAt: _c, updatedAt: _u, ...fields }: Contact) =>
  fields;

function richContacts(organizationId: string): ContactInput[] {
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
      tags: ['a,b'],
      organizationName: 'جمعية النور',
    },
    { displayName: '=HYPERLINK("http://evil")', kind: 'other', phones: [{ value: '+20 2 555' }] },
  ];
}

async function reimportCsv(core: DataCore, contacts: readonly Contact[]) {
  const bytes = exportContactsCsv(contacts, namesOf(core));
  const decoded = decodeText(bytes);
  const table = parseDelimited(decoded.text);
  const preview = convertRows(table, guessMapping(table.headers));
  expect(preview.problems).toEqual([]);
  return { bytes, decoded, outcome: await importContacts(core, preview.valid) };
}

describe('export → import', () => {
  it('CSV: UTF-8 with a byte-order mark whose columns map back to the same contacts', async () => {
    const { core, organization } = await coreWithOrganization();
    const originals = await core.contacts.createMany(richContacts(organization.id));
    const { bytes, decoded, outcome } = await reimportCsv(core, originals);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain("'=HYPERLINK");
    expect(outcome.linkedToOrganizations).toBe(1);
    expect(outcome.created.map(withoutRecordFields)).toEqual(originals.map(withoutRecordFields));
  });

  it('CSV: any names, notes and tags survive (property test)', async () => {
    const { core } = await coreWithOrganization();
    const text = fc
      .string({ unit: 'grapheme', maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const line = text.filter((s) => !/[\r\n]/.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            displayName: text,
            title: fc.option(text, { nil: undefined }),
            notes: fc.option(text, { nil: undefined }),
            tags: fc.uniqueArray(
              line.filter((s) => s.length <= 60),
              { maxLength: 4 },
            ),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        async (inputs) => {
          const originals = await core.contacts.createMany(inputs);
          const { outcome } = await reimportCsv(core, originals);
          expect(outcome.created.map(withoutRecordFields)).toEqual(
            originals.map(withoutRecordFields),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('vCard 4.0: the same contacts come back', async () => {
    const { core, organization } = await coreWithOrganization();
    const originals = await core.contacts.createMany(richContacts(organization.id));
    const text = new TextDecoder().decode(exportContactsVCard(originals, namesOf(core)));
    expect(text.match(/^BEGIN:VCARD/gm)).toHaveLength(3);
    expect(text).toContain('VERSION:4.0');
    const preview = parseVCards(text);
    expect(preview.problems).toEqual([]);
    const outcome = await importContacts(core, preview.valid);
    expect(outcome.created.map(withoutRecordFields)).toEqual(originals.map(withoutRecordFields));
  });
});
