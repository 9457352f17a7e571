import type { Contact, PostalAddress } from '../domain/contact';
import { identityName } from '../domain/contact';
import { hasArabicScript, hasLatinScript, type LetterLanguage } from './language';

/**
 * The lines of a postal address: street lines, "locality, region postcode", country last. The
 * comma follows the place's script, not the letter's: "Washington, DC" stays Latin in an Arabic
 * letter, «القاهرة، الجيزة» takes the Arabic comma in an English one.
 */
export function postalAddressLines(address: PostalAddress, language: LetterLanguage): string[] {
  const parts = [address.locality, address.region].filter((part): part is string => Boolean(part));
  const arabicPlace = parts.some(hasArabicScript);
  const latinPlace = parts.some(hasLatinScript);
  const comma =
    arabicPlace && !latinPlace ? '، ' : latinPlace ? ', ' : language === 'ar' ? '، ' : ', ';
  const place = parts.join(comma);
  const placeLine = [place, address.postalCode].filter(Boolean).join(' ');
  return [...address.lines, placeLine, address.country ?? ''].filter((line) => line.trim() !== '');
}

/** "Council Member Daniela Ortiz", "الدكتورة ريم …": honorific and name, as on an envelope. */
export function addresseeName(
  contact: Pick<Contact, 'honorific' | 'givenName' | 'familyName' | 'displayName'>,
): string {
  return [contact.honorific, identityName(contact)].filter(Boolean).join(' ');
}

/**
 * The recipient block of a letter: name, title, organisation, then the first postal address.
 * Titles often repeat the organisation ("Council Member, Ward 3"), so the organisation line is
 * left out when the title already contains it.
 */
export function recipientBlockLines(
  contact: Contact,
  organizationName: string | undefined,
  language: LetterLanguage,
): string[] {
  const lines = [addresseeName(contact)];
  if (contact.title) lines.push(contact.title);
  const organization = organizationName ?? contact.organizationName;
  if (organization && !contact.title?.includes(organization)) lines.push(organization);
  const address = contact.addresses[0];
  if (address) lines.push(...postalAddressLines(address, language));
  return lines.filter((line) => line.trim() !== '');
}
