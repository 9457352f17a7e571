import { Button, Group, Modal, Paper, Text } from '@mantine/core';
import {
  IconSpeakerphone,
  IconDownload,
  IconTag,
  IconTagOff,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { ExportDialog } from '@renderer/features/transfer/ExportDialog';
import { formatNumber } from '@renderer/lib/format-number';
import { reasonOf } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';
import type { ActionNoticeState } from './ActionNotice';
import { AddToCampaignDialog } from './AddToCampaignDialog';
import { BulkTagDialog } from './BulkTagDialog';

type Dialog = 'tag' | 'untag' | 'campaign' | 'export' | 'delete';

export interface BulkBarProps {
  ids: ReadonlySet<string>;
  onClear(): void;
  onNotice(notice: ActionNoticeState): void;
}

/** What can be done to the selected contacts: tag, untag, add to a campaign, export, delete. */
export const BulkBar = memo(function BulkBar({ ids, onClear, onNotice }: BulkBarProps) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const deleting = useAction();
  const count = formatNumber(ids.size, i18n.language);
  const close = () => setDialog(null);
  const done = (message: string) => onNotice({ message, ok: true });

  /** Its outcome goes to the page's passing notice, which offers Undo. */
  const remove = async () => {
    const deleted = await deleting.run(() => core.contacts.removeManyWithDependents([...ids]), {
      failed: (reason) => {
        onNotice({ ok: false, message: t('contactBook.bulk.failed', { reason }) });
        return null;
      },
    });
    close();
    if (!deleted.ok) return;
    const removed = deleted.value;
    onClear();
    onNotice({
      ok: true,
      message: t('contactBook.bulk.deleted', { n: count }),
      undo: () => {
        core.contacts.restoreRemoved(removed).then(
          () => onNotice({ ok: true, message: t('contactBook.bulk.restored') }),
          (error: unknown) =>
            onNotice({
              ok: false,
              message: t('contactBook.bulk.failed', { reason: reasonOf(error) }),
            }),
        );
      },
    });
  };

  const action = (name: Dialog, Icon: typeof IconTag, label: string, color?: string) => (
    <Button
      size="xs"
      variant={name === 'delete' ? 'light' : 'default'}
      color={color}
      leftSection={<Icon size={14} aria-hidden />}
      onClick={() => setDialog(name)}
      // Never cut: a label that ends in "…" must not pass for a truncated one.
      styles={{ label: { overflow: 'visible' } }}
      data-testid={`bulk-${name}`}
    >
      {label}
    </Button>
  );

  if (ids.size === 0) return null;
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      mb="sm"
      data-testid="bulk-bar"
      bg="var(--mantine-primary-color-light)"
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} data-testid="bulk-count">
          {t('contactBook.bulk.selected', { n: count })}
        </Text>
        <Group gap="xs">
          {action('tag', IconTag, t('contactBook.bulk.tag'))}
          {action('untag', IconTagOff, t('contactBook.bulk.untag'))}
          {action('campaign', IconSpeakerphone, t('contactBook.bulk.addToCampaign'))}
          {action('export', IconDownload, t('contactBook.bulk.export'))}
          {action('delete', IconTrash, t('contactBook.bulk.delete'), 'red')}
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={onClear}
            data-testid="bulk-clear"
          >
            {t('contactBook.bulk.clear')}
          </Button>
        </Group>
      </Group>
      <BulkTagDialog
        mode={dialog === 'tag' || dialog === 'untag' ? dialog : null}
        ids={ids}
        onClose={close}
        onDone={done}
      />
      <AddToCampaignDialog opened={dialog === 'campaign'} ids={ids} onClose={close} onDone={done} />
      <ExportDialog opened={dialog === 'export'} onClose={close} contactIds={[...ids]} />
      <Modal opened={dialog === 'delete'} onClose={close} title={t('contactBook.bulk.deleteTitle')}>
        <Text mb="md">{t('contactBook.bulk.deleteBody', { n: count })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('contactBook.form.cancel')}
          </Button>
          <Button
            color="red"
            loading={deleting.busy}
            onClick={remove}
            data-testid="bulk-delete-confirm"
          >
            {t('contactBook.bulk.deleteConfirm')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
});
