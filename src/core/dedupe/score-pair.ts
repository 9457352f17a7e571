import { samePhone } from './contact-keys';
import type { ContactProfile } from './contact-profile';
import { nameSimilarity } from './name-similarity';

/** Why two contacts look like one person, or what speaks against it. */
export type DuplicateReason =
  | 'same-external-id'
  | 'same-email'
  | 'same-phone'
  | 'similar-name'
  | 'same-organization'
  | 'same-jurisdiction'
  | 'different-organization'
  | 'different-jurisdiction';

export interface PairScore {
  /** 0 to 1. */
  score: number;
  reasons: DuplicateReason[];
}

/** What each piece of evidence weighs; a pair is reported from `DEFAULT_MIN_SCORE`. */
export const WEIGHTS = {
  email: 0.6,
  phone: 0.5,
  /** Times the name similarity (0 to 1), when the names are alike at all. */
  name: 0.5,
  organization: 0.2,
  jurisdiction: 0.15,
  countryOnly: 0.05,
  differentOrganization: -0.2,
  differentJurisdiction: -0.25,
  /** Same e-mail or phone but plainly another name (a shared office line or mailbox). */
  differentName: -0.2,
} as const;
export const DEFAULT_MIN_SCORE = 0.5;
/** From this name similarity on, the names count as "similar". */
export const SIMILAR_NAME = 0.75;

function shareEmail(a: ContactProfile, b: ContactProfile): boolean {
  for (const email of a.emails) if (b.emails.has(email)) return true;
  return false;
}

function sharePhone(a: ContactProfile, b: ContactProfile): boolean {
  return a.phones.some((phone) => b.phones.some((other) => samePhone(phone, other)));
}

type Agreement = 'same' | 'different' | 'unknown';

function organizationAgreement(a: ContactProfile, b: ContactProfile): Agreement {
  if (a.organizationId && a.organizationId === b.organizationId) return 'same';
  if (!a.organization || !b.organization) return 'unknown';
  return a.organization === b.organization ? 'same' : 'different';
}

function jurisdictionAgreement(a: ContactProfile, b: ContactProfile): Agreement | 'country' {
  let agreed: Agreement | 'country' = 'unknown';
  for (const field of ['country', 'region', 'district'] as const) {
    const x = a[field];
    const y = b[field];
    if (!x || !y) continue;
    if (x !== y) return 'different';
    agreed = field === 'country' ? 'country' : 'same';
  }
  return agreed;
}

/**
 * Scores one pair. Identity evidence (same external id, e-mail, phone or a similar name) is
 * needed for any score; agreement of organisation and jurisdiction weighs it up, conflicts
 * down. Two different external ids (two entries of an official directory) are never one person.
 */
export function scorePair(a: ContactProfile, b: ContactProfile): PairScore {
  if (a.externalId && b.externalId) {
    return a.externalId === b.externalId
      ? { score: 1, reasons: ['same-external-id'] }
      : { score: 0, reasons: [] };
  }
  const reasons: DuplicateReason[] = [];
  let score = 0;
  if (shareEmail(a, b)) {
    score += WEIGHTS.email;
    reasons.push('same-email');
  }
  if (sharePhone(a, b)) {
    score += WEIGHTS.phone;
    reasons.push('same-phone');
  }
  const names = nameSimilarity(a, b);
  if (names >= SIMILAR_NAME) {
    score += WEIGHTS.name * names;
    reasons.push('similar-name');
  } else if (reasons.length > 0 && names < 0.5 && a.arabicName === b.arabicName) {
    // Names in different scripts cannot be compared: "Layla Haddad" may be "ليلى حداد".
    if (a.name.length > 0 && b.name.length > 0) score += WEIGHTS.differentName;
  }
  if (reasons.length === 0) return { score: 0, reasons };

  const organization = organizationAgreement(a, b);
  if (organization === 'same') {
    score += WEIGHTS.organization;
    reasons.push('same-organization');
  } else if (organization === 'different') {
    score += WEIGHTS.differentOrganization;
    reasons.push('different-organization');
  }
  const jurisdiction = jurisdictionAgreement(a, b);
  if (jurisdiction === 'same') {
    score += WEIGHTS.jurisdiction;
    reasons.push('same-jurisdiction');
  } else if (jurisdiction === 'country') {
    score += WEIGHTS.countryOnly;
  } else if (jurisdiction === 'different') {
    score += WEIGHTS.differentJurisdiction;
    reasons.push('different-jurisdiction');
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons };
}
