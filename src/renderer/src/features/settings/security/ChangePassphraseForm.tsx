import { Button, Group, PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WrongPassphraseError } from '@core/crypto';
import { useSession } from '@renderer/app/session/session-context';
import { NewPassphraseFields } from '@renderer/features/vault/NewPassphraseFields';
import { useNewPassphrase } from '@renderer/features/vault/use-new-passphrase';
import { Notice } from '../../../ui/Notice';
import { SubsectionForm } from '../../../ui/SubsectionForm';
import { useAction } from '@renderer/lib/use-action';

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [current, setCurrent] = useState('');
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
    const changed = await changing.run(() => vault.changePassphrase(current, next.passphrase), {
      done: t('security.changed'),
      failed: (reason, error) => {
        if (!(error instanceof WrongPassphraseError)) return t('security.changeFailed', { reason });
        setCurrentError(t('security.wrongCurrent'));
        return null;
      },
    });
    if (!changed.ok) return;
    setCurrent('');
    next.reset();
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
