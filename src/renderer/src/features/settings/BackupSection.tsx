import {
  Button,
  Checkbox,
  Divider,
  FileInput,
  Group,
  PasswordInput,
  Stack,
  Text,
} from '@mantine/core';
import { IconDownload, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupError, restoreBackup } from '@core/backup/backup';
import {
  BackupKdfError,
  createEncryptedBackup,
  decryptBackup,
  ENCRYPTED_BACKUP_EXTENSION,
  ENCRYPTED_BACKUP_FORMAT,
  ENCRYPTED_BACKUP_VERSION,
} from '@core/backup/encrypted-backup';
import { ENTITY_TABLES } from '@core/domain/entities';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { appArgon2id } from '@renderer/app/session/argon2id';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { bridge } from '@renderer/lib/bridge';
import { today } from '@renderer/lib/local-time';
import { NewPassphraseFields } from '@renderer/features/vault/NewPassphraseFields';
import { useNewPassphrase } from '@renderer/features/vault/use-new-passphrase';
import { SettingsSection } from '@renderer/ui/SettingsSection';
import { Notice } from '../../ui/Notice';
import { OutcomeNotice } from '../../ui/OutcomeNotice';
import { SubsectionForm } from '../../ui/SubsectionForm';
import { unwrap } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';

function CreateBackupForm() {
  const { t } = useTranslation();
  const core = useDataCore();
  const passphrase = useNewPassphrase();
  const creating = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (creating.busy) return;
    creating.clear();
    if (!passphrase.validate()) return;
    const created = await creating.run(
      async () => {
        const text = await createEncryptedBackup(core.store, passphrase.passphrase, {
          argon2id: appArgon2id,
        });
        return unwrap(
          await bridge.saveFile({
            suggestedName: `${t('backup.fileName', { date: today() })}.${ENCRYPTED_BACKUP_EXTENSION}`,
            bytes: new TextEncoder().encode(text),
            filters: [{ name: t('backup.fileType'), extensions: [ENCRYPTED_BACKUP_EXTENSION] }],
          }),
        );
      },
      {
        done: (saved) => (saved.saved ? t('backup.created', { fileName: saved.fileName }) : null),
        failed: (reason) => t('backup.createFailed', { reason }),
      },
    );
    if (created.ok && created.value.saved) passphrase.reset();
  }

  return (
    <SubsectionForm
      title={t('backup.createTitle')}
      intro={t('backup.passphraseHint')}
      onSubmit={submit}
      testId="backup-create"
    >
      <NewPassphraseFields
        state={passphrase}
        label={t('backup.passphraseLabel')}
        confirmLabel={t('backup.confirmLabel')}
        testIdPrefix="backup"
      />
      <OutcomeNotice outcome={creating.outcome} testId="backup-create-outcome" />
      <Group>
        <Button
          type="submit"
          loading={creating.busy}
          leftSection={<IconDownload size={16} aria-hidden />}
          data-testid="backup-create-submit"
        >
          {t('backup.createSubmit')}
        </Button>
      </Group>
    </SubsectionForm>
  );
}

/** What the file claims to be, read before the slow key derivation. */
function precheck(text: string): 'ok' | 'not-backup' | 'newer' {
  try {
    const json = JSON.parse(text) as { format?: unknown; version?: unknown };
    if (json.format !== ENCRYPTED_BACKUP_FORMAT) return 'not-backup';
    if (typeof json.version === 'number' && json.version > ENCRYPTED_BACKUP_VERSION) return 'newer';
    return 'ok';
  } catch {
    return 'not-backup';
  }
}

/** A file this form will not restore, with what to tell the user. */
class Refused extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

function RestoreBackupForm() {
  const { t } = useTranslation();
  const core = useDataCore();
  const hasData = useStoreQuery(ENTITY_TABLES, (open) =>
    ENTITY_TABLES.some((table) => open.store.count(table) > 0),
  );
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [replace, setReplace] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const restoring = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (restoring.busy) return;
    setSubmitted(true);
    restoring.clear();
    if (!file || passphrase === '' || (hasData && !replace)) return;
    const restored = await restoring.run(
      async () => {
        const text = await file.text();
        const claim = precheck(text);
        if (claim !== 'ok') {
          throw new Refused(claim === 'newer' ? t('backup.newerVersion') : t('backup.notBackup'));
        }
        const plain = await decryptBackup(text, passphrase, appArgon2id).catch((error: unknown) => {
          if (error instanceof BackupKdfError) {
            throw new Refused(t('backup.alteredSettings'), error.message);
          }
          throw error instanceof BackupError ? new Refused(t('backup.wrongPassphrase')) : error;
        });
        await restoreBackup(core.store, plain, hasData ? 'replace' : 'into-empty').catch(
          (error: unknown) => {
            throw error instanceof BackupError
              ? new Refused(t('backup.damaged'), error.message)
              : error;
          },
        );
      },
      {
        done: () => t('backup.restored'),
        failed: (reason, error) =>
          error instanceof Refused
            ? { ok: false, message: error.message, ...(error.detail && { detail: error.detail }) }
            : t('backup.restoreFailed', { reason }),
      },
    );
    if (!restored.ok) return;
    setFile(null);
    setPassphrase('');
    setReplace(false);
    setSubmitted(false);
  }

  return (
    <SubsectionForm
      title={t('backup.restoreTitle')}
      intro={t('backup.restoreIntro')}
      onSubmit={submit}
      testId="backup-restore"
    >
      <FileInput
        label={t('backup.fileLabel')}
        placeholder={t('backup.filePlaceholder')}
        value={file}
        onChange={(chosen) => {
          setFile(chosen);
          restoring.clear();
        }}
        accept={`.${ENCRYPTED_BACKUP_EXTENSION},application/json`}
        leftSection={<IconFileUpload size={16} aria-hidden />}
        error={submitted && !file}
        clearable
        data-testid="restore-file"
      />
      <PasswordInput
        label={t('backup.passphraseLabel')}
        value={passphrase}
        onChange={(event) => setPassphrase(event.currentTarget.value)}
        error={submitted && passphrase === ''}
        aria-invalid={submitted && passphrase === ''}
        autoComplete="off"
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
        data-testid="restore-passphrase"
      />
      {hasData && (
        <Notice tone="warning">
          <Stack gap="sm">
            <Text size="sm">{t('backup.replaceWarning')}</Text>
            <Checkbox
              checked={replace}
              onChange={(event) => setReplace(event.currentTarget.checked)}
              label={t('backup.replaceConfirm')}
              error={submitted && !replace}
              aria-invalid={submitted && !replace}
              data-testid="restore-replace"
            />
          </Stack>
        </Notice>
      )}
      <OutcomeNotice outcome={restoring.outcome} testId="restore-outcome" />
      <Group>
        <Button
          type="submit"
          loading={restoring.busy}
          leftSection={<IconUpload size={16} aria-hidden />}
          data-testid="restore-submit"
        >
          {t('backup.restoreSubmit')}
        </Button>
      </Group>
    </SubsectionForm>
  );
}

export function BackupSection() {
  const { t } = useTranslation();
  return (
    <SettingsSection
      title={t('backup.title')}
      description={t('backup.intro')}
      testId="backup-section"
    >
      <Stack gap="lg">
        <CreateBackupForm />
        <Divider />
        <RestoreBackupForm />
      </Stack>
    </SettingsSection>
  );
}
