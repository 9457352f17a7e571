import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { letterImagesOf } from '@core/domain/settings';
import type { Template } from '@core/domain/template';
import { checkRecipients, validateTemplate } from '@core/letters';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery, useStoreVersion } from '@renderer/app/data/use-store-query';
import { Notice } from '@renderer/ui/Notice';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { PlainExportWarning } from '@renderer/ui/PlainExportWarning';
import { GenerationDone } from '../generate/GenerationDone';
import { useLetterGeneration } from '../generate/use-letter-generation';
import { contactRecipient } from '../recipients';
import { LetterPreview } from './LetterPreview';

const TABLES = ['contacts', 'targets', 'organizations', 'interactions'] as const;

/** The contact's language first, so an Arabic-speaking official gets an Arabic template. */
function defaultTemplate(templates: readonly Template[], language: string | undefined) {
  const wanted = language?.slice(0, 2);
  return (templates.find((tp) => tp.language === wanted) ?? templates[0])?.id ?? null;
}

/** One letter to one contact (as a campaign's target when given): template, preview, save. */
export function WriteLetterDialog({
  opened,
  onClose,
  contactId,
  campaignId,
}: {
  opened: boolean;
  onClose: () => void;
  contactId: string;
  campaignId?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('writer.write.title')}
      size="xl"
      closeOnClickOutside={false}
      data-testid="write-letter-dialog"
    >
      {opened ? (
        <WriteLetterForm contactId={contactId} campaignId={campaignId} onClose={onClose} />
      ) : null}
    </Modal>
  );
}

function WriteLetterForm({
  contactId,
  campaignId,
  onClose,
}: {
  contactId: string;
  campaignId?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const core = useDataCore();
  const version = useStoreVersion(TABLES);
  const templates = useStoreQuery(['templates'], (c) =>
    c.templates.all().filter((tp) => tp.kind === 'letter'),
  );
  const settings = useStoreQuery(['settings'], (c) => c.settings.get());
  const campaign = useStoreQuery(['campaigns'], (c) =>
    campaignId ? c.campaigns.get(campaignId) : undefined,
  );
  const [templateId, setTemplateId] = useState<string | null>(() =>
    defaultTemplate(templates, core.contacts.get(contactId)?.preferredLanguage),
  );
  const [date] = useState(() => new Date());
  const generation = useLetterGeneration(core);
  const template = templates.find((tp) => tp.id === templateId);
  const recipient = useMemo(() => {
    const target = campaignId
      ? core.targets.forCampaign(campaignId).find((tg) => tg.contactId === contactId)
      : undefined;
    return contactRecipient(core, contactId, target);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
  }, [core, contactId, campaignId, version]);
  const blocked = useMemo(() => {
    if (!template || !recipient || validateTemplate(template).length) return true;
    const [check] = checkRecipients(template, [recipient], { campaign, settings, date });
    return check?.problems.some((p) => p.code === 'do-not-contact') ?? false;
  }, [template, recipient, campaign, settings, date]);

  const start = () => {
    if (!template || !recipient) return;
    void generation.start(
      {
        template,
        recipients: [recipient],
        campaign,
        settings,
        date,
        output: 'combined',
        authorIsOrganization: settings.letterAuthor === 'organization',
        ...letterImagesOf(settings),
      },
      template,
    );
  };

  if (!templates.length)
    return (
      <Notice tone="warning" data-testid="write-letter-no-templates">
        {t('writer.write.noTemplates')}
      </Notice>
    );
  if (generation.phase === 'done')
    return (
      <GenerationDone
        outcome={generation.outcome}
        onSaveAgain={generation.saveAgain}
        onClose={onClose}
      />
    );
  const initialRecipient = recipient?.target
    ? `target:${recipient.target.id}`
    : `contact:${contactId}`;
  return (
    <Stack gap="md">
      <Select
        label={t('writer.write.template')}
        data={templates.map((tp) => ({ value: tp.id, label: tp.name }))}
        value={templateId}
        onChange={setTemplateId}
        allowDeselect={false}
        searchable
        data-testid="write-letter-template"
      />
      {template ? (
        <LetterPreview
          key={`${template.id}:${initialRecipient}`}
          template={template}
          initialRecipient={initialRecipient}
          recipientLocked
        />
      ) : null}
      <OutcomeNotice outcome={generation.outcome} testId="generate-outcome" />
      <PlainExportWarning />
      <Group justify="flex-end">
        {generation.phase === 'running' ? (
          <Text size="sm" c="dimmed" me="auto">
            {t('writer.generate.packing')}
          </Text>
        ) : null}
        <Button variant="default" onClick={onClose}>
          {t('writer.generate.close')}
        </Button>
        <Button
          disabled={blocked}
          loading={generation.phase === 'running'}
          onClick={start}
          data-testid="write-letter-start"
        >
          {t('writer.write.generate')}
        </Button>
      </Group>
    </Stack>
  );
}
