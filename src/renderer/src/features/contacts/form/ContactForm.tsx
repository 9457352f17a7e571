import {
  Button,
  Checkbox,
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
import { CHAMBERS, CONTACT_KINDS, FORMS_OF_ADDRESS, type Contact } from '@core/domain/contact';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { Notice } from '@renderer/ui/Notice';
import { useAction } from '@renderer/lib/use-action';
import { SectionCard } from '@renderer/ui/SectionCard';
import { AddressRows } from './AddressRows';
import {
  checkContactForm,
  contactInputOf,
  formValuesOf,
  type ContactFormValues,
  type FieldProblem,
} from './contact-form-values';
import { LabelledRows } from './LabelledRows';
import { OrganizationPicker } from './OrganizationPicker';
import { useProblemText } from './use-problem-text';

export interface ContactFormProps {
  /** The contact to edit; none for a new one. */
  contact?: Contact;
  onSaved(id: string): void;
  onCancel(): void;
}

/** Every field of a contact, checked by the domain schema, messages next to the fields. */
export function ContactForm({ contact, onSaved, onCancel }: ContactFormProps) {
  const { t } = useTranslation();
  const core = useDataCore();
  const problemText = useProblemText();
  const [values, setValues] = useState<ContactFormValues>(() => formValuesOf(contact));
  const [creatingOrganization, setCreatingOrganization] = useState(false);
  const [checked, setChecked] = useState(false);
  const saving = useAction();

  const problems = useMemo(() => {
    if (!checked) return new Map<string, FieldProblem>();
    const found = checkContactForm(values);
    if (creatingOrganization && !values.newOrganizationName.trim()) {
      found.set('newOrganizationName', { code: 'required' });
    }
    return found;
  }, [checked, values, creatingOrganization]);
  const errorAt = (field: string) => problemText(problems.get(field));
  const tagsError = problemText(
    [...problems].find(([field]) => field === 'tags' || field.startsWith('tags.'))?.[1],
  );

  const set = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const text = (key: keyof ContactFormValues & string, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      value={values[key] as string}
      onChange={(event) => set(key, event.currentTarget.value as never)}
      error={errorAt(key)}
      dir="auto"
      data-testid={`field-${key}`}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    saving.clear();
    const found = checkContactForm(values);
    const newName = values.newOrganizationName.trim();
    if (found.size > 0 || (creatingOrganization && !newName)) {
      saving.show({ ok: false, message: t('contactBook.form.invalid') });
      return;
    }
    const saved = await saving.run(
      async () => {
        const input = contactInputOf(values);
        if (creatingOrganization) {
          // The new organization and the contact are stored together, or neither is.
          const organization = { name: newName };
          const both = contact
            ? await core.contacts.updateWithOrganization(contact.id, input, organization)
            : await core.contacts.createWithOrganization(input, organization);
          return both.contact.id;
        }
        const record = contact
          ? await core.contacts.update(contact.id, input)
          : await core.contacts.create(input);
        return record.id;
      },
      { failed: (reason) => t('contactBook.form.saveFailed', { reason }) },
    );
    if (saved.ok) onSaved(saved.value);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack gap="md">
        <SectionCard title={t('contactBook.form.sectionName')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('givenName', t('contactBook.fields.givenName'))}
            {text('familyName', t('contactBook.fields.familyName'))}
            {text(
              'displayName',
              t('contactBook.fields.displayName'),
              t('contactBook.fields.displayNameHint'),
            )}
            {text(
              'honorific',
              t('contactBook.fields.honorific'),
              t('contactBook.fields.honorificHint'),
            )}
            {text(
              'codeName',
              t('contactBook.fields.codeName'),
              t('contactBook.fields.codeNameHint'),
            )}
            <Select
              label={t('contactBook.fields.kind')}
              data={CONTACT_KINDS.map((kind) => ({
                value: kind,
                label: t(`contactBook.kinds.${kind}`),
              }))}
              value={values.kind}
              onChange={(value) => value && set('kind', value as ContactFormValues['kind'])}
              allowDeselect={false}
              data-testid="field-kind"
            />
            <Select
              label={t('contactBook.fields.formOfAddress')}
              description={t('contactBook.fields.formOfAddressHint')}
              data={FORMS_OF_ADDRESS.map((form) => ({
                value: form,
                label: t(`contactBook.formsOfAddress.${form}`),
              }))}
              value={values.formOfAddress}
              onChange={(value) =>
                value && set('formOfAddress', value as ContactFormValues['formOfAddress'])
              }
              allowDeselect={false}
              data-testid="field-formOfAddress"
            />
          </SimpleGrid>
        </SectionCard>

        <SectionCard title={t('contactBook.form.sectionRole')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('title', t('contactBook.fields.title'))}
            <OrganizationPicker
              organizationId={values.organizationId}
              newName={values.newOrganizationName}
              creating={creatingOrganization}
              onPick={(id) => set('organizationId', id)}
              onNewName={(name) => set('newOrganizationName', name)}
              onCreating={setCreatingOrganization}
              newNameError={errorAt('newOrganizationName')}
            />
            {text(
              'organizationName',
              t('contactBook.fields.organizationName'),
              t('contactBook.fields.organizationNameHint'),
            )}
            {text('party', t('contactBook.fields.party'))}
            {text('country', t('contactBook.fields.country'))}
            {text('region', t('contactBook.fields.region'))}
            {text('district', t('contactBook.fields.district'))}
            <Select
              label={t('contactBook.fields.chamber')}
              placeholder={t('contactBook.fields.chamberNone')}
              data={CHAMBERS.map((chamber) => ({
                value: chamber,
                label: t(`contactBook.chambers.${chamber}`),
              }))}
              value={values.chamber}
              onChange={(value) => set('chamber', value as ContactFormValues['chamber'])}
              clearable
              data-testid="field-chamber"
            />
          </SimpleGrid>
        </SectionCard>

        <SectionCard title={t('contactBook.form.sectionReach')}>
          <Stack gap="md">
            <LabelledRows
              name="emails"
              title={t('contactBook.fields.emails')}
              valueLabel={t('contactBook.fields.email')}
              addLabel={t('contactBook.fields.addEmail')}
              rows={values.emails}
              onChange={(rows) => set('emails', rows)}
              errorAt={errorAt}
              inputType="email"
            />
            <LabelledRows
              name="phones"
              title={t('contactBook.fields.phones')}
              valueLabel={t('contactBook.fields.phone')}
              addLabel={t('contactBook.fields.addPhone')}
              rows={values.phones}
              onChange={(rows) => set('phones', rows)}
              errorAt={errorAt}
              inputType="tel"
            />
            <LabelledRows
              name="websites"
              title={t('contactBook.fields.websites')}
              valueLabel={t('contactBook.fields.website')}
              addLabel={t('contactBook.fields.addWebsite')}
              rows={values.websites}
              onChange={(rows) => set('websites', rows)}
              errorAt={errorAt}
            />
            <AddressRows
              rows={values.addresses}
              onChange={(rows) => set('addresses', rows)}
              errorAt={errorAt}
            />
            {text(
              'preferredLanguage',
              t('contactBook.fields.preferredLanguage'),
              t('contactBook.fields.preferredLanguageHint'),
            )}
          </Stack>
        </SectionCard>

        <SectionCard title={t('contactBook.form.sectionOther')}>
          <Stack gap="sm">
            <TagsInput
              label={t('contactBook.fields.tags')}
              placeholder={t('contactBook.fields.tagsPlaceholder')}
              value={values.tags}
              onChange={(tags) => set('tags', tags)}
              error={tagsError}
              clearable
              data-testid="field-tags"
            />
            <Textarea
              label={t('contactBook.fields.notes')}
              autosize
              minRows={3}
              value={values.notes}
              onChange={(event) => set('notes', event.currentTarget.value)}
              error={errorAt('notes')}
              dir="auto"
              data-testid="field-notes"
            />
            <Checkbox
              label={t('contactBook.fields.doNotContact')}
              description={t('contactBook.flags.doNotContactHint')}
              checked={values.doNotContact}
              onChange={(event) => set('doNotContact', event.currentTarget.checked)}
              color="red"
              data-testid="field-doNotContact"
            />
            <Checkbox
              label={t('contactBook.fields.sensitive')}
              description={t('contactBook.flags.sensitiveHint')}
              checked={values.sensitive}
              onChange={(event) => set('sensitive', event.currentTarget.checked)}
              data-testid="field-sensitive"
            />
            {!values.sensitive && (
              <Checkbox
                label={t('contactBook.fields.shareIdentity')}
                description={t('contactBook.fields.shareIdentityHint')}
                checked={values.shareIdentity}
                onChange={(event) => set('shareIdentity', event.currentTarget.checked)}
                data-testid="field-shareIdentity"
              />
            )}
            {text('externalId', t('contactBook.fields.externalId'))}
          </Stack>
        </SectionCard>

        {saving.outcome && (
          <Notice tone="danger" data-testid="contact-form-error">
            {saving.outcome.message}
          </Notice>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-testid="contact-cancel">
            {t('contactBook.form.cancel')}
          </Button>
          <Button type="submit" loading={saving.busy} data-testid="contact-save">
            {contact ? t('contactBook.form.save') : t('contactBook.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
