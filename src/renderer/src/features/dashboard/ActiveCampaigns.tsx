import {
  Anchor,
  Badge,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardCampaign } from '@core/planner';
import { lazyNamed } from '@renderer/app/lazy-named';
import { useFormatters } from '@renderer/lib/use-formatters';
import { PageLoading } from '@renderer/ui/PageLoading';
import { StanceBar } from './StanceBar';

// Recharts is large: the cards show their figures first, the chart when its code is in.
const OUTREACH_CHART_HEIGHT = 120;
const OutreachChart = lazyNamed(() => import('./OutreachChart'), 'OutreachChart');

function CampaignCard({ item }: { item: DashboardCampaign }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { campaign, progress } = item;
  const { whip } = progress;
  return (
    <Card
      withBorder
      radius="lg"
      p="lg"
      data-testid="dashboard-campaign"
      data-campaign-id={campaign.id}
    >
      <Stack gap="sm">
        <div>
          <Anchor
            component={Link}
            to={`/campaigns/${campaign.id}`}
            fw={700}
            size="lg"
            dir="auto"
            lineClamp={2}
          >
            {campaign.name}
          </Anchor>
          {campaign.endDate ? (
            <Text size="xs" c="dimmed">
              {t('planner.dashboard.ends', { date: format.day(campaign.endDate) })}
            </Text>
          ) : null}
        </div>
        <div>
          <Text size="sm" mb={4} data-testid="dashboard-milestones">
            {t('planner.dashboard.milestones', {
              done: format.number(progress.milestonesDone),
              total: format.number(progress.milestonesTotal),
            })}
          </Text>
          <Progress
            value={
              progress.milestonesTotal
                ? (progress.milestonesDone / progress.milestonesTotal) * 100
                : 0
            }
            size="sm"
            color="grape"
            aria-label={t('planner.dashboard.milestones', {
              done: format.number(progress.milestonesDone),
              total: format.number(progress.milestonesTotal),
            })}
          />
        </div>
        <div>
          <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
            <Text size="sm">
              {t('planner.whip.summary', {
                supportive: format.number(whip.supportive),
                opposed: format.number(whip.opposed),
                total: format.number(whip.total),
                count: whip.total,
              })}
            </Text>
            {whip.needed !== undefined && whip.total > 0 ? (
              <Badge size="sm" variant="light" color={whip.reached ? 'green' : 'yellow'}>
                {whip.reached
                  ? t('planner.whip.reached')
                  : t('planner.whip.missing', { missing: format.number(whip.missing ?? 0) })}
              </Badge>
            ) : null}
          </Group>
          <StanceBar whip={whip} />
        </div>
        <Text size="sm" c={progress.tasksOverdue ? 'red' : undefined}>
          {t('planner.dashboard.tasks', {
            open: format.number(progress.tasksOpen),
            overdue: format.number(progress.tasksOverdue),
          })}
        </Text>
        <Suspense fallback={<PageLoading minHeight={OUTREACH_CHART_HEIGHT} />}>
          <OutreachChart weeks={item.outreach} />
        </Suspense>
      </Stack>
    </Card>
  );
}

/** Active campaigns with their progress: milestones, targets by stance, outreach per week. */
export function ActiveCampaigns({
  campaigns,
  activeCount,
}: {
  campaigns: readonly DashboardCampaign[];
  activeCount: number;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section data-testid="dashboard-campaigns">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('planner.dashboard.campaignsTitle')}
        </Title>
        <Anchor component={Link} to="/campaigns" size="sm">
          {t('planner.dashboard.allCampaigns')}
        </Anchor>
      </Group>
      {campaigns.length === 0 ? (
        <Text c="dimmed" size="sm" mb="xl">
          {t('planner.dashboard.noActive')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="md">
          {campaigns.map((item) => (
            <CampaignCard key={item.campaign.id} item={item} />
          ))}
        </SimpleGrid>
      )}
      {activeCount > campaigns.length ? (
        <Text size="sm" c="dimmed" mb="md">
          {t('planner.dashboard.moreActive', {
            shown: format.number(campaigns.length),
            total: format.number(activeCount),
            count: activeCount,
          })}
        </Text>
      ) : null}
    </section>
  );
}
