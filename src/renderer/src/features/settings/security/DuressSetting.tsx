/**
 * Off by default: a second passphrase that, typed at the lock screen, erases the workspace
 * and shows a first run like a new install's. Setting, replacing or turning it off needs the
 * current passphrase.
 */
import { Button, Group, PasswordInput, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WrongPassphraseError } from '@core/crypto';
import { DuressSameAsPassphraseError, isDuressSet, rememberDuressSet } from '@core/vault';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useSession } from '@renderer/app/session/session-context';
import { reasonOf } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';
import { Notice } from '../../../ui/Notice';
import { SubsectionForm } from '../../../ui/SubsectionForm';

export function DuressSetting() {
  const { t } = useTranslation();
  const { vault } = useSession();
  const core = useDataCore();
  /** undefined while it is read. */
  const [set, setSet] = useState<boolean | undefined>(undefined);
  const [current, setCurrent] = useState('');
  const [duress, setDuress] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ current?: string; duress?: string; confirm?: string }>({});
  const saving = useAction();

  useEffect(() => {
    let live = true;
    isDuressSet(core.store).then(
      (value) => live && setSet(value),
      (error: unknown) =>
        live &&
        saving.show({ ok: false, message: t('duress.failed', { reason: reasonOf(error) }) }),
    );
    return () => {
      live = false;
    };
    // Read once per workspace opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [core]);

  async function save(next: string | null) {
    if (saving.busy) return;
    saving.clear();
    const found: typeof errors = {};
    if (current === '') found.current = t('security.wrongCurrent');
    if (next !== null) {
      if (next === '') found.duress = t('duress.empty');
      else if (confirm !== next) found.confirm = t('duress.mismatch');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const saved = await saving.run(
      async () => {
        await vault.setDuressPassphrase(current, next);
        await rememberDuressSet(core.store, next !== null);
      },
      {
        done: t(next === null ? 'duress.turnedOff' : 'duress.saved'),
        failed: (reason, error) => {
          if (error instanceof WrongPassphraseError) {
            setErrors({ current: t('security.wrongCurrent') });
            return null;
          }
          if (error instanceof DuressSameAsPassphraseError) {
            setErrors({ duress: t('duress.sameAsPassphrase') });
            return null;
          }
          return t('duress.failed', { reason });
        },
      },
    );
    if (!saved.ok) return;
    setSet(next !== null);
    setCurrent('');
    setDuress('');
    setConfirm('');
  }

  function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    return save(duress);
  }

  return (
    <SubsectionForm
      title={t('duress.title')}
      intro={t('duress.intro')}
      onSubmit={submit}
      testId="duress-form"
    >
      <Text
        size="sm"
        fw={600}
        data-testid="duress-status"
        data-set={set === undefined ? undefined : String(set)}
      >
        {set === undefined ? '' : t(set ? 'duress.statusOn' : 'duress.statusOff')}
      </Text>
      <Notice tone="warning" variant="light" data-testid="duress-limits">
        {t('duress.limits')}
      </Notice>
      <PasswordInput
        label={t('security.currentLabel')}
        value={current}
        onChange={(event) => {
          setCurrent(event.currentTarget.value);
          setErrors((shown) => ({ ...shown, current: undefined }));
        }}
        error={errors.current}
        aria-invalid={errors.current !== undefined}
        autoComplete="off"
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
        data-testid="duress-current"
      />
      <PasswordInput
        label={t('duress.passphraseLabel')}
        description={t('duress.passphraseHint')}
        value={duress}
        onChange={(event) => {
          setDuress(event.currentTarget.value);
          setErrors((shown) => ({ ...shown, duress: undefined }));
        }}
        error={errors.duress}
        aria-invalid={errors.duress !== undefined}
        autoComplete="off"
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
        data-testid="duress-passphrase"
      />
      <PasswordInput
        label={t('duress.confirmLabel')}
        value={confirm}
        onChange={(event) => {
          setConfirm(event.currentTarget.value);
          setErrors((shown) => ({ ...shown, confirm: undefined }));
        }}
        error={errors.confirm}
        aria-invalid={errors.confirm !== undefined}
        autoComplete="off"
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
        data-testid="duress-confirm"
      />
      {saving.outcome && (
        <Notice tone={saving.outcome.ok ? 'success' : 'danger'} data-testid="duress-outcome">
          {saving.outcome.message}
        </Notice>
      )}
      <Group>
        <Button
          type="submit"
          loading={saving.busy}
          disabled={set === undefined}
          data-testid="duress-submit"
        >
          {t(set ? 'duress.replace' : 'duress.submit')}
        </Button>
        {set && (
          <Button
            variant="default"
            disabled={saving.busy}
            onClick={() => void save(null)}
            data-testid="duress-off"
          >
            {t('duress.turnOff')}
          </Button>
        )}
      </Group>
    </SubsectionForm>
  );
}
