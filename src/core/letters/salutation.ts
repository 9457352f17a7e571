/**
 * The opening line of a letter, by the letter's language, the recipient's role and form of address.
 *
 * English: "Dear Senator Haddad," — the honorific (abbreviations spelled out) or a title from the
 * chamber, then the family name; "Dear Ms. Ortiz," from the form of address; the full name when
 * nothing says how to address the person; "Dear Friends," with no name at all.
 *
 * Arabic letters open with a gendered formula and name the person in full, followed by
 * المحترم / المحترمة:
 *   legislators   «سعادة النائب … المحترم،» / «سعادة النائبة … المحترمة،»
 *   other officials «سعادة السيد/السيدة (or the honorific, e.g. الدكتورة) … المحترم/ة،»
 *   everyone else «السيد … المحترم،» / «السيدة … المحترمة،» (or the honorific, e.g. الأستاذ)
 *   gender unknown or neutral: no gendered word rather than a wrong one (docs/letters.md) —
 *     legislators «سعادة عضو مجلس الشيوخ …،», other officials «سعادة …،», everyone else «حضرة …،»
 *   no name       «حضرات السادة المحترمين،»
 */
import type { Contact } from '../domain/contact';
import { hasArabicScript, hasLatinScript, type LetterLanguage } from './language';

type SalutationContact = Pick<
  Contact,
  'honorific' | 'givenName' | 'familyName' | 'displayName' | 'formOfAddress' | 'chamber' | 'kind'
>;

const ENGLISH_HONORIFICS: Record<string, string> = {
  'sen.': 'Senator',
  'rep.': 'Representative',
  'gov.': 'Governor',
  'amb.': 'Ambassador',
  'pres.': 'President',
  'supt.': 'Superintendent',
  cllr: 'Councillor',
  'cllr.': 'Councillor',
  'hon.': '',
  'the honorable': '',
  'the hon.': '',
};

const LEGISLATIVE = new Set(['upper', 'lower', 'unicameral']);

/** Members of a legislative chamber are addressed as النائب / النائبة in Arabic. */
export const isLegislator = (contact: Pick<Contact, 'chamber'>): boolean =>
  contact.chamber !== undefined && LEGISLATIVE.has(contact.chamber);

function englishTitle(contact: SalutationContact): string | undefined {
  const honorific = contact.honorific?.trim();
  if (honorific && hasLatinScript(honorific) && !hasArabicScript(honorific)) {
    const expanded = ENGLISH_HONORIFICS[honorific.toLowerCase()];
    if (expanded === undefined) return honorific;
    if (expanded) return expanded;
  }
  if (contact.chamber === 'upper') return 'Senator';
  if (contact.chamber === 'lower') return 'Representative';
  if (contact.formOfAddress === 'feminine') return 'Ms.';
  if (contact.formOfAddress === 'masculine') return 'Mr.';
  if (contact.formOfAddress === 'neutral') return 'Mx.';
  return undefined;
}

function fullName(contact: SalutationContact): string {
  return (
    [contact.givenName, contact.familyName].filter(Boolean).join(' ') || contact.displayName || ''
  );
}

export function englishSalutation(contact: SalutationContact | undefined): string {
  if (!contact) return 'Dear Friends,';
  const title = englishTitle(contact);
  const name = fullName(contact);
  if (title && contact.familyName) return `Dear ${title} ${contact.familyName},`;
  if (name) return `Dear ${name},`;
  return 'Dear Friends,';
}

/** Honorifics that the Arabic formula already says (or that clash with it). */
const ARABIC_ROLE_WORDS = new Set([
  'النائب',
  'النائبة',
  'السيد',
  'السيدة',
  'سعادة',
  'حضرة',
  'السادة',
]);

const ARABIC_CHAMBERS: Partial<Record<NonNullable<Contact['chamber']>, string>> = {
  upper: 'مجلس الشيوخ',
  lower: 'مجلس النواب',
  unicameral: 'البرلمان',
};

function arabicHonorific(contact: SalutationContact): string | undefined {
  const honorific = contact.honorific?.trim();
  if (!honorific || !hasArabicScript(honorific) || ARABIC_ROLE_WORDS.has(honorific))
    return undefined;
  return honorific;
}

export function arabicSalutation(contact: SalutationContact | undefined): string {
  const name = contact ? fullName(contact) : '';
  if (!contact || !name) return 'حضرات السادة المحترمين،';
  const feminine = contact.formOfAddress === 'feminine';
  const masculine = contact.formOfAddress === 'masculine';
  const honorific = arabicHonorific(contact);
  const words = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
  if (!feminine && !masculine) {
    // «عضو» names the role for women and men alike; «سعادة» is an epicene honorific.
    if (isLegislator(contact))
      return `${words('سعادة', 'عضو', ARABIC_CHAMBERS[contact.chamber ?? 'unicameral'], honorific, name)}،`;
    if (contact.kind === 'official' || contact.chamber)
      return `${words('سعادة', honorific, name)}،`;
    return `${words('حضرة', honorific, name)}،`;
  }
  const respected = feminine ? 'المحترمة' : 'المحترم';
  const person = honorific ?? (feminine ? 'السيدة' : 'السيد');
  if (isLegislator(contact)) {
    return `${words('سعادة', feminine ? 'النائبة' : 'النائب', honorific, name, respected)}،`;
  }
  if (contact.kind === 'official' || contact.chamber) {
    return `${words('سعادة', person, name, respected)}،`;
  }
  return `${words(person, name, respected)}،`;
}

export function salutation(
  contact: SalutationContact | undefined,
  language: LetterLanguage,
): string {
  return language === 'ar' ? arabicSalutation(contact) : englishSalutation(contact);
}
