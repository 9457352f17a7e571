import { describe, expect, it } from 'vitest';
import {
  findDuplicatePairs,
  findMatchesFor,
  type DuplicatePair,
} from '@core/dedupe/find-duplicates';
import type { Contact, ContactInput } from '@core/domain/contact';
import { aContact } from '../../../helpers/contact-fixture';

const pairOf = (pairs: DuplicatePair[], x: Contact, y: Contact) =>
  pairs.find((p) => (p.a === x.id && p.b === y.id) || (p.a === y.id && p.b === x.id));

describe('findDuplicatePairs', () => {
  it('pairs contacts with the same e-mail in any letter case', () => {
    const a = aContact({
      givenName: 'Layla',
      familyName: 'Haddad',
      emails: [{ value: 'L.Haddad@Example.org' }],
    });
    const b = aContact({
      givenName: 'Layla',
      familyName: 'Hadad',
      emails: [{ value: 'l.haddad@example.org' }],
    });
    const c = aContact({
      givenName: 'Omar',
      familyName: 'Khalil',
      emails: [{ value: 'omar@example.org' }],
    });
    const pairs = findDuplicatePairs([a, b, c]);
    expect(pairs).toHaveLength(1);
    expect(pairOf(pairs, a, b)?.reasons).toEqual(['same-email', 'similar-name']);
  });

  it('pairs the same phone written with Arabic-Indic digits and a country code', () => {
    const a = aContact({
      givenName: 'ليلى',
      familyName: 'حداد',
      phones: [{ value: '+961 3 123 456' }],
    });
    const b = aContact({
      givenName: 'ليلى',
      familyName: 'حداد',
      phones: [{ value: '٠٣ ١٢٣ ٤٥٦' }],
    });
    expect(pairOf(findDuplicatePairs([a, b]), a, b)?.reasons).toEqual([
      'same-phone',
      'similar-name',
    ]);
  });

  it('pairs a name written in Arabic and in Latin letters when the e-mail is the same', () => {
    const a = aContact({
      givenName: 'Layla',
      familyName: 'Haddad',
      emails: [{ value: 'layla@example.org' }],
    });
    const b = aContact({
      givenName: 'ليلى',
      familyName: 'حداد',
      emails: [{ value: 'layla@example.org' }],
    });
    expect(pairOf(findDuplicatePairs([a, b]), a, b)?.score).toBe(0.6);
  });

  it('does not pair two people sharing an office mailbox', () => {
    const a = aContact({
      givenName: 'Layla',
      familyName: 'Haddad',
      emails: [{ value: 'office@example.org' }],
    });
    const b = aContact({
      givenName: 'Omar',
      familyName: 'Khalil',
      emails: [{ value: 'office@example.org' }],
    });
    expect(findDuplicatePairs([a, b])).toEqual([]);
  });

  it('weighs a similar name up by the same organisation or jurisdiction, down by a conflict', () => {
    const base = { givenName: 'Karim', familyName: 'Nassar' };
    const atOrg = aContact({ ...base, organizationName: 'Helem' });
    const atOrgToo = aContact({
      givenName: 'Nasser',
      familyName: 'Karim',
      organizationName: 'HELEM',
    });
    const elsewhere = aContact({ ...base, organizationName: 'Another group' });
    const pairs = findDuplicatePairs([atOrg, atOrgToo, elsewhere]);
    const same = pairOf(pairs, atOrg, atOrgToo);
    expect(same?.reasons).toEqual(['similar-name', 'same-organization']);
    expect(pairOf(pairs, atOrg, elsewhere)).toBeUndefined();

    const inBeirut = aContact({ ...base, country: 'Lebanon', region: 'Beirut' });
    const inBeirutToo = aContact({ ...base, country: 'lebanon', region: 'beirut' });
    const inTripoli = aContact({ ...base, country: 'Lebanon', region: 'Tripoli' });
    const places = findDuplicatePairs([inBeirut, inBeirutToo, inTripoli]);
    expect(pairOf(places, inBeirut, inBeirutToo)?.reasons).toEqual([
      'similar-name',
      'same-jurisdiction',
    ]);
    expect(pairOf(places, inBeirut, inTripoli)).toBeUndefined();
    // With a minimum of 0, the conflict shows as a reason and a lower score.
    const all = findDuplicatePairs([inBeirut, inTripoli], { minScore: 0 });
    expect(all[0]?.reasons).toContain('different-jurisdiction');
    expect(all[0]?.score).toBeLessThan(pairOf(places, inBeirut, inBeirutToo)?.score ?? 0);
  });

  it('an organisation record and a typed organisation name agree', () => {
    const orgId = '11111111-1111-4111-8111-111111111111';
    const a = aContact({ givenName: 'Rania', familyName: 'Saleh', organizationId: orgId });
    const b = aContact({ givenName: 'Rania', familyName: 'Saleh', organizationName: 'Helem' });
    const pairs = findDuplicatePairs([a, b], { organizationNames: new Map([[orgId, 'Helem']]) });
    expect(pairOf(pairs, a, b)?.reasons).toContain('same-organization');
  });

  it('never pairs two different directory entries, always the same one', () => {
    const a = aContact({
      givenName: 'John',
      familyName: 'Smith',
      externalId: 'bioguide:S000001',
      region: 'Ohio',
    });
    const b = aContact({
      givenName: 'John',
      familyName: 'Smith',
      externalId: 'bioguide:S000002',
      region: 'Ohio',
    });
    const c = aContact({ givenName: 'Jon', familyName: 'Smyth', externalId: 'bioguide:S000001' });
    const pairs = findDuplicatePairs([a, b, c]);
    expect(pairOf(pairs, a, b)).toBeUndefined();
    expect(pairOf(pairs, a, c)).toMatchObject({ score: 1, reasons: ['same-external-id'] });
  });

  it('lists the best pairs first, each pair once', () => {
    const email = { emails: [{ value: 'k@example.org' }] };
    const a = aContact({ givenName: 'Karim', familyName: 'Nassar', ...email, region: 'Beirut' });
    const b = aContact({ givenName: 'Karim', familyName: 'Nassar', ...email, region: 'Beirut' });
    const c = aContact({ givenName: 'Karim', familyName: 'Nasser', organizationName: 'Helem' });
    const d = aContact({ givenName: 'Karim', familyName: 'Nassar', organizationName: 'Helem' });
    const pairs = findDuplicatePairs([a, b, c, d]);
    const keys = pairs.map((p) => [p.a, p.b].sort().join());
    expect(new Set(keys).size).toBe(keys.length);
    expect(pairs[0]).toMatchObject({ score: 1 });
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((x, y) => y - x));
    expect(pairOf(pairs, c, d)?.reasons).toEqual(['similar-name', 'same-organization']);
  });

  it('finds the planted duplicates among 20,000 contacts quickly', () => {
    // Names from 100 consonant-vowel syllables, 2 to 3 each: varied like real names.
    const consonants = 'bcdfgjklmnprstvzšžqx'.split('');
    const syllables = consonants.flatMap((c) => ['a', 'e', 'i', 'o', 'u'].map((v) => c + v));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () =>
      Array.from(
        { length: 2 + Math.floor(random() * 2) },
        () => syllables[Math.floor(random() * syllables.length)],
      ).join('');
    const contacts: Contact[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      contacts.push(
        aContact({
          givenName: word(),
          familyName: word(),
          emails: [{ value: `person${i}@example.org` }],
          phones: [{ value: `+1 555 ${String(1_000_000 + i).slice(1)}` }],
          organizationName: `Group ${i % 300}`,
        }),
      );
    }
    const planted: [Contact, Contact][] = [];
    for (let i = 0; i < 20; i += 1) {
      const original = contacts[i * 997] as Contact;
      const copy = aContact({
        givenName: original.familyName,
        familyName: original.givenName,
        emails: [{ value: (original.emails[0]?.value ?? '').toUpperCase() }],
        organizationName: original.organizationName,
      });
      contacts.push(copy);
      planted.push([original, copy]);
    }
    const started = performance.now();
    const pairs = findDuplicatePairs(contacts);
    const elapsed = performance.now() - started;
    for (const [original, copy] of planted) expect(pairOf(pairs, original, copy)?.score).toBe(1);
    // About a second on a quiet 2-core machine; comparing every pair would take minutes.
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('findMatchesFor', () => {
  const existing = [
    aContact({
      givenName: 'Layla',
      familyName: 'Haddad',
      emails: [{ value: 'layla@example.org' }],
    }),
    aContact({
      givenName: 'Omar',
      familyName: 'Khalil',
      phones: [{ value: '+961 1 234 567' }],
      region: 'Beirut',
    }),
    aContact({ givenName: 'Rania', familyName: 'Saleh', externalId: 'bioguide:S000123' }),
  ];

  it('gives the best existing contact for each incoming row that matches, in row order', () => {
    const incoming: ContactInput[] = [
      { givenName: 'Someone', familyName: 'New' },
      { displayName: 'L. Haddad', emails: [{ value: 'LAYLA@example.org' }] },
      { givenName: 'Omar', familyName: 'Khalil', phones: [{ value: '01 234 567' }] },
      { givenName: 'Rania', externalId: 'bioguide:S000123' },
    ];
    const matches = findMatchesFor(incoming, existing);
    expect(matches.map((m) => [m.incomingIndex, m.contactId])).toEqual([
      [1, existing[0]?.id],
      [2, existing[1]?.id],
      [3, existing[2]?.id],
    ]);
    expect(matches[0]?.reasons).toContain('same-email');
    expect(matches[1]?.reasons).toEqual(['same-phone', 'similar-name']);
    expect(matches[2]).toMatchObject({ score: 1, reasons: ['same-external-id'] });
  });

  it('matches nothing in an empty book', () => {
    expect(findMatchesFor([{ givenName: 'Layla', familyName: 'Haddad' }], [])).toEqual([]);
  });
});
