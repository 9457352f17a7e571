/** File names, hashes and ZIP archives for generated letters. */
import { zipSync } from 'fflate';
import type { Contact } from '../domain/contact';
import { identityName } from '../domain/contact';
import { hasArabicScript, hasLatinScript, type LetterLanguage } from './language';
import { isLegislator } from './salutation';
import { safeFileName } from '../files/safe-file-name';
import { sha256Hex } from '../crypto/bytes';

export { sha256Hex };

export { safeFileName };

const ENGLISH_SHORT: Record<string, string> = {
  senator: 'Sen.',
  representative: 'Rep.',
  governor: 'Gov.',
  ambassador: 'Amb.',
  doctor: 'Dr.',
  professor: 'Prof.',
};

type NamedContact = Pick<
  Contact,
  'honorific' | 'givenName' | 'familyName' | 'displayName' | 'formOfAddress' | 'chamber'
>;

function englishAddressee(contact: NamedContact): string {
  const honorific =
    contact.honorific && hasLatinScript(contact.honorific) ? contact.honorific : undefined;
  const title =
    (honorific && (ENGLISH_SHORT[honorific.toLowerCase()] ?? honorific)) ??
    (contact.chamber === 'upper' ? 'Sen.' : contact.chamber === 'lower' ? 'Rep.' : undefined) ??
    (contact.formOfAddress === 'feminine'
      ? 'Ms.'
      : contact.formOfAddress === 'masculine'
        ? 'Mr.'
        : undefined);
  if (title && contact.familyName) return `${title} ${contact.familyName}`;
  return identityName(contact);
}

function arabicAddressee(contact: NamedContact): string {
  const feminine = contact.formOfAddress === 'feminine';
  const masculine = contact.formOfAddress === 'masculine';
  const honorific =
    contact.honorific && hasArabicScript(contact.honorific) ? contact.honorific : undefined;
  const role =
    isLegislator(contact) && (feminine || masculine)
      ? feminine
        ? 'النائبة'
        : 'النائب'
      : (honorific ?? (feminine ? 'السيدة' : masculine ? 'السيد' : undefined));
  return [role, identityName(contact)].filter(Boolean).join(' ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-30" in local time. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2026-11-30 Letter to Sen. Haddad.docx", "2026-11-30 رسالة إلى النائبة ليلى حداد.docx". */
export function letterFileName(
  date: Date,
  contact: NamedContact,
  language: LetterLanguage,
): string {
  const name =
    language === 'ar'
      ? `رسالة إلى ${arabicAddressee(contact)}`
      : `Letter to ${englishAddressee(contact)}`;
  return safeFileName(`${isoDay(date)} ${name}`, 'docx');
}

/** Makes names unique within one archive: "x.docx", "x (2).docx". */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return name;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? `${name.slice(0, dot)} (${count})${name.slice(dot)}` : `${name} (${count})`;
  });
}

export interface NamedFile {
  name: string;
  bytes: Uint8Array;
}

/** A ZIP of letters (DOCX is already compressed: stored, not deflated again). */
export function zipLetters(files: readonly NamedFile[]): Uint8Array {
  const names = uniqueNames(files.map((f) => f.name));
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  files.forEach((file, i) => {
    entries[names[i] ?? file.name] = [file.bytes, { level: 0 }];
  });
  return zipSync(entries);
}

export type FileCheck = 'matches' | 'differs' | 'no-hash';

/** Whether a DOCX file is byte for byte the one recorded for a letter. */
export async function checkLetterFile(
  letter: { docxSha256?: string | undefined },
  bytes: Uint8Array,
): Promise<FileCheck> {
  if (!letter.docxSha256) return 'no-hash';
  return (await sha256Hex(bytes)) === letter.docxSha256 ? 'matches' : 'differs';
}
