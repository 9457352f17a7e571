import type { TFunction } from 'i18next';
import type { ChoosableField } from '@core/dedupe';
import type { Contact } from '@core/domain/contact';

/** A single-valued contact field as the merge view shows it (codes translated). */
export function fieldValue(
  t: TFunction,
  field: ChoosableField,
  value: Contact[ChoosableField],
  organizationNames: ReadonlyMap<string, string>,
): string | undefined {
  if (value === undefined) return undefined;
  switch (field) {
    case 'kind':
      return t(`contactBook.kinds.${value as Contact['kind']}`);
    case 'formOfAddress':
      return t(`contactBook.formsOfAddress.${value as Contact['formOfAddress']}`);
    case 'chamber':
      return t(`contactBook.chambers.${value as NonNullable<Contact['chamber']>}`);
    case 'organizationId':
      return organizationNames.get(value) ?? value;
    default:
      return value;
  }
}

/** The label of a field, from the contact form's labels. */
export function fieldLabel(t: TFunction, field: ChoosableField): string {
  return field === 'organizationId'
    ? t('contactBook.fields.organization')
    : t(`contactBook.fields.${field}`);
}
