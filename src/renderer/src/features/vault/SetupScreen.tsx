import { Alert, Button, Checkbox, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataCore } from '@core/db/data-core';
import { MIN_PASSPHRASE_LENGTH } from '@renderer/lib/passphrase-strength';
import { formatNumber } from '@renderer/lib/format-number';
import { useAction } from '@renderer/lib/use-action';
import { useSession } from '@renderer/app/session/session-context';
import { GateScreen } from './GateScreen';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewPassphrase } from './use-new-passphrase';
import { Notice } from '../../ui/Notice';

/** First run: choose the passphrase that encrypts the workspace. */
export function SetupScreen({
  wiped,
  beginOpening,
}: {
  wiped: boolean;
  beginOpening: () => (core: DataCore, recoveryKey?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { vault } = useSession();
  const passphrase = useNewPassphrase();
  const [withRecoveryKey, setWithRecoveryKey] = useState(false);
  const settingUp = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (settingUp.busy || !passphrase.validate()) return;
    const accept = beginOpening();
    await settingUp.run(
      async () => {
        const { core, recoveryKey } = await vault.setUp(passphrase.passphrase, { withRecoveryKey });
        accept(core, recoveryKey);
      },
      { failed: (reason) => t('vault.setup.failed', { reason }) },
    );
  }

  return (
    <GateScreen testId="setup-screen" width={560}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {wiped && (
            <Alert color="orange" icon={<IconInfoCircle aria-hidden />} data-testid="setup-wiped">
              {t('vault.setup.wiped')}
            </Alert>
          )}
          <div>
            <Title order={1} size="h2" mb="xs" data-testid="gate-title">
              {t('vault.setup.title')}
            </Title>
            <Text>{t('vault.setup.intro')}</Text>
          </div>
          <NewPassphraseFields
            state={passphrase}
            label={t('vault.setup.passphraseLabel')}
            confirmLabel={t('vault.setup.confirmLabel')}
            description={t('vault.setup.passphraseHint', {
              count: MIN_PASSPHRASE_LENGTH,
              n: formatNumber(MIN_PASSPHRASE_LENGTH, i18n.language),
            })}
            autoFocus
            testIdPrefix="setup"
          />
          <Notice
            tone="danger"
            variant="light"
            title={t('vault.setup.warningTitle')}
            data-testid="setup-warning"
          >
            {t('vault.setup.warning')}
          </Notice>
          <Checkbox
            checked={withRecoveryKey}
            onChange={(event) => setWithRecoveryKey(event.currentTarget.checked)}
            label={t('vault.setup.recoveryKeyLabel')}
            description={t('vault.setup.recoveryKeyHint')}
            data-testid="setup-recovery-key"
          />
          {settingUp.outcome && (
            <Notice tone="danger" data-testid="setup-failed">
              {settingUp.outcome.message}
            </Notice>
          )}
          <Button
            type="submit"
            size="md"
            loading={settingUp.busy}
            leftSection={<IconLock size={18} aria-hidden />}
            data-testid="setup-submit"
          >
            {t('vault.setup.submit')}
          </Button>
        </Stack>
      </form>
    </GateScreen>
  );
}
