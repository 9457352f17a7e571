import { Button, Group, PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WrongPassphraseError } from '@core/crypto';
import { RotationIncompleteError } from '@core/vault';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useSession } from '@renderer/app/session/session-context';
import { NewPassphraseFields } from '@renderer/features/vault/NewPassphraseFields';
import { RecoveryKeyPanel } from '@renderer/features/vault/RecoveryKeyScreen';
import { ResealProgress } from '@renderer/features/vault/ResealProgress';
import { useNewPassphrase } from '@renderer/features/vault/use-new-passphrase';
import { useResealProgress } from '@renderer/features/vault/use-reseal-progress';
import { reasonOf } from '@renderer/lib/reason-of';
import { Notice } from '../../../ui/Notice';
import { SubsectionForm } from '../../../ui/SubsectionForm';
import { useAction } from '@renderer/lib/use-action';

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const { vault } = useSession();
  const core = useDataCore();
  const [current, setCurrent] = useState('');
  /** Made by the change of key: shown once, until the user says it is stored. */
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  const resealing = useResealProgress();
  const [currentError, setCurrentError] = useState<string | null>(null);
  const next = useNewPassphrase();
  const changing = useAction();
  const { outcome } = changing;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (changing.busy) return;
    changing.clear();
    const valid = next.validate();
    if (current === '') {
      setCurrentError(t('security.wrongCurrent'));
      return;
    }
    if (!valid) return;
    if (next.passphrase === current) {
      changing.show({ ok: false, message: t('security.sameAsCurrent') });
      return;
    }
    resealing.reset();
    const change = () =>
      vault.changePassphrase(core, current, next.passphrase, {
        onResealed: resealing.onResealed,
      });
    const changed = await changing.run(change, {
      done: t('security.changed'),
      failed: (reason, error) => {
        if (error instanceof RotationIncompleteError) {
          clearFields();
          return t('security.rotationIncomplete', { reason: reasonOf(error.reason) });
        }
        if (!(error instanceof WrongPassphraseError)) return t('security.changeFailed', { reason });
        setCurrentError(t('security.wrongCurrent'));
        return null;
      },
    });
    if (!changed.ok) return;
    clearFields();
    if (changed.value.recoveryKey) setNewRecoveryKey(changed.value.recoveryKey);
  }

  function clearFields() {
    setCurrent('');
    next.reset();
  }

  if (newRecoveryKey) {
    return (
      <RecoveryKeyPanel
        recoveryKey={newRecoveryKey}
        replaced
        headingOrder={3}
        onContinue={() => setNewRecoveryKey(null)}
      />
    );
  }

  return (
    <SubsectionForm
      title={t('security.changeTitle')}

      onSubmit={submit}
      testId="change-passphrase-form"
    >
      <PasswordInput
        label={t('security.currentLabel')}
        value={current}
        onChange={(event) => {
          setCurrent(event.currentTarget.value);
          setCurrentError(null);
        }}
        error={currentError}
        aria-invalid={currentError !== null}
        autoComplete="current-password"
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
        data-testid="change-current"
      />
      <NewPassphraseFields
        state={next}
        label={t('security.newLabel')}
        confirmLabel={t('security.confirmLabel')}
        testIdPrefix="change"
      />
      {changing.busy && <ResealProgress count={resealing.count} />}
      {outcome?.ok === true && (
        <Notice tone="success" data-testid="change-done">
          {outcome.message}
        </Notice>
      )}
      {outcome?.ok === false && (
        <Notice tone="danger" data-testid="change-failed">
          {outcome.message}
        </Notice>
      )}
      <Group>
        <Button type="submit" loading={changing.busy} data-testid="change-submit">
          {t('security.changeSubmit')}
        </Button>
      </Group>
    </SubsectionForm>
  );
}
