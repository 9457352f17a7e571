/** The mapping's field choices, labelled in the UI language and grouped for a select. */
import type { TFunction } from 'i18next';
import {
  importFieldChoices,
  parseAddressField,
  type ImportField,
  type SimpleField,
} from '@core/transfer';

const GROUPS: Record<'person' | 'reach' | 'other', readonly SimpleField[]> = {
  person: [
    'displayName',
    'honorific',
    'givenName',
    'middleName',
    'familyName',
    'nameSuffix',
    'nickname',
    'formOfAddress',
    'kind',
    'title',
    'organizationName',
    'department',
    'preferredLanguage',
  ],
  reach: ['emails', 'emailLabel', 'phones', 'phoneLabel', 'websites', 'websiteLabel'],
  other: [
    'country',
    'region',
    'district',
    'chamber',
    'party',
    'tags',
    'notes',
    'doNotContact',
    'sensitive',
    'externalId',
    'codeName',
  ],
};

export function fieldLabel(t: TFunction, field: ImportField): string {
  const address = parseAddressField(field);
  if (address) return t(`transfer.import.addressParts.${address.part}`, { number: address.slot });
  return t(`transfer.import.fields.${field as SimpleField | 'ignore'}`);
}

export interface FieldGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** Options for a column's field select; `slots` addresses are offered. */
export function fieldOptions(t: TFunction, slots: number): FieldGroup[] {
  const item = (field: ImportField) => ({ value: field, label: fieldLabel(t, field) });
  const addresses = importFieldChoices(slots).filter((field) => parseAddressField(field));
  return [
    { group: t('transfer.import.fields.ignore'), items: [item('ignore')] },
    { group: t('transfer.import.fieldGroups.person'), items: GROUPS.person.map(item) },
    { group: t('transfer.import.fieldGroups.reach'), items: GROUPS.reach.map(item) },
    { group: t('transfer.import.fieldGroups.address'), items: addresses.map(item) },
    { group: t('transfer.import.fieldGroups.other'), items: GROUPS.other.map(item) },
  ];
}
