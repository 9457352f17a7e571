/** Which contacts an export writes: all or the chosen ones, sensitive ones only when asked. */
import type { Contact } from '../domain/contact';

export interface ExportOptions {
  /** Undefined: every contact. */
  contactIds?: readonly string[];
  includeSensitive: boolean;
}

export interface ExportSelection {
  contacts: Contact[];
  /** Sensitive contacts in scope that are left out (0 when they are included). */
  sensitiveLeftOut: number;
}

export function selectForExport(all: readonly Contact[], options: ExportOptions): ExportSelection {
  const wanted = options.contactIds ? new Set(options.contactIds) : undefined;
  const inScope = wanted ? all.filter((contact) => wanted.has(contact.id)) : [...all];
  if (options.includeSensitive) return { contacts: inScope, sensitiveLeftOut: 0 };
  const contacts = inScope.filter((contact) => !contact.sensitive);
  return { contacts, sensitiveLeftOut: inScope.length - contacts.length };
}

/**
 * A dated file name such as "2026-11-30 Tadamun contacts.csv" (the local day); `title` is the
 * words in the UI language ("جهات اتصال تضامن"), characters a file name cannot hold removed.
 */
export function exportFileName(
  now: Date,
  extension: 'csv' | 'vcf',
  title = 'Tadamun contacts',
): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const safe =
    [...title]
      .filter((char) => char >= ' ' && !'\\/:*?"<>|'.includes(char))
      .join('')
      .trim() || 'Tadamun contacts';
  return `${day} ${safe}.${extension}`;
}

/** Organization names by id, for exports that write a name where a contact holds an id. */
export type OrganizationNames = ReadonlyMap<string, string>;

export function organizationOf(contact: Contact, names: OrganizationNames): string {
  return (
    (contact.organizationId && names.get(contact.organizationId)) || contact.organizationName || ''
  );
}
