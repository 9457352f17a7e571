import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowBackUp, IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeRecoveryKey, WrongPassphraseError } from '@core/crypto';
import type { DataCore } from '@core/db/data-core';
import { useSession } from '@renderer/app/session/session-context';
import { formatNumber } from '@renderer/lib/format-number';
import { useAction } from '@renderer/lib/use-action';
import { NewPassphraseFields } from './NewPassphraseFields';
import { ResealProgress } from './ResealProgress';
import { useResealProgress } from './use-reseal-progress';
import { useNewPassphrase } from './use-new-passphrase';
import { Notice } from '../../ui/Notice';

/** A forgotten passphrase: the recovery key opens the workspace and sets a new passphrase. */
export function RecoverForm({
  beginOpening,
  onBack,
}: {
  beginOpening: () => (core: DataCore, recoveryKey?: string, replaced?: boolean) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { vault } = useSession();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const passphrase = useNewPassphrase();
  const recovering = useAction();
  const resealing = useResealProgress();
  const busy = recovering.busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const keyValid = normalizeRecoveryKey(recoveryKey) !== null;
    setKeyError(
      keyValid
        ? null
        : t('vault.recover.keyInvalid', { count: 32, n: formatNumber(32, i18n.language) }),
    );
    if (!passphrase.validate() || !keyValid) return;
    const accept = beginOpening();
    resealing.reset();
    await recovering.run(
      async () => {
        const recovered = await vault.recover(recoveryKey, passphrase.passphrase, {
          onResealed: resealing.onResealed,
        });
        // A new recovery key replaces the one just used; without one, the next unlock shows it.
        accept(recovered.core, recovered.recoveryKey ?? vault.takeNewRecoveryKey(), true);
      },
      {
        failed: (reason, error) => {
          if (!(error instanceof WrongPassphraseError)) return t('vault.lock.failed', { reason });
          setKeyError(t('vault.recover.wrongKey'));
          return null;
        },
      },
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2" mb="xs" data-testid="gate-title">
            {t('vault.recover.title')}
          </Title>
          <Text>{t('vault.recover.intro')}</Text>
        </div>
        <TextInput
          label={t('vault.recover.keyLabel')}
          value={recoveryKey}
          onChange={(event) => {
            setRecoveryKey(event.currentTarget.value);
            setKeyError(null);
          }}
          error={keyError}
          aria-invalid={keyError !== null}
          dir="ltr"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          leftSection={<IconKey size={16} aria-hidden />}
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          data-testid="recover-key"
        />
        <NewPassphraseFields
          state={passphrase}
          label={t('vault.recover.newPassphraseLabel')}
          confirmLabel={t('vault.recover.confirmLabel')}
          testIdPrefix="recover"
        />
        {busy && <ResealProgress count={resealing.count} />}
        {recovering.outcome && <Notice tone="danger">{recovering.outcome.message}</Notice>}
        <Group justify="space-between" gap="sm">
          <Button
            variant="subtle"
            leftSection={<IconArrowBackUp size={16} aria-hidden className="mirror-in-rtl" />}
            onClick={onBack}
            disabled={busy}
          >
            {t('vault.recover.back')}
          </Button>
          <Button type="submit" loading={busy} data-testid="recover-submit">
            {t('vault.recover.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
