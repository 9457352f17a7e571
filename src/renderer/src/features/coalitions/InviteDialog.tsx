import {
  Button,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITATION_EXTENSION } from '@core/coalition/invitation';
import type { MemberInvitation } from '@core/db/repositories/coalitions';
import type { Coalition } from '@core/domain/coalition';
import { appArgon2id } from '@renderer/app/session/argon2id';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { bridge } from '@renderer/lib/bridge';
import { unwrap } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';
import { CopyButton } from '@renderer/ui/CopyValue';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { OneTimePassphrase } from './OneTimePassphrase';

interface InviteDialogProps {
  coalition: Coalition;
  opened: boolean;
  onClose(): void;
}

/** Makes one invitation; its passphrase is shown in this dialog only, and gone once closed. */
export function InviteDialog({ coalition, opened, onClose }: InviteDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('coalitions.invite.title', { name: coalition.name })}
      size="lg"
    >
      {opened && <InviteFlow coalition={coalition} onClose={onClose} />}
    </Modal>
  );
}

function InviteFlow({ coalition, onClose }: { coalition: Coalition; onClose(): void }) {
  const { t } = useTranslation();
  const core = useDataCore();
  const making = useAction();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [invitation, setInvitation] = useState<MemberInvitation | null>(null);
  const server = coalition.transport.kind === 'server';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (making.busy) return;
    const made = await making.run(
      () =>
        core.coalitions.inviteMember(coalition.id, {
          argon2id: appArgon2id,
          ...(server && username && password && { credentials: { username, password } }),
        }),
      { failed: (reason) => t('coalitions.invite.failed', { reason }) },
    );
    if (made.ok) setInvitation(made.value);
  }

  if (invitation)
    return <MadeInvitation coalition={coalition} invitation={invitation} onClose={onClose} />;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="coalition-invite-form">
      <Stack gap="sm">
        <Text size="sm">{t('coalitions.invite.intro')}</Text>
        {server && (
          <>
            <Text size="sm" c="dimmed">
              {t('coalitions.invite.credentialsHint')}
            </Text>
            <TextInput
              label={t('coalitions.invite.username')}
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              autoComplete="off"
              dir="ltr"
              data-testid="coalition-invite-username"
            />
            <PasswordInput
              label={t('coalitions.invite.password')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              autoComplete="off"
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
              data-testid="coalition-invite-password"
            />
          </>
        )}
        <OutcomeNotice outcome={making.outcome} testId="coalition-invite-outcome" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={making.busy} data-testid="coalition-invite-submit">
            {t('coalitions.invite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MadeInvitation({
  coalition,
  invitation,
  onClose,
}: {
  coalition: Coalition;
  invitation: MemberInvitation;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const saving = useAction();
  const save = () =>
    void saving.run(
      async () =>
        unwrap(
          await bridge.saveFile({
            suggestedName: `${t('coalitions.invite.fileName', { name: coalition.name })}.${INVITATION_EXTENSION}`,
            bytes: new TextEncoder().encode(invitation.file),
            filters: [
              { name: t('coalitions.invite.fileType'), extensions: [INVITATION_EXTENSION] },
            ],
          }),
        ),
      {
        done: (saved) =>
          saved.saved ? t('coalitions.invite.saved', { fileName: saved.fileName }) : null,
        failed: (reason) => t('errors.saveFailed', { reason }),
      },
    );
  return (
    <Stack gap="md" data-testid="coalition-invitation">
      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t('coalitions.invite.text')}
          </Text>
          <CopyButton value={invitation.text} name={t('coalitions.invite.text')} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('coalitions.invite.textHint')}
        </Text>
        <Textarea
          value={invitation.text}
          readOnly
          autosize
          minRows={4}
          maxRows={8}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          aria-label={t('coalitions.invite.text')}
          styles={{ input: { fontFamily: 'monospace', fontSize: 11 } }}
          data-testid="coalition-invitation-text"
        />
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
            loading={saving.busy}
            onClick={save}
            data-testid="coalition-invitation-download"
          >
            {t('coalitions.invite.download')}
          </Button>
        </Group>
        <OutcomeNotice outcome={saving.outcome} testId="coalition-invitation-saved" />
      </Stack>
      <OneTimePassphrase
        title={t('coalitions.invite.passphrase')}
        value={invitation.passphrase}
        warning={t('coalitions.invite.passphraseWarning')}
        testId="coalition-invitation-passphrase"
      />
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="coalition-invitation-done">
          {t('coalitions.invite.done')}
        </Button>
      </Group>
    </Stack>
  );
}
