import { describe, expect, it } from 'vitest';
import {
  committeeTag,
  filterLegislators,
  legislatorToContact,
  parseOfficeAddress,
} from '@core/index';
import { bundled, byId } from './fixtures';

describe('legislatorToContact', () => {
  it('makes a senator an official with title, chamber, office, links and committees', () => {
    const contact = legislatorToContact(byId('M001153'));
    expect(contact).toMatchObject({
      kind: 'official',
      honorific: 'Sen.',
      givenName: 'Lisa',
      familyName: 'Murkowski',
      displayName: undefined,
      formOfAddress: 'feminine',
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

  it('takes the form of address from the snapshot’s gender, unknown where it has none', () => {
    const missing = bundled().find((l) => l.gender === null);
    expect(legislatorToContact(byId('H001103')).formOfAddress).toBe('masculine');
    expect(missing && legislatorToContact(missing).formOfAddress).toBe('unknown');
    expect(legislatorToContact({ ...byId('M001153'), gender: undefined }).formOfAddress).toBe(
      'unknown',
    );
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
