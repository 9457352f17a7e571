/** The contact fields a source column can fill. */
import type { ContactKind } from '../domain/contact';

export const SIMPLE_FIELDS = [
  'displayName',
  'honorific',
  'givenName',
  'familyName',
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
  'phones',
  'websites',
  'preferredLanguage',
  'tags',
  'notes',
  'doNotContact',
  'sensitive',
  'externalId',
] as const;
export type SimpleField = (typeof SIMPLE_FIELDS)[number];

export const ADDRESS_PARTS = [
  'lines',
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
  defaults: { kind?: ContactKind };
}
