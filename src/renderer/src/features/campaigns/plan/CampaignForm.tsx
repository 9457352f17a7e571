import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_STATUSES, type Campaign, type CampaignInput } from '@core/domain/campaign';
import { ValidationError } from '@core/domain/validation';
import { useAction } from '@renderer/lib/use-action';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { useFormatters } from '@renderer/lib/use-formatters';
import {
  checkFormValues,
  formFieldOf,
  fromFormValues,
  toFormValues,
  type CampaignField,
  type CampaignFormValues,
} from './campaign-form-values';

const CAMPAIGN_LANGUAGES = ['en', 'ar'];

export interface CampaignFormProps {
  campaign?: Campaign;
  submitLabel: string;
  /** Writes the fields; throws ValidationError or a storage error. */
  onSave(fields: Omit<CampaignInput, 'milestones' | 'tasks'>): Promise<void>;
  /** Shown after a successful save (the new-campaign page navigates away instead). */
  savedMessage?: string;
  failedMessage(reason: string): string;
}

/** Every field of a campaign: name, goal, ask, bill or policy, status, dates, language, … */
export function CampaignForm({
  campaign,
  submitLabel,
  onSave,
  savedMessage,
  failedMessage,
}: CampaignFormProps) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const [values, setValues] = useState<CampaignFormValues>(() =>
    toFormValues(campaign, i18n.language),
  );
  const [errors, setErrors] = useState<Partial<Record<CampaignField, string>>>({});
  const saving = useAction();

  const set = <K extends CampaignField>(field: K, value: CampaignFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    saving.clear();
  };
  const text = (
    field: CampaignField &
      (
        | 'name'
        | 'goal'
        | 'ask'
        | 'policyIdentifier'
        | 'policyTitle'
        | 'jurisdiction'
        | 'link'
        | 'description'
      ),
  ) => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      set(field, event.currentTarget.value),
    error: errors[field],
    dir: 'auto' as const,
    'data-testid': `campaign-${field}`,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkFormValues(values);
    const messages: Partial<Record<CampaignField, string>> = {};
    for (const [field, problem] of Object.entries(problems)) {
      messages[field as CampaignField] = t(`planner.plan.${problem}`);
    }
    setErrors(messages);
    if (Object.keys(messages).length) {
      saving.show({ ok: false, message: t('planner.plan.invalid') });
      return;
    }
    await saving.run(() => onSave(fromFormValues(values)), {
      done: savedMessage,
      failed: (reason, error) => {
        if (!(error instanceof ValidationError)) return failedMessage(reason);
        const byField: Partial<Record<CampaignField, string>> = {};
        for (const problem of error.fieldErrors) {
          const field = formFieldOf(problem);
          if (field) byField[field] = problem.message;
        }
        setErrors(byField);
        return { ok: false, message: t('planner.plan.invalid'), detail: error.message };
      },
    });
  };

  const languages = [...new Set([...CAMPAIGN_LANGUAGES, values.language])].map((tag) => ({
    value: tag,
    label: format.languageName(tag),
  }));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="campaign-form">
      <Stack gap="sm">
        <TextInput
          label={t('planner.plan.name')}
          withAsterisk
          {...text('name')}
          data-autofocus={campaign ? undefined : true}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('planner.plan.status')}
            description={campaign ? undefined : t('planner.plan.statusHintNew')}
            data={CAMPAIGN_STATUSES.map((value) => ({
              value,
              label: t(`planner.campaignStatuses.${value}`),
            }))}
            value={values.status}
            onChange={(value) => value && set('status', value as CampaignFormValues['status'])}
            allowDeselect={false}
            data-testid="campaign-status"
          />
          <Select
            label={t('planner.plan.language')}
            description={t('planner.plan.languageHint')}
            data={languages}
            value={values.language}
            onChange={(value) => value && set('language', value)}
            allowDeselect={false}
            data-testid="campaign-language"
          />
          <DatePickerInput
            label={t('planner.plan.startDate')}
            value={values.startDate}
            onChange={(value) => set('startDate', value)}
            clearable
            valueFormat="D MMMM YYYY"
            leftSection={<IconCalendar size={16} aria-hidden />}
            error={errors.startDate}
            data-testid="campaign-startDate"
          />
          <DatePickerInput
            label={t('planner.plan.endDate')}
            value={values.endDate}
            onChange={(value) => set('endDate', value)}
            clearable
            minDate={values.startDate ?? undefined}
            valueFormat="D MMMM YYYY"
            leftSection={<IconCalendar size={16} aria-hidden />}
            error={errors.endDate}
            data-testid="campaign-endDate"
          />
        </SimpleGrid>
        <Textarea
          label={t('planner.plan.goal')}
          description={t('planner.plan.goalHint')}
          autosize
          minRows={2}
          {...text('goal')}
        />
        <Textarea
          label={t('planner.plan.ask')}
          description={t('planner.plan.askHint')}
          autosize
          minRows={2}
          {...text('ask')}
        />
        <Fieldset legend={t('planner.plan.policy')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('planner.plan.policyIdentifier')}
              placeholder={t('planner.plan.policyIdentifierPlaceholder')}
              {...text('policyIdentifier')}
            />
            <TextInput label={t('planner.plan.jurisdiction')} {...text('jurisdiction')} />
          </SimpleGrid>
          <TextInput mt="sm" label={t('planner.plan.policyTitle')} {...text('policyTitle')} />
          <TextInput
            mt="sm"
            label={t('planner.plan.link')}
            description={t('planner.plan.linkHint')}
            {...text('link')}
          />
        </Fieldset>
        <Textarea
          label={t('planner.plan.description')}
          autosize
          minRows={4}
          maxRows={16}
          {...text('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label={t('planner.plan.tags')}
            description={t('planner.plan.tagsHint')}
            value={values.tags}
            onChange={(tags) => set('tags', tags)}
            error={errors.tags}
            clearable
            data-testid="campaign-tags"
          />
          <NumberInput
            label={t('planner.plan.winThreshold')}
            description={t('planner.plan.winThresholdHint')}
            value={values.winThreshold}
            onChange={(value) => set('winThreshold', value)}
            min={0}
            max={100}
            decimalScale={2}
            allowNegative={false}
            error={errors.winThreshold}
            data-testid="campaign-winThreshold"
          />
        </SimpleGrid>
        <OutcomeNotice outcome={saving.outcome} testId="campaign-form-outcome" />
        <Group>
          <Button type="submit" loading={saving.busy} data-testid="campaign-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
