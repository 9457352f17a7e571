import { Container, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@renderer/ui/PageHeader';
import { AboutSection } from './AboutSection';
import { AppearanceSetting } from './AppearanceSetting';
import { LanguageSetting } from './LanguageSetting';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Container size="md" px={0}>
      <PageHeader title={t('pages.settings.title')} />
      <Stack gap="lg">
        <LanguageSetting />
        <AppearanceSetting />
        <AboutSection />
      </Stack>
    </Container>
  );
}
