import { Card, Container, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAddressBook, IconMail, IconShieldLock, IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@renderer/ui/PageHeader';
import { DemoWorkspaceOffer } from './DemoWorkspaceOffer';
import { isEmptySummary, useWorkspaceSummary } from './use-workspace-summary';
import { WorkspaceSummaryCards } from './WorkspaceSummaryCards';

const STEPS = [
  { key: 'stepCampaign', to: '/campaigns', icon: IconSpeakerphone },
  { key: 'stepContacts', to: '/contacts', icon: IconAddressBook },
  { key: 'stepLetters', to: '/templates', icon: IconMail },
] as const;

export function DashboardPage() {
  const { t } = useTranslation();
  const summary = useWorkspaceSummary();
  const empty = isEmptySummary(summary);
  return (
    <Container size="lg" px={0}>
      <PageHeader title={t('pages.dashboard.title')} />
      <Card withBorder radius="lg" p="xl" mb="xl">
        <Title order={2} size="h3" mb="xs">
          {t('pages.dashboard.welcome')}
        </Title>
        <Text maw={720}>{t('pages.dashboard.intro')}</Text>
        <Group gap="xs" mt="md" c="teal">
          <IconShieldLock size={18} aria-hidden />
          <Text size="sm">{t('app.offlineHint')}</Text>
        </Group>
      </Card>
      {empty ? <DemoWorkspaceOffer /> : <WorkspaceSummaryCards summary={summary} />}
      <Title order={2} size="h4" mb="sm">
        {t('pages.dashboard.stepsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {STEPS.map(({ key, to, icon: Icon }, index) => (
          <Card
            key={key}
            component={Link}
            to={to}
            withBorder
            radius="lg"
            p="lg"
            data-testid={`step-${index + 1}`}
          >
            <ThemeIcon size={44} radius="xl" variant="light" mb="sm">
              <Icon size={24} stroke={1.6} aria-hidden />
            </ThemeIcon>
            <Text fw={600} size="sm" c="dimmed">
              {index + 1}
            </Text>
            <Text>{t(`pages.dashboard.${key}`)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Container>
  );
}
