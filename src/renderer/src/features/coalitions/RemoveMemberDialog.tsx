import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CoalitionError } from '@core/db/repositories/coalitions';
import type { Coalition } from '@core/domain/coalition';
import { removeMember, type MemberRemoved } from '@renderer/app/coalition-sync/remove-member';
import { useCoalitionSyncClient } from '@renderer/app/coalition-sync/use-coalition-sync';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { fieldProblem } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';
import { useFormatters } from '@renderer/lib/use-formatters';
import { Notice } from '@renderer/ui/Notice';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';

interface RemoveMemberDialogProps {
  coalition: Coalition;
  opened: boolean;
  onClose(): void;
  /** After the key changed: invite the members who stay (the invitation dialog). */
  onInvite(): void;
}

/**
 * Removing a member: what it can and cannot do, the new database (server coalitions), then
 * the key changed and the members who stay invited again.
 */
export function RemoveMemberDialog({
  coalition,
  opened,
  onClose,
  onInvite,
}: RemoveMemberDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('coalitions.remove.title', { name: coalition.name })}
      size="lg"
    >
      {opened && <RemoveFlow coalition={coalition} onClose={onClose} onInvite={onInvite} />}
    </Modal>
  );
}

const EMPTY = { database: '', username: '', password: '' };

function RemoveFlow({ coalition, onClose, onInvite }: Omit<RemoveMemberDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const core = useDataCore();
  const sync = useCoalitionSyncClient();
  const removing = useAction();
  const format = useFormatters();
  const [fields, setFields] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [removed, setRemoved] = useState<MemberRemoved | null>(null);
  const server = coalition.transport.kind === 'server';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (removing.busy) return;
    setErrors({});
    if (!sync) {
      removing.show({ ok: false, message: t('coalitions.remove.noReplica') });
      return;
    }
    const { database, username, password } = fields;
    const result = await removing.run(
      () =>
        removeMember(core, sync, coalition.id, {
          ...(server && { database: database.trim() }),
          ...(server && username && password && { credentials: { username, password } }),
        }),
      { failed: (reason) => t('coalitions.remove.failed', { reason }) },
    );
    if (result.ok) setRemoved(result.value);
    else if (result.error instanceof CoalitionError)
      setErrors(
        Object.fromEntries(result.error.fields.map((f) => [f.field, fieldProblem(f.code)])),
      );
  }

  if (removed)
    return (
      <Stack gap="md" data-testid="coalition-remove-done">
        <Notice tone="success">
          {t('coalitions.remove.done', {
            count: removed.documents,
            n: format.number(removed.documents),
          })}
          {removed.refused > 0 &&
            ` ${t('coalitions.remove.leftOut', { count: removed.refused, n: format.number(removed.refused) })}`}
        </Notice>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('coalitions.remove.close')}
          </Button>
          <Button
            leftSection={<IconUserPlus size={14} aria-hidden />}
            onClick={onInvite}
            data-testid="coalition-remove-invite"
          >
            {t('coalitions.remove.inviteNext')}
          </Button>
        </Group>
      </Stack>
    );

  const field = (name: keyof typeof EMPTY) => ({
    value: fields[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setFields((current) => ({ ...current, [name]: value }));
    },
    error: errors[`transport.${name}`],
    autoComplete: 'off',
    dir: 'ltr' as const,
    'data-testid': `coalition-remove-${name}`,
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="coalition-remove-form">
      <Stack gap="sm">
        <Notice tone="warning">{t('coalitions.remove.cannotTakeBack')}</Notice>
        <Text size="sm">
          {t(server ? 'coalitions.remove.serverSteps' : 'coalitions.remove.filesSteps')}
        </Text>
        <Text size="sm">{t('coalitions.remove.othersNeedInvitation')}</Text>
        {server && (
          <>
            <TextInput
              label={t('coalitions.remove.database')}
              description={t('coalitions.form.databaseHint')}
              {...field('database')}
            />
            <Text size="sm" c="dimmed">
              {t('coalitions.remove.credentialsHint')}
            </Text>
            <TextInput label={t('coalitions.remove.username')} {...field('username')} />
            <PasswordInput
              label={t('coalitions.remove.password')}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
              {...field('password')}
            />
          </>
        )}
        {removing.busy && (
          <Text size="sm" c="dimmed" role="status">
            {t('coalitions.remove.working')}
          </Text>
        )}
        <OutcomeNotice outcome={removing.outcome} testId="coalition-remove-outcome" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={removing.busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="red"
            loading={removing.busy}
            data-testid="coalition-remove-submit"
          >
            {t('coalitions.remove.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
