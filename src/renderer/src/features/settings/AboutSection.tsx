import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NetworkHint } from '@renderer/app/network/NetworkHint';
import { bridge } from '@renderer/lib/bridge';
import { Logo } from '@renderer/ui/Logo';
import { SettingsSection } from '@renderer/ui/SettingsSection';

export function AboutSection() {
  const { t } = useTranslation();
  const runtime =
    bridge.runtime === 'electron'
      ? t('pages.settings.runtimeElectron')
      : t('pages.settings.runtimeBrowser');
  return (
    <SettingsSection title={t('pages.settings.aboutTitle')}>
      <Group gap="md" wrap="nowrap" align="flex-start">
        <Logo size={48} />
        <div>
          <Text fw={700}>
            {t('app.name')} <bdi dir="ltr">{__APP_VERSION__}</bdi>
          </Text>
          <Text size="sm" c="dimmed">
            {t('app.tagline')}
          </Text>
          <Text size="sm" mt="xs">
            {t('pages.settings.aboutRuntime')}: {runtime}
          </Text>
          <NetworkHint size="sm" mt="xs" />
        </div>
      </Group>
    </SettingsSection>
  );
}
