import { z } from 'zod';
import { idSchema, languageTagSchema, optionalText, recordBaseShape, tagsSchema } from './common';

export const CONTACT_KINDS = [
  'official',
  'staff',
  'ally',
  'volunteer',
  'member',
  'journalist',
  'organization-representative',
  'other',
] as const;

/** How to address someone: Arabic salutations and adjectives are gendered. */
export const FORMS_OF_ADDRESS = ['feminine', 'masculine', 'neutral', 'unknown'] as const;

export const CHAMBERS = ['upper', 'lower', 'unicameral', 'executive', 'local', 'other'] as const;

/**
 * A postal address: any one part is enough (a city alone, a country alone), as contact lists
 * hold them. Whether it is complete enough to print on a letter is the letter checks' call.
 */
export const postalAddressSchema = z
  .strictObject({
    label: optionalText(60),
    lines: z.array(z.string().trim().min(1).max(200)).max(6).default([]),
    locality: optionalText(120),
    region: optionalText(120),
    postalCode: optionalText(20),
    country: optionalText(120),
  })
  .refine(
    (address) =>
      address.lines.length > 0 ||
      Boolean(address.locality || address.region || address.postalCode || address.country),
    {
      message: 'an address needs a street, city, region, postal code or country',
      path: ['lines'],
    },
  );

/** An address a letter can be posted to: a street line and a city or postal code. */
export const isCompletePostalAddress = (address: {
  lines: readonly string[];
  locality?: string;
  postalCode?: string;
}): boolean => address.lines.length > 0 && Boolean(address.locality || address.postalCode);

const labelledValue = <T extends z.ZodType>(value: T) =>
  z.strictObject({ label: optionalText(60), value });

export const contactFields = {
  kind: z.enum(CONTACT_KINDS).default('other'),
  honorific: optionalText(60),
  givenName: optionalText(120),
  familyName: optionalText(120),
  displayName: optionalText(200),
  /** Shown instead of the name everywhere but the contact page (after a reveal) and letters. */
  codeName: optionalText(80),
  formOfAddress: z.enum(FORMS_OF_ADDRESS).default('unknown'),
  title: optionalText(200),
  organizationId: idSchema.optional(),
  /** Free-text organisation when it is not (yet) an Organization record. */
  organizationName: optionalText(200),
  country: optionalText(120),
  region: optionalText(120),
  district: optionalText(120),
  chamber: z.enum(CHAMBERS).optional(),
  party: optionalText(120),
  addresses: z.array(postalAddressSchema).max(10).default([]),
  emails: z
    .array(labelledValue(z.email('not a valid email address')))
    .max(10)
    .default([]),
  phones: z
    .array(
      labelledValue(
        z
          .string()
          .trim()
          .regex(/^[+()\d\s.\-/٠-٩۰-۹]{3,40}$/, 'not a valid phone number'),
      ),
    )
    .max(10)
    .default([]),
  websites: z
    .array(labelledValue(z.string().trim().min(1).max(300)))
    .max(10)
    .default([]),
  preferredLanguage: languageTagSchema.optional(),
  tags: tagsSchema,
  notes: optionalText(20_000),
  doNotContact: z.boolean().default(false),
  sensitive: z.boolean().default(false),
  /**
   * Shared with coalitions under the real identity rather than the code name (officials always
   * are; sensitive contacts never travel). Absent in contacts stored before it existed: false.
   */
  shareIdentity: z.boolean().default(false),
  /** Key in an external directory, e.g. "bioguide:M001153": makes re-imports idempotent. */
  externalId: optionalText(120),
};

const hasAName = (contact: { givenName?: string; familyName?: string; displayName?: string }) =>
  Boolean(contact.givenName || contact.familyName || contact.displayName);
const NAME_REQUIRED = {
  message: 'a contact needs a given, family or display name',
  path: ['displayName'],
};

export const contactInputSchema = z.strictObject(contactFields).refine(hasAName, NAME_REQUIRED);
export const contactSchema = z
  .strictObject({ ...recordBaseShape, ...contactFields })
  .refine(hasAName, NAME_REQUIRED);

export type ContactInput = z.input<typeof contactInputSchema>;
/** A ContactInput as the input schema returns it: checked, trimmed, defaults filled in. */
export type ValidContactInput = z.output<typeof contactInputSchema>;
export type Contact = z.output<typeof contactSchema>;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type PostalAddress = z.output<typeof postalAddressSchema>;

type NameParts = Pick<Contact, 'displayName' | 'givenName' | 'familyName'>;

/** The name to show in lists, search, the Dashboard, the outreach log and reports. */
export function contactName(contact: NameParts & { codeName?: string | undefined }): string {
  return contact.codeName ?? identityName(contact);
}

/** The real name: the display name, else given + family (any script). Letters and reveals only. */
export function identityName(contact: NameParts): string {
  return contact.displayName ?? [contact.givenName, contact.familyName].filter(Boolean).join(' ');
}

/** Whether the contact goes by a code name, its identity shown only on request. */
export const hidesIdentity = (contact: { codeName?: string | undefined }): boolean =>
  Boolean(contact.codeName);
