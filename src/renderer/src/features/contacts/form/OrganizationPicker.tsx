import { Anchor, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStoreQuery } from '@renderer/app/data/use-store-query';

export interface OrganizationPickerProps {
  organizationId: string | null;
  newName: string;
  creating: boolean;
  onPick(id: string | null): void;
  onNewName(name: string): void;
  onCreating(creating: boolean): void;
  newNameError?: string;
}

/** An existing organization, or the name of a new one created with the contact. */
export function OrganizationPicker(props: OrganizationPickerProps) {
  const { t } = useTranslation();
  const organizations = useStoreQuery(['organizations'], (core) =>
    core.organizations
      .all()
      .map((org) => ({ value: org.id, label: org.name }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  );
  const toggle = (
    <Anchor
      component="button"
      type="button"
      size="xs"
      onClick={() => props.onCreating(!props.creating)}
      data-testid="organization-mode"
    >
      {props.creating
        ? t('contactBook.fields.pickOrganization')
        : t('contactBook.fields.newOrganization')}
    </Anchor>
  );
  return props.creating ? (
    <TextInput
      label={t('contactBook.fields.newOrganizationName')}
      description={toggle}
      value={props.newName}
      onChange={(event) => props.onNewName(event.currentTarget.value)}
      error={props.newNameError}
      dir="auto"
      data-testid="field-new-organization"
    />
  ) : (
    <Select
      label={t('contactBook.fields.organization')}
      description={toggle}
      placeholder={t('contactBook.fields.organizationPlaceholder')}
      data={organizations}
      value={props.organizationId}
      onChange={props.onPick}
      searchable
      clearable
      data-testid="field-organization"
    />
  );
}
