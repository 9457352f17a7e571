import { Box, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, type PassphraseStrength } from '@renderer/lib/passphrase-strength';
import { formatNumber } from '@renderer/lib/format-number';
import type { NewPassphrase } from './use-new-passphrase';

const LEVELS = ['veryWeak', 'weak', 'fair', 'almost', 'strong'] as const;
const COLORS = ['red', 'red', 'orange', 'yellow', 'teal'] as const;

/** The score shown: a too-short passphrase is never called strong. */
function shownScore(strength: PassphraseStrength): number {
  const score = strength.score ?? 0;
  return strength.tooShort ? Math.min(score, 3) : score;
}

export function StrengthMeter({
  strength,
  passphrase,
  testId,
  showHint = true,
}: {
  strength: PassphraseStrength;
  passphrase: string;
  testId: string;
  /** Off while the field itself shows the same advice as its error. */
  showHint?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const empty = passphrase === '';
  const score = shownScore(strength);
  const level = t(`passphrase.levels.${LEVELS[score] ?? 'veryWeak'}`);
  const color = COLORS[score] ?? 'red';
  const min = formatNumber(MIN_PASSPHRASE_LENGTH, i18n.language);
  const hint =
    strength.score === null
      ? t('passphrase.checking')
      : strength.acceptable
        ? t('passphrase.strongEnough')
        : strength.tooShort
          ? t('passphrase.tooShort', { count: MIN_PASSPHRASE_LENGTH, n: min })
          : t('passphrase.notYet');
  const filled = Math.max(1, score);
  return (
    <Box
      mt={empty ? 0 : 8}
      data-testid={testId}
      data-score={empty ? undefined : (strength.score ?? undefined)}
      data-acceptable={strength.acceptable}
    >
      {!empty && (
        <Group
          gap={4}
          grow
          role="meter"
          aria-label={t('passphrase.strength', { level })}
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={score}
          aria-valuetext={level}
        >
          {[1, 2, 3, 4].map((segment) => (
            <Box
              key={segment}
              h={6}
              style={{
                borderRadius: 3,
                background:
                  segment <= filled
                    ? `var(--mantine-color-${color}-filled)`
                    : 'var(--mantine-color-default-border)',
                transition: 'background-color 150ms ease',
              }}
            />
          ))}
        </Group>
      )}
      {/* Always present, so that screen readers announce what changes in it. */}
      <Stack gap={2} mt={empty ? 0 : 6} aria-live="polite">
        {!empty && (
          <Text size="sm" fw={600} c={`${color}.${color === 'yellow' ? 8 : 7}`}>
            {t('passphrase.strength', { level })}
          </Text>
        )}
        {!empty && (showHint || strength.warning) && (
          <Text size="sm" c="dimmed">
            {strength.warning ? `${t(`passphrase.warnings.${strength.warning}`)} ` : ''}
            {showHint ? hint : ''}
          </Text>
        )}
      </Stack>
    </Box>
  );
}

/** A new passphrase, its strength meter and its confirmation. */
export function NewPassphraseFields({
  state,
  label,
  confirmLabel,
  description,
  autoFocus = false,
  testIdPrefix,
}: {
  state: NewPassphrase;
  label: string;
  confirmLabel: string;
  description?: string;
  autoFocus?: boolean;
  testIdPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const { passphrase, confirm, strength, submitted } = state;
  const min = formatNumber(MIN_PASSPHRASE_LENGTH, i18n.language);
  const weakError =
    submitted && !strength.acceptable
      ? strength.tooShort
        ? t('passphrase.tooShort', { count: MIN_PASSPHRASE_LENGTH, n: min })
        : t('passphrase.notYet')
      : null;
  const mismatch =
    confirm !== passphrase &&
    (submitted || (confirm !== '' && confirm.length >= passphrase.length));
  const toggle = { 'aria-label': t('common.showPassphrase') };
  return (
    <Stack gap="sm">
      <div>
        <PasswordInput
          label={label}
          description={description}
          value={passphrase}
          onChange={(event) => state.setPassphrase(event.currentTarget.value)}
          error={weakError}
          aria-invalid={weakError !== null}
          autoComplete="new-password"
          autoFocus={autoFocus}
          visibilityToggleButtonProps={toggle}
          data-testid={`${testIdPrefix}-passphrase`}
        />
        <StrengthMeter
          strength={strength}
          passphrase={passphrase}
          testId={`${testIdPrefix}-strength`}
          showHint={weakError === null}
        />
      </div>
      <PasswordInput
        label={confirmLabel}
        value={confirm}
        onChange={(event) => state.setConfirm(event.currentTarget.value)}
        error={mismatch ? t('vault.setup.mismatch') : null}
        aria-invalid={mismatch}
        autoComplete="new-password"
        visibilityToggleButtonProps={toggle}
        data-testid={`${testIdPrefix}-confirm`}
      />
    </Stack>
  );
}
