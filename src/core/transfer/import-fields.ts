/** The contact fields a source column can fill. */
import type { ContactKind } from '../domain/contact';

export const SIMPLE_FIELDS = [
  'displayName',
  'honorific',
  'givenName',
  /** Joins the given name ("Karim K."): never the display name. */
  'middleName',
  'familyName',
  /** "Jr.", "PhD": joins the family name. */
  'nameSuffix',
  /** No field of its own: kept in the notes, after the column's header. */
  'nickname',
  'department',
  'kind',
  'formOfAddress',
  'title',
  'organizationName',
  'country',
  'region',
  'district',
  'chamber',
  'party',
  'emails',
  /** The label of the next email, phone or website column ("E-mail 1 - Type", then "- Value"). */
  'emailLabel',
  'phones',
  'phoneLabel',
  'websites',
  'websiteLabel',
  'preferredLanguage',
  'tags',
  'notes',
  'doNotContact',
  'sensitive',
  'externalId',
  'codeName',
] as const;
export type SimpleField = (typeof SIMPLE_FIELDS)[number];

export const ADDRESS_PARTS = [
  'lines',
  /** A whole address in one cell: used only when the address has no separate parts. */
  'formatted',
  'locality',
  'region',
  'postalCode',
  'country',
  'label',
] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];
/** Contacts may have up to ten addresses: `address1.lines` … `address10.label`. */
export const MAX_ADDRESS_SLOTS = 10;
export type AddressField = `address${number}.${AddressPart}`;

export type ImportField = 'ignore' | SimpleField | AddressField;

/** Fields that several columns may fill (each adds entries); the others take one column. */
export const MULTI_COLUMN_FIELDS: ReadonlySet<ImportField> = new Set([
  'emails',
  'phones',
  'websites',
  'tags',
  'notes',
  'nickname',
  'department',
  'emailLabel',
  'phoneLabel',
  'websiteLabel',
]);

export function addressField(slot: number, part: AddressPart): AddressField {
  return `address${slot}.${part}`;
}

export function parseAddressField(
  field: ImportField,
): { slot: number; part: AddressPart } | undefined {
  const match = /^address(\d+)\.(\w+)$/.exec(field);
  if (!match) return undefined;
  return { slot: Number(match[1]), part: match[2] as AddressPart };
}

/** Every field a column can be mapped to, with addresses up to `slots`. */
export function importFieldChoices(slots = 3): ImportField[] {
  const addresses: AddressField[] = [];
  for (let slot = 1; slot <= slots; slot += 1) {
    for (const part of ADDRESS_PARTS) addresses.push(addressField(slot, part));
  }
  return ['ignore', ...SIMPLE_FIELDS, ...addresses];
}

/** Which column fills which field, plus values for fields no column gives. */
export interface ColumnMapping {
  /** One entry per source column. */
  fields: ImportField[];
  /** Per column: the label its phones, emails or address get ("work" for "Business Phone"). */
  labels?: (string | undefined)[];
  defaults: { kind?: ContactKind };
}
