/**
 * The contact book's pure parts: filters, sorting, the rows a search shows, and the contact
 * form's checks (the domain schema's issues mapped back to the form's own rows).
 */
import { describe, expect, it } from 'vitest';
import type { Contact, PostalAddress } from '@core/domain/contact';
import type { Target } from '@core/domain/target';
import {
  contactPredicate,
  countActiveFilters,
  filterOptionsOf,
  NO_FILTERS,
} from '@renderer/features/contacts/list/contact-filters';
import { sortContacts } from '@renderer/features/contacts/list/contact-columns';
import { visibleContacts } from '@renderer/features/contacts/list/visible-contacts';
import {
  checkContactForm,
  contactInputOf,
  EMPTY_ROW,
  formValuesOf,
} from '@renderer/features/contacts/form/contact-form-values';
import { addressBlockLines } from '@renderer/features/contacts/detail/address-block';
import {
  checkOrganizationForm,
  organizationValuesOf,
} from '@renderer/features/organizations/organization-form-values';
import { deleteOrganization } from '@renderer/features/organizations/delete-organization';
import { freshDataCore } from '../../../../../helpers/fresh-data-core';

let serial = 0;
function contact(fields: Partial<Contact>): Contact {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
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
    ...fields,
  } as Contact;
}

const address = (fields: Partial<PostalAddress> & { lines: string[] }): PostalAddress => ({
  label: undefined,
  locality: undefined,
  region: undefined,
  postalCode: undefined,
  country: undefined,
  ...fields,
});

function target(campaignId: string, contactId: string, stance: Target['stance']): Target {
  return {
    id: `${campaignId}-${contactId}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    campaignId,
    contactId,
    stance,
    priority: 3,
    stanceHistory: [],
    notes: undefined,
  };
}

const names = (list: readonly Contact[]) => list.map((c) => c.displayName);
const noOrganization = () => '';

describe('contact filters', () => {
  const amal = contact({
    displayName: 'Amal',
    kind: 'official',
    tags: ['housing', 'sponsor'],
    country: 'Lebanon',
    chamber: 'lower',
    party: 'Green',
  });
  const bassem = contact({
    displayName: 'Bassem',
    kind: 'ally',
    tags: ['housing'],
    doNotContact: true,
  });
  const carla = contact({
    displayName: 'Carla',
    kind: 'official',
    sensitive: true,
    country: 'Jordan',
  });
  const all = [amal, bassem, carla];
  const pass = (filters: Partial<typeof NO_FILTERS>, targets: Target[] = []) => {
    const predicate = contactPredicate({ ...NO_FILTERS, ...filters }, targets);
    return names(predicate ? all.filter(predicate) : all);
  };

  it('with none active, keeps everyone and builds no predicate', () => {
    expect(contactPredicate(NO_FILTERS, [])).toBeNull();
    expect(countActiveFilters(NO_FILTERS)).toBe(0);
  });

  it('matches any value within a facet and all facets together', () => {
    expect(pass({ kinds: ['official'] })).toEqual(['Amal', 'Carla']);
    expect(pass({ kinds: ['official', 'ally'] })).toEqual(['Amal', 'Bassem', 'Carla']);
    expect(pass({ kinds: ['official'], tags: ['housing'] })).toEqual(['Amal']);
    expect(pass({ tags: ['sponsor', 'housing'] })).toEqual(['Amal', 'Bassem']);
    expect(pass({ countries: ['Jordan'] })).toEqual(['Carla']);
    expect(pass({ chambers: ['lower'], parties: ['Green'] })).toEqual(['Amal']);
  });

  it('shows only, or hides, do-not-contact and sensitive contacts', () => {
    expect(pass({ doNotContact: 'only' })).toEqual(['Bassem']);
    expect(pass({ doNotContact: 'exclude' })).toEqual(['Amal', 'Carla']);
    expect(pass({ sensitive: 'exclude', doNotContact: 'exclude' })).toEqual(['Amal']);
  });

  it('keeps the targets of a campaign, by stance when stances are picked', () => {
    const targets = [
      target('c1', amal.id, 'supportive'),
      target('c1', carla.id, 'opposed'),
      target('c2', bassem.id, 'supportive'),
    ];
    expect(pass({ campaignId: 'c1' }, targets)).toEqual(['Amal', 'Carla']);
    expect(pass({ campaignId: 'c1', stances: ['opposed', 'hostile'] }, targets)).toEqual(['Carla']);
    expect(countActiveFilters({ ...NO_FILTERS, campaignId: 'c1', stances: ['opposed'] })).toBe(2);
  });

  it('offers each value present once, with its count', () => {
    const options = filterOptionsOf(all);
    expect(options.tags).toEqual([
      { value: 'housing', count: 2 },
      { value: 'sponsor', count: 1 },
    ]);
    expect(options.countries.map((o) => o.value)).toEqual(['Jordan', 'Lebanon']);
    expect(options.parties).toEqual([{ value: 'Green', count: 1 }]);
  });
});

describe('sorting and search rows', () => {
  it('sorts Arabic names by letter whatever the alef form, blanks last in both directions', () => {
    const list = [
      contact({ displayName: 'بسمة' }),
      contact({ displayName: 'إيمان', party: 'B' }),
      contact({ displayName: 'أحمد', party: 'A' }),
      contact({ displayName: 'Zoë' }),
      contact({ displayName: 'adam', party: 'C' }),
    ];
    const byName = names(sortContacts(list, { column: 'name', direction: 'asc' }, noOrganization));
    expect(byName).toEqual(['adam', 'Zoë', 'أحمد', 'إيمان', 'بسمة']);
    const byParty = (direction: 'asc' | 'desc') =>
      names(sortContacts(list, { column: 'party', direction }, noOrganization));
    expect(byParty('asc')).toEqual(['أحمد', 'إيمان', 'adam', 'Zoë', 'بسمة']);
    expect(byParty('desc')).toEqual(['adam', 'إيمان', 'أحمد', 'Zoë', 'بسمة']);
  });

  it('keeps search relevance unless the user picked a sort column', () => {
    const [a, b, c] = [
      contact({ displayName: 'A' }),
      contact({ displayName: 'B' }),
      contact({ displayName: 'C' }),
    ];
    const sorted = [a, b, c] as Contact[];
    const hits = [c, a] as Contact[];
    expect(names(visibleContacts({ sorted, hits, userSorted: false, predicate: null }))).toEqual([
      'C',
      'A',
    ]);
    expect(names(visibleContacts({ sorted, hits, userSorted: true, predicate: null }))).toEqual([
      'A',
      'C',
    ]);
    expect(
      names(visibleContacts({ sorted, hits, userSorted: false, predicate: (x) => x !== c })),
    ).toEqual(['A']);
    expect(
      names(visibleContacts({ sorted, hits: null, userSorted: false, predicate: null })),
    ).toEqual(['A', 'B', 'C']);
  });

  it('filters 100,000 contacts in well under 100 ms', () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      contact({
        displayName: `Person ${i}`,
        kind: i % 3 ? 'official' : 'ally',
        tags: i % 5 ? [] : ['housing'],
        country: i % 2 ? 'Lebanon' : 'Jordan',
      }),
    );
    const predicate = contactPredicate(
      { ...NO_FILTERS, kinds: ['official'], tags: ['housing'], countries: ['Lebanon'] },
      [],
    );
    const times: number[] = [];
    let shown = 0;
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      shown = visibleContacts({ sorted: many, hits: null, userSorted: false, predicate }).length;
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    expect(shown).toBe(many.filter((c, i) => i % 3 && i % 5 === 0 && i % 2).length);
    expect(times[2]).toBeLessThan(100);
  });
});

describe('the contact form', () => {
  it('turns a contact into form values and back unchanged', () => {
    const original = contact({
      displayName: 'Samir Khoury',
      kind: 'official',
      chamber: 'upper',
      emails: [{ label: 'office', value: 'samir@example.org' }],
      addresses: [
        address({ lines: ['12 Cedar St', 'Floor 2'], locality: 'Beirut', country: 'Lebanon' }),
      ],
      tags: ['sponsor'],
      doNotContact: true,
    });
    const input = contactInputOf(formValuesOf(original));
    expect(input).toMatchObject({
      displayName: 'Samir Khoury',
      kind: 'official',
      chamber: 'upper',
      emails: [{ label: 'office', value: 'samir@example.org' }],
      addresses: [{ lines: ['12 Cedar St', 'Floor 2'], locality: 'Beirut', country: 'Lebanon' }],
      tags: ['sponsor'],
      doNotContact: true,
    });
    expect(input.givenName).toBeUndefined();
    expect(checkContactForm(formValuesOf(original)).size).toBe(0);
  });

  it('names each wrong field at the row the user sees, skipping rows left empty', () => {
    const values = {
      ...formValuesOf(),
      givenName: '',
      emails: [{ ...EMPTY_ROW }, { label: '', value: 'not-an-email' }],
      phones: [{ label: 'mobile', value: 'call me' }],
      preferredLanguage: 'Arabic',
      addresses: [
        { label: 'home', lines: '  ', locality: 'Cairo', region: '', postalCode: '', country: '' },
      ],
      title: 'x'.repeat(201),
    };
    const problems = checkContactForm(values);
    expect(Object.fromEntries(problems)).toEqual({
      displayName: { code: 'name-required' },
      'emails.1.value': { code: 'invalid-email' },
      'phones.0.value': { code: 'invalid-phone' },
      preferredLanguage: { code: 'invalid-language' },
      'addresses.0.lines': { code: 'address-line-required' },
      title: { code: 'too-long', max: 200 },
    });
    expect(contactInputOf(values).emails).toHaveLength(1);
  });

  it('formats an address as an envelope block', () => {
    expect(
      addressBlockLines(
        address({
          lines: ['Eastbridge City Hall', 'Room 214'],
          postalCode: '55501',
          locality: 'Eastbridge',
          country: 'United States',
        }),
      ),
    ).toEqual(['Eastbridge City Hall', 'Room 214', '55501 Eastbridge', 'United States']);
  });

  it('requires an organization name', () => {
    expect(
      Object.fromEntries(checkOrganizationForm({ ...organizationValuesOf(), name: ' ' })),
    ).toEqual({
      name: { code: 'required' },
    });
  });
});

describe('deleting an organization', () => {
  it('keeps its contacts, with its name as free text, in one commit', async () => {
    const { core } = await freshDataCore();
    const org = await core.organizations.create({ name: 'جمعية حقوق الإنسان', kind: 'ngo' });
    const [linked, ownName, other] = await core.contacts.createMany([
      { displayName: 'Linked', organizationId: org.id },
      { displayName: 'Own name', organizationId: org.id, organizationName: 'Legal team' },
      { displayName: 'Other' },
    ]);
    const versionBefore = core.store.version('contacts');
    expect(await deleteOrganization(core, org.id)).toBe(2);
    expect(core.organizations.get(org.id)).toBeUndefined();
    expect(core.contacts.get(linked?.id ?? '')).toMatchObject({
      organizationName: 'جمعية حقوق الإنسان',
    });
    expect(core.contacts.get(linked?.id ?? '')?.organizationId).toBeUndefined();
    expect(core.contacts.get(ownName?.id ?? '')).toMatchObject({ organizationName: 'Legal team' });
    expect(core.contacts.get(other?.id ?? '')?.updatedAt).toBe(other?.updatedAt);
    expect(core.store.version('contacts')).toBe(versionBefore + 1);
    await core.close();
  });
});
