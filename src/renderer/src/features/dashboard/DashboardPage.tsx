import {
  Card,
  Container,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAddressBook, IconMail, IconShieldLock, IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NetworkHint } from '@renderer/app/network/NetworkHint';
import { PageHeader } from '@renderer/ui/PageHeader';
import { ActiveCampaigns } from './ActiveCampaigns';
import { DemoWorkspaceOffer } from './DemoWorkspaceOffer';
import { DueCard } from './DueCard';
import { RecentInteractions } from './RecentInteractions';
import { useDashboardData } from './use-dashboard-data';
import { useDueNotification } from './use-due-notification';
import { usePlannerClock } from './use-planner-clock';
import { isEmptySummary, useWorkspaceSummary } from './use-workspace-summary';
import { WorkspaceSummaryCards } from './WorkspaceSummaryCards';

const STEPS = [
  { key: 'stepCampaign', to: '/campaigns', icon: IconSpeakerphone },
  { key: 'stepContacts', to: '/contacts', icon: IconAddressBook },
  { key: 'stepLetters', to: '/templates', icon: IconMail },
] as const;

function Welcome() {
  const { t } = useTranslation();
  return (
    <>
      <Card withBorder radius="lg" p="xl" mb="xl">
        <Title order={2} size="h3" mb="xs">
          {t('pages.dashboard.welcome')}
        </Title>
        <Text maw={720}>{t('pages.dashboard.intro')}</Text>
        <Group gap="xs" mt="md" c="teal">
          <IconShieldLock size={18} aria-hidden />
          <NetworkHint size="sm" />
        </Group>
      </Card>
      <DemoWorkspaceOffer />
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
    </>
  );
}

/** Campaigns in progress, what is due, recent outreach; on an empty workspace, how to start. */
function Overview() {
  const clock = usePlannerClock();
  const data = useDashboardData(clock);
  const summary = useWorkspaceSummary();
  useDueNotification(data.dueCounts.today, clock.today);
  return (
    <>
      <Grid gap="lg" mb="xl">
        {/* Recent interactions under the campaigns: the due list alone fills the side column. */}
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <ActiveCampaigns campaigns={data.campaigns} activeCount={data.activeCount} />
            <RecentInteractions interactions={data.recent} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <DueCard items={data.due} total={data.dueCounts.total} today={clock.today} />
        </Grid.Col>
      </Grid>
      <WorkspaceSummaryCards summary={summary} />
    </>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const empty = isEmptySummary(useWorkspaceSummary());
  return (
    <Container size="xl" px={0}>
      <PageHeader title={t('pages.dashboard.title')} />
      {empty ? <Welcome /> : <Overview />}
    </Container>
  );
}
