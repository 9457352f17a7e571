import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, type Organization } from '@core/domain/organization';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useAction } from '@renderer/lib/use-action';
import { useProblemText } from '@renderer/features/contacts/form/use-problem-text';
import { Notice } from '@renderer/ui/Notice';
import {
  checkOrganizationForm,
  organizationInputOf,
  organizationValuesOf,
  type OrganizationFormValues,
} from './organization-form-values';

/** Create or edit an organization. */
export function OrganizationForm({
  organization,
  onSaved,
  onCancel,
}: {
  organization?: Organization;
  onSaved(id: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const core = useDataCore();
  const problemText = useProblemText();
  const [values, setValues] = useState(() => organizationValuesOf(organization));
  const [checked, setChecked] = useState(false);
  const saving = useAction();
  const problems = useMemo(
    () => (checked ? checkOrganizationForm(values) : new Map()),
    [checked, values],
  );
  const set = <K extends keyof OrganizationFormValues>(key: K, value: OrganizationFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const text = (key: 'name' | 'website' | 'country', label: string) => (
    <TextInput
      label={label}
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={problemText(problems.get(key))}
      required={key === 'name'}
      dir={key === 'website' ? 'ltr' : 'auto'}
      data-testid={`organization-${key}`}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    saving.clear();
    if (checkOrganizationForm(values).size > 0) return;
    const input = organizationInputOf(values);
    const saved = await saving.run(
      () =>
        organization
          ? core.organizations.update(organization.id, input)
          : core.organizations.create(input),
      { failed: (reason) => t('contactBook.organizations.saveFailed', { reason }) },
    );
    if (saved.ok) onSaved(saved.value.id);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="organization-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {text('name', t('contactBook.organizations.name'))}
          <Select
            label={t('contactBook.organizations.kind')}
            data={ORGANIZATION_KINDS.map((kind) => ({
              value: kind,
              label: t(`contactBook.organizations.kinds.${kind}`),
            }))}
            value={values.kind}
            onChange={(value) => value && set('kind', value as OrganizationFormValues['kind'])}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="organization-kind"
          />
          {text('website', t('contactBook.organizations.website'))}
          {text('country', t('contactBook.organizations.country'))}
        </SimpleGrid>
        <TagsInput
          label={t('contactBook.organizations.tags')}
          value={values.tags}
          onChange={(tags) => set('tags', tags)}
          error={problemText([...problems].find(([field]) => field === 'tags')?.[1])}
        />
        <Textarea
          label={t('contactBook.organizations.notes')}
          autosize
          minRows={2}
          value={values.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
          error={problemText(problems.get('notes'))}
          dir="auto"
        />
        {saving.outcome && <Notice tone="danger">{saving.outcome.message}</Notice>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('contactBook.organizations.cancel')}
          </Button>
          <Button type="submit" loading={saving.busy} data-testid="organization-save">
            {organization
              ? t('contactBook.organizations.save')
              : t('contactBook.organizations.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
