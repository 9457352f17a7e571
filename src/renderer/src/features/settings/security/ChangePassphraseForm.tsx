import { Button, Group, PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WrongPassphraseError } from '@core/crypto';
import { useSession } from '@renderer/app/session/session-context';
import { NewPassphraseFields } from '@renderer/features/vault/NewPassphraseFields';
import { useNewPassphrase } from '@renderer/features/vault/use-new-passphrase';
import { Notice } from '../../../ui/Notice';
import { SubsectionForm } from '../../../ui/SubsectionForm';
import { reasonOf } from '@renderer/lib/reason-of';

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [current, setCurrent] = useState('');
  const [currentError, setCurrentError] = useState<string | null>(null);
  const next = useNewPassphrase();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; message: string } | null>(
    null,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setOutcome(null);
    const valid = next.validate();
    if (current === '') {
      setCurrentError(t('security.wrongCurrent'));
      return;
    }
    if (!valid) return;
    if (next.passphrase === current) {
      setOutcome({ ok: false, message: t('security.sameAsCurrent') });
      return;
    }
    setBusy(true);
    try {
      await vault.changePassphrase(current, next.passphrase);
      setCurrent('');
      next.reset();
      setOutcome({ ok: true });
    } catch (error) {
      if (error instanceof WrongPassphraseError) setCurrentError(t('security.wrongCurrent'));
      else
        setOutcome({ ok: false, message: t('security.changeFailed', { reason: reasonOf(error) }) });
    } finally {
      setBusy(false);
    }
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
      {outcome?.ok === true && (
        <Notice tone="success" data-testid="change-done">
          {t('security.changed')}
        </Notice>
      )}
      {outcome?.ok === false && (
        <Notice tone="danger" data-testid="change-failed">
          {outcome.message}
        </Notice>
      )}
      <Group>
        <Button type="submit" loading={busy} data-testid="change-submit">
          {t('security.changeSubmit')}
        </Button>
      </Group>
    </SubsectionForm>
  );
}
