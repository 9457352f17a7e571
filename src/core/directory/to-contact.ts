/**
 * A legislator as a contact of kind "official". The stored labels and titles are in English,
 * like the directory itself (they end up in letters to US offices).
 */
import type { ContactInput } from '../domain/contact';
type PostalAddressInput = NonNullable<ContactInput['addresses']>[number];
import type { Legislator } from './legislator';
import { DELEGATE_TERRITORIES, US_STATE_NAMES, type UsStateCode } from './us-states';

export const LEGISLATOR_LABELS = {
  office: 'Washington office',
  website: 'Website',
  contactForm: 'Contact form',
} as const;

/** The contact's key for idempotent re-imports. */
export function legislatorExternalId(legislator: Pick<Legislator, 'bioguide'>): string {
  return `bioguide:${legislator.bioguide}`;
}

type Role = 'senator' | 'representative' | 'delegate' | 'resident-commissioner';

export function legislatorRole(legislator: Pick<Legislator, 'chamber' | 'state'>): Role {
  if (legislator.chamber === 'senate') return 'senator';
  if (legislator.state === 'PR') return 'resident-commissioner';
  return DELEGATE_TERRITORIES.includes(legislator.state as UsStateCode)
    ? 'delegate'
    : 'representative';
}

const HONORIFICS: Record<Role, string> = {
  senator: 'Sen.',
  representative: 'Rep.',
  delegate: 'Del.',
  'resident-commissioner': 'Resident Commissioner',
};

function stateName(code: string): string {
  return US_STATE_NAMES[code as UsStateCode] ?? code;
}

export function legislatorTitle(legislator: Legislator): string {
  const role = legislatorRole(legislator);
  const state = stateName(legislator.state);
  if (role === 'senator') return 'United States Senator';
  if (role === 'delegate') return `Delegate for ${state}`;
  if (role === 'resident-commissioner') return `Resident Commissioner for ${state}`;
  return legislator.district
    ? `Representative for ${legislator.state}-${legislator.district}`
    : `Representative for ${legislator.state} (at large)`;
}

const DC_ADDRESS = /^(.*?),?\s+(Washington),?\s+(DC|D\.C\.)\s+(\d{5}(?:-\d{4})?)$/;

/** "522 Hart Senate Office Building Washington DC 20510" as lines, city, state, ZIP. */
export function parseOfficeAddress(address: string): PostalAddressInput {
  const match = DC_ADDRESS.exec(address.trim());
  const base = { label: LEGISLATOR_LABELS.office, country: 'United States' };
  if (!match) return { ...base, lines: [address.trim()] };
  const [, street = '', locality, region, postalCode] = match;
  return { ...base, lines: [street], locality, region, postalCode };
}

const SOCIAL_LINKS: Record<string, { label: string; url: (handle: string) => string }> = {
  twitter: { label: 'X (Twitter)', url: (h) => `https://x.com/${h}` },
  facebook: { label: 'Facebook', url: (h) => `https://www.facebook.com/${h}` },
  instagram: { label: 'Instagram', url: (h) => `https://www.instagram.com/${h}` },
  youtube: { label: 'YouTube', url: (h) => `https://www.youtube.com/${h}` },
  youtube_channel_id: {
    label: 'YouTube',
    url: (id) => `https://www.youtube.com/channel/${id}`,
  },
  mastodon: {
    label: 'Mastodon',
    // "@user@instance" → https://instance/@user
    url: (h) => {
      const [, user, host] = /^@?([^@]+)@(.+)$/.exec(h) ?? [];
      return user && host ? `https://${host}/@${user}` : h;
    },
  },
};

function websites(legislator: Legislator): { label: string; value: string }[] {
  const list: { label: string; value: string }[] = [];
  if (legislator.website)
    list.push({ label: LEGISLATOR_LABELS.website, value: legislator.website });
  if (legislator.contact_form)
    list.push({ label: LEGISLATOR_LABELS.contactForm, value: legislator.contact_form });
  for (const [network, link] of Object.entries(SOCIAL_LINKS)) {
    const handle = legislator.social[network];
    if (handle) list.push({ label: link.label, value: link.url(handle) });
  }
  return list;
}

/** The snapshot's gender decides the gendered salutation; unknown gets the neutral one. */
const FORMS_OF_ADDRESS_BY_GENDER: Readonly<Record<string, 'feminine' | 'masculine'>> = {
  Female: 'feminine',
  Male: 'masculine',
};

const MAX_TAG = 60;

/**
 * A committee as a tag (tags hold 60 characters): the full name when it fits, else without
 * "Committee on" and the like, cut at a word if still too long.
 */
export function committeeTag(committee: string): string {
  if (committee.length <= MAX_TAG) return committee;
  const shorter = committee.replace(
    /\b(Select |Permanent |Special )?(Sub)?(Committee|Caucus) (on|to) (the )?/,
    '$1',
  );
  if (shorter.length <= MAX_TAG) return shorter;
  const cut = shorter.slice(0, MAX_TAG - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export function legislatorToContact(legislator: Legislator): ContactInput {
  const fullName = `${legislator.first} ${legislator.last}`;
  return {
    kind: 'official',
    honorific: HONORIFICS[legislatorRole(legislator)],
    givenName: legislator.first,
    familyName: legislator.last,
    displayName: legislator.name !== fullName ? legislator.name : undefined,
    formOfAddress: FORMS_OF_ADDRESS_BY_GENDER[legislator.gender ?? ''] ?? 'unknown',
    title: legislatorTitle(legislator),
    organizationName:
      legislator.chamber === 'senate'
        ? 'United States Senate'
        : 'United States House of Representatives',
    country: 'United States',
    region: stateName(legislator.state),
    district:
      legislator.district === null
        ? undefined
        : legislator.district === 0
          ? 'At large'
          : String(legislator.district),
    chamber: legislator.chamber === 'senate' ? 'upper' : 'lower',
    party: legislator.party,
    addresses: legislator.address ? [parseOfficeAddress(legislator.address)] : [],
    phones: legislator.phone ? [{ label: LEGISLATOR_LABELS.office, value: legislator.phone }] : [],
    websites: websites(legislator).slice(0, 10),
    tags: [...new Set(legislator.committees.map(committeeTag))],
    externalId: legislatorExternalId(legislator),
  };
}
