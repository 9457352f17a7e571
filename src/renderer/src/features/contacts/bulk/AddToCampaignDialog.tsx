import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STANCES, type Stance } from '@core/domain/target';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import { useAction } from '@renderer/lib/use-action';

export interface AddToCampaignDialogProps {
  opened: boolean;
  ids: ReadonlySet<string>;
  onClose(): void;
  onDone(message: string): void;
}

/** Makes the selected contacts targets of a campaign (those already targets are skipped). */
export function AddToCampaignDialog({ opened, ids, onClose, onDone }: AddToCampaignDialogProps) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const campaigns = useStoreQuery(['campaigns'], (c) =>
    c.campaigns.all().map((campaign) => ({ value: campaign.id, label: campaign.name })),
  );
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [stance, setStance] = useState<Stance>('unknown');
  const { run, busy, outcome, clear } = useAction();

  const close = () => {
    clear();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!campaignId) return;
    const result = await run(() => core.targets.addContacts(campaignId, [...ids], { stance }), {
      failed: (reason) => t('contactBook.bulk.failed', { reason }),
    });
    if (!result.ok) return;
    const { added, alreadyTargets } = result.value;
    onDone(
      t('contactBook.bulk.added', {
        added: formatNumber(added, i18n.language),
        already: formatNumber(alreadyTargets, i18n.language),
      }),
    );
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('contactBook.bulk.campaignTitle')}>
      <form onSubmit={submit}>
        <Stack>
          {campaigns.length === 0 ? (
            <Text c="dimmed">{t('contactBook.bulk.noCampaigns')}</Text>
          ) : (
            <Select
              label={t('contactBook.bulk.campaignLabel')}
              data={campaigns}
              value={campaignId}
              onChange={setCampaignId}
              searchable
              data-testid="bulk-campaign-select"
            />
          )}
          <Select
            label={t('contactBook.bulk.stanceLabel')}
            data={STANCES.map((value) => ({ value, label: t(`planner.stances.${value}`) }))}
            value={stance}
            onChange={(value) => setStance((value as Stance | null) ?? 'unknown')}
            allowDeselect={false}
            data-testid="bulk-stance"
          />
          {outcome && (
            <Notice tone="danger" data-testid="bulk-error">
              {outcome.message}
            </Notice>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('contactBook.form.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!campaignId} data-testid="bulk-apply">
              {t('contactBook.bulk.campaignApply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
