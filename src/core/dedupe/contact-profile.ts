import type { ContactInput } from '../domain/contact';
import { normalizeForSearch } from '../search/normalize';
import {
  isArabicName,
  nameSkeleton,
  nameTokens,
  normalizeEmail,
  PHONE_KEY_DIGITS,
  phoneDigits,
} from './contact-keys';

/** What dedupe compares of a contact, normalized once. */
export interface ContactProfile {
  emails: ReadonlySet<string>;
  phones: readonly string[];
  name: readonly string[];
  /** `nameSkeleton` of each name word. */
  skeletons: readonly string[];
  arabicName: boolean;
  organizationId?: string;
  /** The organisation's normalized name (from the record or the free-text field). */
  organization?: string;
  country?: string;
  region?: string;
  district?: string;
  externalId?: string;
}

/** The fields dedupe reads: a stored contact or an incoming one (an import row). */
export type ContactLike = Pick<
  ContactInput,
  | 'givenName'
  | 'familyName'
  | 'displayName'
  | 'emails'
  | 'phones'
  | 'organizationId'
  | 'organizationName'
  | 'country'
  | 'region'
  | 'district'
  | 'externalId'
>;

const normalized = (text: string | undefined) =>
  text ? normalizeForSearch(text) || undefined : undefined;

export function contactProfile(
  contact: ContactLike,
  organizationNames?: ReadonlyMap<string, string>,
): ContactProfile {
  const fullName = [contact.givenName, contact.familyName].filter(Boolean).join(' ');
  const name = nameTokens(fullName || contact.displayName || '');
  const organizationName =
    (contact.organizationId && organizationNames?.get(contact.organizationId)) ||
    contact.organizationName;
  return {
    emails: new Set((contact.emails ?? []).map((email) => normalizeEmail(email.value))),
    phones: (contact.phones ?? [])
      .map((phone) => phoneDigits(phone.value))
      .filter((digits): digits is string => digits !== undefined),
    name,
    skeletons: name.map(nameSkeleton),
    arabicName: isArabicName(name),
    organizationId: contact.organizationId,
    organization: normalized(organizationName),
    country: normalized(contact.country),
    region: normalized(contact.region),
    district: normalized(contact.district),
    externalId: contact.externalId?.trim() || undefined,
  };
}

/**
 * The buckets a contact falls into (blocking): only contacts sharing a bucket are compared,
 * which keeps finding duplicates near-linear. Exact keys (e-mail, phone, external id) and
 * name keys: the sorted word skeletons (word order and vowel spellings do not matter), the
 * joined skeleton ("عبد الله" = "عبدالله"), and one word's skeleton with the other's first
 * two letters (a typo further on in the other word).
 */
export function blockingKeys(profile: ContactProfile): string[] {
  const keys: string[] = [];
  for (const email of profile.emails) keys.push(`e:${email}`);
  for (const phone of profile.phones) keys.push(`p:${phone.slice(-PHONE_KEY_DIGITS)}`);
  if (profile.externalId) keys.push(`x:${profile.externalId}`);
  const { name } = profile;
  if (name.length === 0) return keys;
  const { skeletons } = profile;
  keys.push(`s:${[...skeletons].sort().join(' ')}`);
  if (name.length > 1) keys.push(`j:${nameSkeleton(name.join(''))}`);
  if (name.length > 1) {
    const first = name[0] ?? '';
    const last = name[name.length - 1] ?? '';
    const lastSkeleton = skeletons[skeletons.length - 1] ?? '';
    keys.push(`t:${lastSkeleton}|${first.slice(0, 2)}`, `t:${skeletons[0]}|${last.slice(0, 2)}`);
  }
  return [...new Set(keys)];
}

/** Keys that identify (e-mail, phone, external id), unlike name keys shared by namesakes. */
export function isExactKey(key: string): boolean {
  return key.startsWith('e:') || key.startsWith('p:') || key.startsWith('x:');
}
