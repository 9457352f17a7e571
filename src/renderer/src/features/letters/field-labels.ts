/** The merge-field catalogue as the UI shows it: labels in the UI language, grouped. */
import type { TFunction } from 'i18next';
import type { TemplateKind } from '@core/domain/template';
import { FIELD_CATALOGUE, type FieldGroup } from '@core/letters';
import type { writerEn } from '@shared/i18n/features/writer.en';

type FieldKey = keyof typeof writerEn.fields;

/** 'target.family_name' → the writer catalogue's 'writer.fields.target_family_name'. */
export function fieldLabel(t: TFunction, id: string): string {
  const key = id.replace(/\./g, '_') as FieldKey;
  return t(`writer.fields.${key}`, { defaultValue: id });
}

export const FIELD_GROUPS: readonly FieldGroup[] = ['target', 'campaign', 'sender', 'letter'];

export interface FieldOption {
  value: string;
  label: string;
}

/** Select data: groups in catalogue order, each field labelled and searchable by its label. */
export function groupedFieldOptions(
  t: TFunction,
  kind: TemplateKind = 'letter',
): { group: string; items: FieldOption[] }[] {
  return FIELD_GROUPS.map((group) => ({
    group: t(`writer.fieldGroups.${group}`),
    items: FIELD_CATALOGUE.filter((f) => f.group === group && f.kinds.includes(kind)).map((f) => ({
      value: f.id,
      label: fieldLabel(t, f.id),
    })),
  })).filter((g) => g.items.length > 0);
}
