import { Container, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@renderer/ui/PageHeader';
import { AboutSection } from './AboutSection';
import { AppearanceSetting } from './AppearanceSetting';
import { BackupSection } from './BackupSection';
import { CoalitionsSection } from '@renderer/features/coalitions/CoalitionsSection';
import { LanguageSetting } from './LanguageSetting';
import { LetterheadSection } from './LetterheadSection';
import { EraseAllSection } from './security/EraseAllSection';
import { SecuritySection } from './security/SecuritySection';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Container size="md" px={0}>
      <PageHeader title={t('pages.settings.title')} />
      <Stack gap="lg">
        <LanguageSetting />
        <AppearanceSetting />
        <LetterheadSection />
        <SecuritySection />
        <CoalitionsSection />
        <BackupSection />
        <EraseAllSection />
        <AboutSection />
      </Stack>
    </Container>
  );
}
