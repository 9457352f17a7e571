import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  committeeTag,
  contactInputSchema,
  directoryFacets,
  filterLegislators,
  legislatorToContact,
  parseLegislators,
  parseLegislatorsJson,
  parseOfficeAddress,
  type Legislator,
  US_STATE_NAMES,
} from '@core/index';
import { catalogues } from '@shared/i18n/catalogues';

const file = readFileSync(
  resolve(__dirname, '../../../../resources/us-congress-legislators.json'),
  'utf8',
);

function bundled(): Legislator[] {
  const parsed = parseLegislatorsJson(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.legislators;
}

const byId = (id: string) => {
  const found = bundled().find((l) => l.bioguide === id);
  if (!found) throw new Error(`${id} is not in the file`);
  return found;
};

describe('the bundled directory file', () => {
  it('is valid, with the counts its README gives', () => {
    const legislators = bundled();
    expect(legislators).toHaveLength(537);
    expect(legislators.filter((l) => l.chamber === 'senate')).toHaveLength(100);
    expect(legislators.filter((l) => l.chamber === 'house')).toHaveLength(437);
    const facets = directoryFacets(legislators);
    expect(facets.committees).toHaveLength(49);
    expect(facets.parties).toEqual(['Democrat', 'Independent', 'Republican']);
    expect(facets.states).toContain('PR');
    expect(facets.districts.get('VT')).toEqual([0]);
    expect(facets.districts.get('CA')?.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('names every state in the UI catalogues, in English as in the data', () => {
    expect(catalogues.en.directory.states).toEqual(US_STATE_NAMES);
    expect(Object.keys(catalogues.ar.directory.states)).toEqual(Object.keys(US_STATE_NAMES));
    for (const code of directoryFacets(bundled()).states)
      expect(US_STATE_NAMES).toHaveProperty(code);
  });

  it('converts every legislator into a valid contact', () => {
    for (const legislator of bundled()) {
      const result = contactInputSchema.safeParse(legislatorToContact(legislator));
      expect(
        result.success,
        `${legislator.bioguide}: ${JSON.stringify(result.error?.issues)}`,
      ).toBe(true);
    }
  });
});

describe('parseLegislators', () => {
  it('names the record and the field of each problem', () => {
    const good = byId('M001153');
    const parsed = parseLegislators([good, { ...good, bioguide: 'nope', chamber: 'lords' }, good]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'invalid-record', index: 1, field: 'bioguide' }),
        expect.objectContaining({ code: 'invalid-record', index: 1, field: 'chamber' }),
        expect.objectContaining({ code: 'duplicate-id', index: 2, field: 'bioguide' }),
      ]),
    );
  });

  it('refuses text that is not JSON, and JSON that is not a list', () => {
    expect(parseLegislatorsJson('[{"bioguide": ')).toMatchObject({
      ok: false,
      problems: [{ code: 'not-json' }],
    });
    expect(parseLegislators({ legislators: [] })).toEqual({
      ok: false,
      problems: [{ code: 'not-a-list' }],
    });
  });
});

describe('filterLegislators', () => {
  it('filters by chamber, state, district, party and committee together', () => {
    const legislators = bundled();
    const vermontSenators = filterLegislators(legislators, { chamber: 'senate', state: 'VT' });
    expect(vermontSenators.map((l) => l.last).sort()).toEqual(['Sanders', 'Welch']);
    expect(filterLegislators(legislators, { state: 'VT', party: 'Independent' })).toHaveLength(1);
    const atLarge = filterLegislators(legislators, { chamber: 'house', district: 0 });
    expect(atLarge.every((l) => l.district === 0)).toBe(true);
    expect(atLarge.map((l) => l.state)).toEqual(expect.arrayContaining(['VT', 'AK', 'DC', 'PR']));
    const judiciary = filterLegislators(legislators, {
      chamber: 'senate',
      committee: 'Senate Committee on the Judiciary',
    });
    expect(judiciary.length).toBeGreaterThan(10);
    expect(judiciary.every((l) => l.committees.includes('Senate Committee on the Judiciary'))).toBe(
      true,
    );
  });

  it('searches names by word prefixes, ignoring accents and case', () => {
    const legislators = bundled();
    expect(
      filterLegislators(legislators, { query: 'hernandez pab' }).map((l) => l.bioguide),
    ).toEqual(['H001103']);
    expect(filterLegislators(legislators, { query: 'MURK' }).map((l) => l.bioguide)).toEqual([
      'M001153',
    ]);
    expect(filterLegislators(legislators, { query: 'zzzz' })).toEqual([]);
  });
});

describe('legislatorToContact', () => {
  it('makes a senator an official with title, chamber, office, links and committees', () => {
    const contact = legislatorToContact(byId('M001153'));
    expect(contact).toMatchObject({
      kind: 'official',
      honorific: 'Sen.',
      givenName: 'Lisa',
      familyName: 'Murkowski',
      displayName: undefined,
      title: 'United States Senator',
      chamber: 'upper',
      country: 'United States',
      region: 'Alaska',
      district: undefined,
      party: 'Republican',
      externalId: 'bioguide:M001153',
      phones: [{ label: 'Washington office', value: '202-224-6665' }],
      addresses: [
        {
          label: 'Washington office',
          lines: ['522 Hart Senate Office Building'],
          locality: 'Washington',
          region: 'DC',
          postalCode: '20510',
          country: 'United States',
        },
      ],
    });
    expect(contact.websites).toEqual([
      { label: 'Website', value: 'https://www.murkowski.senate.gov' },
      { label: 'Contact form', value: 'https://www.murkowski.senate.gov/public/index.cfm/contact' },
      { label: 'X (Twitter)', value: 'https://x.com/LisaMurkowski' },
      { label: 'Facebook', value: 'https://www.facebook.com/SenLisaMurkowski' },
      { label: 'Instagram', value: 'https://www.instagram.com/senlisamurkowski' },
      { label: 'YouTube', value: 'https://www.youtube.com/senatormurkowski' },
    ]);
    expect(contact.tags).toContain('Senate Committee on Appropriations');
  });

  it('gives representatives, delegates and the resident commissioner their titles', () => {
    const rep = legislatorToContact(byId('H001103'));
    expect(rep).toMatchObject({
      honorific: 'Resident Commissioner',
      title: 'Resident Commissioner for Puerto Rico',
      displayName: 'Pablo José Hernández',
      district: 'At large',
      chamber: 'lower',
    });
    const norton = bundled().find((l) => l.state === 'DC');
    expect(norton && legislatorToContact(norton)).toMatchObject({
      honorific: 'Del.',
      title: 'Delegate for District of Columbia',
    });
    const california = filterLegislators(bundled(), { state: 'CA', district: 12 })[0];
    expect(california && legislatorToContact(california)).toMatchObject({
      honorific: 'Rep.',
      title: 'Representative for CA-12',
      district: '12',
    });
    const vermont = filterLegislators(bundled(), { chamber: 'house', state: 'VT' })[0];
    expect(vermont && legislatorToContact(vermont).title).toBe('Representative for VT (at large)');
  });

  it('leaves out what the source lacks (Gallagher has no office yet)', () => {
    const contact = legislatorToContact(byId('G000607'));
    expect(contact.addresses).toEqual([]);
    expect(contact.phones).toEqual([]);
    expect(contact.tags).toEqual([]);
  });

  it('keeps an address it cannot parse as one line, and links Mastodon handles', () => {
    expect(parseOfficeAddress('PO Box 1, Somewhere')).toEqual({
      label: 'Washington office',
      lines: ['PO Box 1, Somewhere'],
      country: 'United States',
    });
    expect(
      parseOfficeAddress('1419 Longworth House Office Building Washington DC 20515-5401'),
    ).toMatchObject({
      lines: ['1419 Longworth House Office Building'],
      postalCode: '20515-5401',
    });
    const withMastodon = bundled().find(
      (l) => l.social.mastodon === '@repthompson@mastodon.social',
    );
    expect(withMastodon && legislatorToContact(withMastodon).websites).toContainEqual({
      label: 'Mastodon',
      value: 'https://mastodon.social/@repthompson',
    });
  });

  it('shortens committee names that do not fit in a tag', () => {
    expect(committeeTag('Senate Committee on Finance')).toBe('Senate Committee on Finance');
    expect(committeeTag('Senate Committee on Homeland Security and Governmental Affairs')).toBe(
      'Senate Homeland Security and Governmental Affairs',
    );
    const long = committeeTag(
      'House Select Committee on the Strategic Competition Between the United States and the Chinese Communist Party',
    );
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^House Select Strategic Competition .*…$/);
  });
});
