import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LockoutAltered } from '@core/vault';
import { formatNumber } from '@renderer/lib/format-number';
import { GateScreen } from './GateScreen';
import { Notice } from '../../ui/Notice';

/**
 * Shown once after an unlock that found wipe-after-N changed in the key file (someone who
 * could write the disk): what was found, and that the user's own setting was put back.
 */
export function LockoutAlteredScreen({
  altered,
  onContinue,
}: {
  altered: LockoutAltered;
  onContinue: () => void;
}) {
  const { t, i18n } = useTranslation();
  const setting = (value: number | null) =>
    value === null ? t('vault.lockoutAltered.never') : formatNumber(value, i18n.language);
  return (
    <GateScreen testId="lockout-altered-screen" width={560}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('vault.lockoutAltered.title')}
        </Title>
        <Notice tone="warning">
          <Text size="sm" data-testid="lockout-altered-body">
            {t('vault.lockoutAltered.body', {
              found: setting(altered.found),
              restored: setting(altered.restored),
            })}
          </Text>
        </Notice>
        <Button onClick={onContinue} data-testid="lockout-altered-continue">
          {t('vault.lockoutAltered.continue')}
        </Button>
      </Stack>
    </GateScreen>
  );
}
