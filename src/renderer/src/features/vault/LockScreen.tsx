import { Anchor, Button, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WrongPassphraseError } from '@core/crypto';
import type { DataCore } from '@core/db/data-core';
import { UnsupportedFormatError } from '@core/db/record-store';
import {
  DuressErasedError,
  WorkspaceWipedError,
  WrongPassphraseAttemptError,
  type VaultState,
} from '@core/vault';
import { formatNumber } from '@renderer/lib/format-number';
import { useAction } from '@renderer/lib/use-action';
import { useSession } from '@renderer/app/session/session-context';
import { GateScreen } from './GateScreen';
import { RecoverForm } from './RecoverForm';
import { ResealProgress } from './ResealProgress';
import { useResealProgress } from './use-reseal-progress';
import { Notice } from '../../ui/Notice';

type LockedState = Extract<VaultState, { kind: 'locked' }>;
type Opening = () => (core: DataCore, recoveryKey?: string, replaced?: boolean) => void;

function attemptsLeftOf(state: LockedState): number | null {
  const { wipeAfter, failedAttempts } = state.lockout;
  return wipeAfter === null || failedAttempts === 0 ? null : wipeAfter - failedAttempts;
}

/** The locked workspace: the passphrase opens it; the recovery key resets a forgotten one. */
export function LockScreen({
  state,
  beginOpening,
  afterDuress,
  onWiped,
}: {
  state: LockedState;
  beginOpening: Opening;
  /** The duress passphrase erased the workspace: clears the rest, shows a first run. */
  afterDuress: () => Promise<void>;
  onWiped: () => void;
}) {
  const [recovering, setRecovering] = useState(false);
  return recovering ? (
    <GateScreen testId="recover-screen">
      <RecoverForm beginOpening={beginOpening} onBack={() => setRecovering(false)} />
    </GateScreen>
  ) : (
    <GateScreen testId="lock-screen">
      <UnlockForm
        state={state}
        beginOpening={beginOpening}
        afterDuress={afterDuress}
        onWiped={onWiped}
        onRecover={state.hasRecoveryKey ? () => setRecovering(true) : undefined}
      />
    </GateScreen>
  );
}

function UnlockForm({
  state,
  beginOpening,
  afterDuress,
  onWiped,
  onRecover,
}: {
  state: LockedState;
  beginOpening: Opening;
  afterDuress: () => Promise<void>;
  onWiped: () => void;
  onRecover: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { vault } = useSession();
  const [passphrase, setPassphrase] = useState('');
  const unlocking = useAction();
  const resealing = useResealProgress();
  const [wrong, setWrong] = useState(false);
  /** From the last failed attempt; until then, from the stored state. */
  const [lastAttemptsLeft, setAttemptsLeft] = useState<number | null | undefined>(undefined);
  const attemptsLeft = lastAttemptsLeft === undefined ? attemptsLeftOf(state) : lastAttemptsLeft;
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (unlocking.busy || passphrase === '') return;
    const accept = beginOpening();
    resealing.reset();
    const unlock = async () => {
      try {
        // A change of key interrupted earlier finishes here, and may bring a new recovery key.
        const core = await vault.unlock(passphrase, { onResealed: resealing.onResealed });
        accept(core, vault.takeNewRecoveryKey(), true);
      } catch (error) {
        if (!(error instanceof DuressErasedError)) throw error;
        // The button keeps spinning, as for any unlock, until the first run shows.
        await afterDuress();
      }
    };
    await unlocking.run(unlock, {
      failed: (reason, error) => {
        if (error instanceof WorkspaceWipedError) {
          onWiped();
        } else if (error instanceof WrongPassphraseError) {
          setWrong(true);
          setPassphrase('');
          if (error instanceof WrongPassphraseAttemptError) setAttemptsLeft(error.attemptsLeft);
          input.current?.focus();
        } else {
          return error instanceof UnsupportedFormatError
            ? t('workspace.newerVersion')
            : t('vault.lock.failed', { reason });
        }
        return null;
      },
    });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Stack align="center" gap="xs" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconLock size={30} stroke={1.6} aria-hidden />
          </ThemeIcon>
          <Title order={1} size="h2" data-testid="gate-title">
            {t('vault.lock.title')}
          </Title>
          <Text c="dimmed">{t('vault.lock.intro')}</Text>
        </Stack>
        <PasswordInput
          ref={input}
          label={t('vault.lock.passphraseLabel')}
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.currentTarget.value);
            setWrong(false);
          }}
          error={wrong ? t('vault.lock.wrong') : null}
          aria-invalid={wrong}
          autoComplete="current-password"
          autoFocus
          visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
          data-testid="unlock-passphrase"
        />
        {attemptsLeft !== null && (
          <Notice
            tone="warning"

            data-testid="unlock-attempts-left"
            data-attempts-left={attemptsLeft}
          >
            {t('vault.lock.attemptsLeft', { attempts: formatNumber(attemptsLeft, i18n.language) })}
          </Notice>
        )}
        {unlocking.busy && <ResealProgress count={resealing.count} />}
        {unlocking.outcome && (
          <Notice tone="danger" data-testid="unlock-failed">
            {unlocking.outcome.message}
          </Notice>
        )}
        <Button
          type="submit"
          size="md"
          loading={unlocking.busy}
          leftSection={<IconLockOpen size={18} aria-hidden />}
          data-testid="unlock-submit"
        >
          {t('vault.lock.submit')}
        </Button>
        {onRecover && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="center"
            onClick={onRecover}
            data-testid="unlock-use-recovery-key"
          >
            {t('vault.lock.forgot')}
          </Anchor>
        )}
      </Stack>
    </form>
  );
}
