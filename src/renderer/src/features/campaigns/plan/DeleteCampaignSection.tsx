import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Campaign } from '@core/domain/campaign';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { useAction } from '@renderer/lib/use-action';
import { Notice } from '@renderer/ui/Notice';
import { SettingsSection } from '@renderer/ui/SettingsSection';
import { useFormatters } from '@renderer/lib/use-formatters';

/** Deletes the campaign with its targets, interactions and letters, after typing its name. */
export function DeleteCampaignSection({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const core = useDataCore();
  const navigate = useNavigate();
  const format = useFormatters();
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState('');
  const deletion = useAction();
  const counts = useStoreQuery(['targets', 'interactions', 'letters'], (c) => ({
    targets: c.targets.forCampaign(campaign.id).length,
    interactions: c.interactions.forCampaign(campaign.id).length,
    letters: c.letters.all().filter((letter) => letter.campaignId === campaign.id).length,
  }));
  const counted = (count: number) => ({ count, n: format.number(count) });
  const body = t('planner.plan.deleteBody', {
    targets: t('planner.plan.deleted.targets', counted(counts.targets)),
    interactions: t('planner.plan.deleted.interactions', counted(counts.interactions)),
    letters: t('planner.plan.deleted.letters', counted(counts.letters)),
  });

  const remove = async () => {
    const removed = await deletion.run(() => core.campaigns.removeWithDependents(campaign.id), {
      failed: (reason) => t('planner.plan.deleteFailed', { reason }),
    });
    if (removed.ok) void navigate('/campaigns', { replace: true });
  };

  return (
    <SettingsSection
      title={t('planner.plan.deleteTitle')}
      description={body}
      danger
      testId="campaign-delete-section"
    >
      <Button
        color="red"
        variant="outline"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => setOpened(true)}
        data-testid="campaign-delete"
      >
        {t('planner.plan.deleteButton')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          setOpened(false);
          setTyped('');
          deletion.clear();
        }}
        title={t('planner.plan.deleteTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{body}</Text>
          <TextInput
            label={t('planner.plan.deleteTypeLabel', { name: campaign.name })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            dir="auto"
            data-autofocus
            data-testid="campaign-delete-name"
          />
          {deletion.outcome ? <Notice tone="danger">{deletion.outcome.message}</Notice> : null}
          <Group justify="flex-end">
            <Button
              color="red"
              disabled={typed.trim() !== campaign.name.trim()}
              loading={deletion.busy}
              onClick={() => void remove()}
              data-testid="campaign-delete-confirm"
            >
              {t('planner.plan.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SettingsSection>
  );
}
