import type { ContactInput } from '../domain/contact';
import {
  blockingKeys,
  contactProfile,
  isExactKey,
  type ContactLike,
  type ContactProfile,
} from './contact-profile';
import { DEFAULT_MIN_SCORE, scorePair, type DuplicateReason } from './score-pair';

export interface DuplicatePair {
  a: string;
  b: string;
  /** 0 to 1: how likely the two contacts are one person. */
  score: number;
  reasons: DuplicateReason[];
}

export interface DuplicateMatch {
  incomingIndex: number;
  contactId: string;
  score: number;
  reasons: DuplicateReason[];
}

export interface DuplicateOptions {
  /** Pairs scoring below are not reported (default 0.5). */
  minScore?: number;
  /**
   * Name buckets bigger than this are skipped: a name key shared by that many contacts (a
   * common given name with the first letters of a family name) says nothing. Default 32.
   */
  maxNameBucket?: number;
  /** The same for e-mail and phone buckets (a shared office line); default 256. */
  maxExactBucket?: number;
  /** Organisation names by id, so that an organisation record and a typed name can agree. */
  organizationNames?: ReadonlyMap<string, string>;
}

/** A stored contact as dedupe reads it: its id and the fields it compares. */
export type StoredContactLike = ContactLike & { id: string };

const DEFAULTS = { minScore: DEFAULT_MIN_SCORE, maxNameBucket: 32, maxExactBucket: 256 };

function bucketsOf(profiles: readonly ContactProfile[]): Map<string, number[]> {
  const buckets = new Map<string, number[]>();
  profiles.forEach((profile, index) => {
    for (const key of blockingKeys(profile)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  return buckets;
}

function tooBig(key: string, size: number, options: typeof DEFAULTS): boolean {
  return size > (isExactKey(key) ? options.maxExactBucket : options.maxNameBucket);
}

const byScoreThenIds = (x: DuplicatePair, y: DuplicatePair) =>
  y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b);

/**
 * Likely duplicate pairs among `contacts`, best first. Contacts are compared only within
 * shared buckets (e-mail, phone, name keys), so 100,000 contacts cost about as much as their
 * buckets, not the 5 billion pairs.
 */
export function findDuplicatePairs(
  contacts: readonly StoredContactLike[],
  options: DuplicateOptions = {},
): DuplicatePair[] {
  const settings = { ...DEFAULTS, ...options };
  const profiles = contacts.map((contact) => contactProfile(contact, options.organizationNames));
  const seen = new Set<number>();
  const pairs: DuplicatePair[] = [];
  for (const [key, bucket] of bucketsOf(profiles)) {
    if (bucket.length < 2 || tooBig(key, bucket.length, settings)) continue;
    for (let x = 0; x < bucket.length; x += 1) {
      for (let y = x + 1; y < bucket.length; y += 1) {
        const i = bucket[x] ?? 0;
        const j = bucket[y] ?? 0;
        const pairKey = i * contacts.length + j;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        const { score, reasons } = scorePair(
          profiles[i] as ContactProfile,
          profiles[j] as ContactProfile,
        );
        if (score < settings.minScore) continue;
        pairs.push({ a: contacts[i]?.id ?? '', b: contacts[j]?.id ?? '', score, reasons });
      }
    }
  }
  return pairs.sort(byScoreThenIds);
}

/**
 * For each incoming contact (an import row), the existing contact it most likely is, if any
 * scores at least `minScore`: one match per incoming index at most, in index order.
 */
export function findMatchesFor(
  incoming: readonly ContactInput[],
  existing: readonly StoredContactLike[],
  options: DuplicateOptions = {},
): DuplicateMatch[] {
  const settings = { ...DEFAULTS, ...options };
  const profiles = existing.map((contact) => contactProfile(contact, options.organizationNames));
  const buckets = bucketsOf(profiles);
  const matches: DuplicateMatch[] = [];
  incoming.forEach((input, incomingIndex) => {
    const profile = contactProfile(input as ContactLike, options.organizationNames);
    const candidates = new Set<number>();
    for (const key of blockingKeys(profile)) {
      const bucket = buckets.get(key);
      if (!bucket || tooBig(key, bucket.length + 1, settings)) continue;
      for (const index of bucket) candidates.add(index);
    }
    let best: DuplicateMatch | undefined;
    for (const index of candidates) {
      const { score, reasons } = scorePair(profile, profiles[index] as ContactProfile);
      const contactId = existing[index]?.id ?? '';
      if (score < settings.minScore) continue;
      if (!best || score > best.score || (score === best.score && contactId < best.contactId))
        best = { incomingIndex, contactId, score, reasons };
    }
    if (best) matches.push(best);
  });
  return matches;
}
