import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconDoorExit,
  IconFileExport,
  IconFileImport,
  IconRefresh,
  IconUserMinus,
  IconUserPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coalition } from '@core/domain/coalition';
import { useCoalitionSyncClient } from '@renderer/app/coalition-sync/use-coalition-sync';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useAction } from '@renderer/lib/use-action';
import { useFormatters } from '@renderer/lib/use-formatters';
import { Notice } from '@renderer/ui/Notice';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { ExportBundleDialog, ImportBundleDialog } from './BundleDialogs';
import { CoalitionCampaignBadges, CoalitionCampaignNames } from './CoalitionCampaigns';
import { InviteDialog } from './InviteDialog';
import { RemoveMemberDialog } from './RemoveMemberDialog';

/** One coalition: how it exchanges, how the last sync went, and its actions. */
export function CoalitionCard({ coalition }: { coalition: Coalition }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [inviting, setInviting] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [bundling, setBundling] = useState<'export' | 'import' | null>(null);
  const sync = useCoalitionSyncClient();
  const { transport, status } = coalition;
  const where =
    transport.kind === 'server'
      ? `${transport.url} · ${transport.database}`
      : t('coalitions.status.files');

  return (
    <Paper withBorder radius="md" p="md" data-testid="coalition-card" data-name={coalition.name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} size="h5" dir="auto">
              {coalition.name}
            </Title>
            <Text size="xs" c="dimmed" dir="ltr" style={{ unicodeBidi: 'isolate' }}>
              {where}
            </Text>
          </Stack>
          <Group gap="xs" justify="flex-end">
            {transport.kind === 'server' && sync && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={() => sync.syncNow(coalition.id)}
                data-testid="coalition-sync-now"
              >
                {t('coalitions.status.syncNow')}
              </Button>
            )}
            <Button
              size="xs"
              variant="light"
              leftSection={<IconUserPlus size={14} aria-hidden />}
              onClick={() => setInviting(true)}
              data-testid="coalition-invite"
            >
              {t('coalitions.invite.button')}
            </Button>
            {sync && (
              <>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconFileExport size={14} aria-hidden />}
                  onClick={() => setBundling('export')}
                  data-testid="coalition-bundle-export-open"
                >
                  {t('coalitions.bundle.exportButton')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconFileImport size={14} aria-hidden />}
                  onClick={() => setBundling('import')}
                  data-testid="coalition-bundle-import-open"
                >
                  {t('coalitions.bundle.importButton')}
                </Button>
              </>
            )}
            {sync && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconUserMinus size={14} aria-hidden />}
                onClick={() => setRemoving(true)}
                data-testid="coalition-remove-member"
              >
                {t('coalitions.remove.button')}
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconDoorExit size={14} aria-hidden />}
              onClick={() => setLeaving(true)}
              data-testid="coalition-leave"
            >
              {t('coalitions.leave.button')}
            </Button>
          </Group>
        </Group>
        <Group gap="xs" data-testid="coalition-status">
          <Badge variant="light" color={status.syncedAt ? 'teal' : 'gray'}>
            {status.syncedAt
              ? t('coalitions.status.syncedAt', { when: format.instant(status.syncedAt) })
              : t('coalitions.status.neverSynced')}
          </Badge>
          <Badge
            variant="light"
            color={status.pendingChanges ? 'blue' : 'gray'}
            data-testid="coalition-pending"
            data-count={status.pendingChanges}
          >
            {t('coalitions.status.pending')}: {format.number(status.pendingChanges)}
          </Badge>
          <Badge variant="light" color={status.refusedCount ? 'orange' : 'gray'}>
            {t('coalitions.status.refused')}: {format.number(status.refusedCount)}
          </Badge>
          <CoalitionCampaignBadges coalition={coalition} />
        </Group>
        <CoalitionCampaignNames coalition={coalition} />
        {status.lastError && (
          <Notice tone="warning" data-testid="coalition-sync-problem">
            {t('coalitions.status.problem', { when: format.instant(status.lastError.at) })}:{' '}
            {t(`coalitions.syncProblems.${status.lastError.problem}`)}
          </Notice>
        )}
      </Stack>
      <InviteDialog coalition={coalition} opened={inviting} onClose={() => setInviting(false)} />
      <LeaveDialog coalition={coalition} opened={leaving} onClose={() => setLeaving(false)} />
      <RemoveMemberDialog
        coalition={coalition}
        opened={removing}
        onClose={() => setRemoving(false)}
        onInvite={() => {
          setRemoving(false);
          setInviting(true);
        }}
      />
      <ExportBundleDialog
        coalition={coalition}
        opened={bundling === 'export'}
        onClose={() => setBundling(null)}
      />
      <ImportBundleDialog
        coalition={coalition}
        opened={bundling === 'import'}
        onClose={() => setBundling(null)}
      />
    </Paper>
  );
}

function LeaveDialog({
  coalition,
  opened,
  onClose,
}: {
  coalition: Coalition;
  opened: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const core = useDataCore();
  const leaving = useAction();
  const leave = () =>
    void leaving.run(() => core.coalitions.leaveCoalition(coalition.id), {
      failed: (reason) => t('coalitions.leave.failed', { reason }),
    });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('coalitions.leave.title', { name: coalition.name })}
    >
      <Stack gap="md">
        <Text size="sm">{t('coalitions.leave.body')}</Text>
        <OutcomeNotice outcome={leaving.outcome} testId="coalition-leave-outcome" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={leaving.busy}
            onClick={leave}
            data-testid="coalition-leave-confirm"
          >
            {t('coalitions.leave.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
