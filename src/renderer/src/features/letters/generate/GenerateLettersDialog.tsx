import { Button, Group, Modal, Progress, Radio, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARABIC_REGIONS, type ArabicRegion } from '@core/domain/arabic-region';
import { defaultLetterPaper, letterImagesOf } from '@core/domain/settings';
import { checkRecipients, validateTemplate, type LetterOutput } from '@core/letters';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery, useStoreVersion } from '@renderer/app/data/use-store-query';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { PlainExportWarning } from '@renderer/ui/PlainExportWarning';
import { RecipientChecks, type Resolution } from './RecipientChecks';
import { RecipientChooser } from './RecipientChooser';
import { availableRecipients, chosenRecipients, initialSelection } from './recipient-selection';
import { GenerationDone } from './GenerationDone';
import { useLetterGeneration } from './use-letter-generation';
import { useLetterRegion } from './use-letter-region';

export interface GenerateLettersProps {
  templateId?: string | undefined;
  campaignId?: string | undefined;
  contactId?: string | undefined;
}

const TABLES = [
  'templates',
  'campaigns',
  'targets',
  'contacts',
  'organizations',
  'settings',
] as const;

/** Choose template, campaign and recipients, check their data, then generate in a worker. */
export function GenerateLettersDialog({
  opened,
  onClose,
  ...initial
}: GenerateLettersProps & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('writer.generate.title')}
      size="lg"
      closeOnClickOutside={false}
      data-testid="generate-dialog"
    >
      {opened ? <GenerateLettersForm {...initial} onClose={onClose} /> : null}
    </Modal>
  );
}

function GenerateLettersForm({
  onClose,
  ...initial
}: GenerateLettersProps & { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const version = useStoreVersion(TABLES);
  const n = (v: number) => formatNumber(v, i18n.language);
  const templates = useStoreQuery(['templates'], (c) =>
    c.templates.all().filter((tp) => tp.kind === 'letter'),
  );
  const campaigns = useStoreQuery(['campaigns'], (c) => c.campaigns.all());
  const settings = useStoreQuery(['settings'], (c) => c.settings.get());
  const [templateId, setTemplateId] = useState<string | null>(
    initial.templateId ?? templates[0]?.id ?? null,
  );
  const [campaignId, setCampaignId] = useState<string | null>(initial.campaignId ?? null);
  const [selection, setSelection] = useState(() =>
    initialSelection(core, campaignId, initial.contactId),
  );
  const [output, setOutput] = useState<LetterOutput>('combined');
  const [resolution, setResolution] = useState<Resolution>('skip');
  const [date] = useState(() => new Date());
  const generation = useLetterGeneration(core);

  const template = templates.find((tp) => tp.id === templateId);
  const region = useLetterRegion(template?.language, settings.arabicRegion);
  const campaign = campaigns.find((c) => c.id === campaignId);
  const available = useMemo(
    () => availableRecipients(core, selection.source, campaignId),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
    [core, selection.source, campaignId, version],
  );
  const chosen = useMemo(() => chosenRecipients(available, selection), [available, selection]);
  const templateProblems = useMemo(() => (template ? validateTemplate(template) : []), [template]);
  const checks = useMemo(
    () =>
      template && templateProblems.length === 0
        ? checkRecipients(template, chosen, { campaign, settings, date })
        : [],
    [template, templateProblems, chosen, campaign, settings, date],
  );
  // Someone who asked not to be contacted is never written to, whatever the choice.
  const skipped = checks
    .filter((c) => resolution === 'skip' || c.problems.some((p) => p.code === 'do-not-contact'))
    .map((c) => c.recipientId);
  const count = chosen.length - skipped.length;
  const canStart = Boolean(template) && templateProblems.length === 0 && count > 0;
  const paper =
    settings.letterPaper ??
    defaultLetterPaper(
      navigator.language,
      chosen.map((r) => r.contact.addresses[0]?.country ?? r.contact.country),
    );

  const start = () => {
    if (!template) return;
    void generation.start(
      {
        template,
        recipients: chosen,
        campaign,
        settings: { ...settings, letterPaper: paper },
        date,
        output,
        skipRecipientIds: skipped,
        authorIsOrganization: settings.letterAuthor === 'organization',
        arabicRegion: region.jobRegion,
        ...letterImagesOf(settings),
      },
      template,
    );
  };

  if (generation.phase === 'running') {
    const p = generation.progress;
    const value = p && p.total ? (p.done / p.total) * 100 : 0;
    return (
      <Stack gap="md" data-testid="generate-running">
        <Progress
          value={value}
          animated
          size="lg"
          aria-label={t('writer.generate.title')}
          data-testid="generate-progress"
        />
        <Text size="sm" data-testid="generate-progress-text">
          {p?.phase === 'pack'
            ? t('writer.generate.packing')
            : t('writer.generate.progress', {
                count: p?.total ?? 0,
                done: n(p?.done ?? 0),
                total: n(p?.total ?? 0),
              })}
        </Text>
        <Group justify="flex-end">
          <Button
            color="red"
            variant="light"
            onClick={generation.cancel}
            data-testid="generate-cancel"
          >
            {t('writer.generate.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  if (generation.phase === 'done') {
    return (
      <GenerationDone
        outcome={generation.outcome}
        onSaveAgain={generation.saveAgain}
        onClose={onClose}
      />
    );
  }
  return (
    <Stack gap="md">
      <Select
        label={t('writer.generate.template')}
        data={templates.map((tp) => ({ value: tp.id, label: tp.name }))}
        value={templateId}
        onChange={setTemplateId}
        allowDeselect={false}
        searchable
        data-testid="generate-template"
      />
      <Select
        label={t('writer.generate.campaign')}
        placeholder={t('writer.generate.noCampaign')}
        data={campaigns.map((c) => ({ value: c.id, label: c.name }))}
        value={campaignId}
        onChange={(value) => {
          setCampaignId(value);
          setSelection((s) => ({ ...s, source: value ? 'targets' : 'contacts', selected: [] }));
        }}
        clearable
        data-testid="generate-campaign"
      />
      <RecipientChooser
        available={available}
        chosenCount={chosen.length}
        selection={selection}
        onChange={setSelection}
        hasCampaign={Boolean(campaignId)}
      />
      {templateProblems.length ? (
        <Notice tone="danger" data-testid="generate-template-problems">
          {t('writer.generate.templateProblems')}
        </Notice>
      ) : (
        <RecipientChecks
          checks={checks}
          recipients={chosen}
          resolution={resolution}
          onResolution={setResolution}
        />
      )}
      <Radio.Group
        label={t('writer.generate.output')}
        value={output}
        onChange={(v) => setOutput(v as LetterOutput)}
      >
        <Stack gap={4} mt={4}>
          <Radio
            value="combined"
            label={t('writer.generate.outputs.combined')}
            data-testid="generate-output-combined"
          />
          <Radio
            value="zip"
            label={t('writer.generate.outputs.zip')}
            data-testid="generate-output-zip"
          />
        </Stack>
      </Radio.Group>
      {region.shown ? (
        <Select
          label={t('writer.generate.region')}
          description={
            region.fixedByTemplate
              ? t('writer.generate.regionFixed', { tag: `\u2068${template?.language ?? ''}\u2069` })
              : t('writer.generate.regionHint')
          }
          data={ARABIC_REGIONS.map((value) => ({
            value,
            label: t(`writer.letterhead.regions.${value}`),
          }))}
          value={region.region}
          onChange={(value) => value && region.choose(value as ArabicRegion)}
          disabled={region.fixedByTemplate}
          allowDeselect={false}
          data-testid="generate-region"
        />
      ) : null}
      <Text size="sm" c="dimmed">
        {t('writer.generate.paper', { paper: t(`writer.generate.papers.${paper}`) })}
      </Text>
      {count === 0 && template ? (
        <Text size="sm" c="dimmed">
          {t('writer.generate.noRecipients')}
        </Text>
      ) : null}
      <OutcomeNotice outcome={generation.outcome} testId="generate-outcome" />
      <PlainExportWarning />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('writer.generate.close')}
        </Button>
        <Button disabled={!canStart} onClick={start} data-testid="generate-start">
          {t('writer.generate.start', { count, n: n(count) })}
        </Button>
      </Group>
    </Stack>
  );
}
