/**
 * The contact form's values (strings, as typed) and their way to and from a contact. Pure
 * code: the checks are the domain's zod schema, so the form refuses exactly what the data
 * core would, and says so next to each field.
 */
import type { z } from 'zod';
import {
  contactInputSchema,
  type CHAMBERS,
  type Contact,
  type ContactInput,
  type ContactKind,
  type FORMS_OF_ADDRESS,
} from '@core/domain/contact';

export interface LabelledRow {
  label: string;
  value: string;
}

export interface AddressRow {
  label: string;
  /** Street lines, one per line of text. */
  lines: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface ContactFormValues {
  kind: ContactKind;
  honorific: string;
  givenName: string;
  familyName: string;
  displayName: string;
  codeName: string;
  formOfAddress: (typeof FORMS_OF_ADDRESS)[number];
  title: string;
  organizationId: string | null;
  /** A new organization to create with the contact (then `organizationId` is ignored). */
  newOrganizationName: string;
  organizationName: string;
  country: string;
  region: string;
  district: string;
  chamber: (typeof CHAMBERS)[number] | null;
  party: string;
  addresses: AddressRow[];
  emails: LabelledRow[];
  phones: LabelledRow[];
  websites: LabelledRow[];
  preferredLanguage: string;
  tags: string[];
  notes: string;
  doNotContact: boolean;
  sensitive: boolean;
  shareIdentity: boolean;
  externalId: string;
}

export const EMPTY_ADDRESS: AddressRow = {
  label: '',
  lines: '',
  locality: '',
  region: '',
  postalCode: '',
  country: '',
};
export const EMPTY_ROW: LabelledRow = { label: '', value: '' };

export function formValuesOf(contact?: Contact): ContactFormValues {
  const text = (value: string | undefined) => value ?? '';
  const rows = (list: readonly { label?: string; value: string }[] | undefined) =>
    (list ?? []).map((row) => ({ label: text(row.label), value: row.value }));
  return {
    kind: contact?.kind ?? 'other',
    honorific: text(contact?.honorific),
    givenName: text(contact?.givenName),
    familyName: text(contact?.familyName),
    displayName: text(contact?.displayName),
    codeName: text(contact?.codeName),
    formOfAddress: contact?.formOfAddress ?? 'unknown',
    title: text(contact?.title),
    organizationId: contact?.organizationId ?? null,
    newOrganizationName: '',
    organizationName: text(contact?.organizationName),
    country: text(contact?.country),
    region: text(contact?.region),
    district: text(contact?.district),
    chamber: contact?.chamber ?? null,
    party: text(contact?.party),
    addresses: (contact?.addresses ?? []).map((address) => ({
      label: text(address.label),
      lines: address.lines.join('\n'),
      locality: text(address.locality),
      region: text(address.region),
      postalCode: text(address.postalCode),
      country: text(address.country),
    })),
    emails: rows(contact?.emails),
    phones: rows(contact?.phones),
    websites: rows(contact?.websites),
    preferredLanguage: text(contact?.preferredLanguage),
    tags: [...(contact?.tags ?? [])],
    notes: text(contact?.notes),
    doNotContact: contact?.doNotContact ?? false,
    sensitive: contact?.sensitive ?? false,
    shareIdentity: contact?.shareIdentity ?? false,
    externalId: text(contact?.externalId),
  };
}

const blank = (value: string) => value.trim() === '';
const optional = (value: string) => (blank(value) ? undefined : value);

function labelled(rows: readonly LabelledRow[]) {
  return rows
    .filter((row) => !(blank(row.label) && blank(row.value)))
    .map((row) => ({ label: optional(row.label), value: row.value }));
}

/**
 * The contact the values describe. Rows left entirely empty are dropped (an empty form row is
 * not a mistake); half-filled rows stay, so the schema names what is missing. Row indexes in
 * field paths are those of the kept rows: `keptIndexes` maps them back to the form's rows.
 */
export function contactInputOf(values: ContactFormValues, organizationId?: string): ContactInput {
  return {
    kind: values.kind,
    honorific: optional(values.honorific),
    givenName: optional(values.givenName),
    familyName: optional(values.familyName),
    displayName: optional(values.displayName),
    codeName: optional(values.codeName),
    formOfAddress: values.formOfAddress,
    title: optional(values.title),
    organizationId: organizationId ?? values.organizationId ?? undefined,
    organizationName: optional(values.organizationName),
    country: optional(values.country),
    region: optional(values.region),
    district: optional(values.district),
    chamber: values.chamber ?? undefined,
    party: optional(values.party),
    addresses: values.addresses
      .filter((address) => !Object.values(address).every(blank))
      .map((address) => ({
        label: optional(address.label),
        lines: address.lines
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        locality: optional(address.locality),
        region: optional(address.region),
        postalCode: optional(address.postalCode),
        country: optional(address.country),
      })),
    emails: labelled(values.emails),
    phones: labelled(values.phones),
    websites: labelled(values.websites),
    preferredLanguage: optional(values.preferredLanguage),
    tags: values.tags,
    notes: optional(values.notes),
    doNotContact: values.doNotContact,
    sensitive: values.sensitive,
    // A sensitive contact never travels: no choice to share their identity is kept.
    shareIdentity: values.shareIdentity && !values.sensitive,
    externalId: optional(values.externalId),
  };
}

/** Indexes of the form rows kept by `contactInputOf`, per list. */
export function keptIndexes(values: ContactFormValues): Record<string, number[]> {
  const kept = <T extends object>(rows: readonly T[]) =>
    rows.flatMap((row, index) =>
      Object.values(row).every((value) => typeof value === 'string' && blank(value)) ? [] : [index],
    );
  return {
    addresses: kept(values.addresses),
    emails: kept(values.emails),
    phones: kept(values.phones),
    websites: kept(values.websites),
  };
}

/** What is wrong with one field, as a code the UI translates. */
export type FieldProblem =
  | { code: 'name-required' }
  | { code: 'invalid-email' }
  | { code: 'invalid-phone' }
  | { code: 'invalid-language' }
  | { code: 'address-part-required' }
  | { code: 'required' }
  | { code: 'too-long'; max: number }
  | { code: 'too-many'; max: number }
  | { code: 'invalid' };

export function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  const [head] = issue.path;
  if (issue.code === 'custom' && head === 'displayName') return { code: 'name-required' };
  if (issue.code === 'invalid_format') {
    if (head === 'emails') return { code: 'invalid-email' };
    if (head === 'phones') return { code: 'invalid-phone' };
    if (head === 'preferredLanguage') return { code: 'invalid-language' };
  }
  if (issue.code === 'custom' && head === 'addresses') return { code: 'address-part-required' };
  if (issue.code === 'too_small') {
    return { code: 'required' };
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return issue.origin === 'array' ? { code: 'too-many', max } : { code: 'too-long', max };
  }
  return { code: 'invalid' };
}

/**
 * Checks the values against the domain schema; returns problems by form field path, such as
 * "givenName", "emails.2.value" or "addresses.0.lines" (indexes are the form's rows).
 */
export function checkContactForm(values: ContactFormValues): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  const result = contactInputSchema.safeParse(contactInputOf(values));
  if (result.success) return problems;
  const kept = keptIndexes(values);
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const [head, index] = path;
    if (head && index !== undefined && kept[head]) {
      path[1] = String(kept[head][Number(index)] ?? index);
    }
    // A bad street line is reported on the lines box as a whole.
    const field = head === 'addresses' ? path.slice(0, 3).join('.') : path.join('.');
    if (!problems.has(field)) problems.set(field, problemOf(issue));
  }
  return problems;
}
