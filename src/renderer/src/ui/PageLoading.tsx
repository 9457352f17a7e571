import { Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while a screen's code loads, the first time it is opened. */
export function PageLoading({ minHeight = 240 }: { minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight} role="status" aria-live="polite" data-testid="page-loading">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{t('app.loading')}</Text>
      </Group>
    </Center>
  );
}
