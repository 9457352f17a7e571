import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';
import type { ResealCount } from './use-reseal-progress';

/** A key rotation's progress: rows re-sealed with the new key, of all of them. */
export function ResealProgress({ count }: { count: ResealCount | null }) {
  const { t, i18n } = useTranslation();
  if (!count || count.total === 0) return null;
  const percent = Math.round((count.done / count.total) * 100);
  return (
    <Stack gap={4} data-testid="reseal-progress">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('vault.rotation.progress', {
          done: formatNumber(count.done, i18n.language),
          total: formatNumber(count.total, i18n.language),
        })}
      </Text>
      <Progress value={percent} aria-label={t('vault.rotation.progressLabel')} />
    </Stack>
  );
}
