import {
  Badge,
  Button,
  Container,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CAMPAIGN_STATUSES, type Campaign, type CampaignStatus } from '@core/domain/campaign';
import { campaignProgress, plannerIndexOf, type CampaignProgress } from '@core/planner';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { shortcutLabel } from '@renderer/app/session/shortcuts';
import { today } from '@renderer/lib/local-time';
import { PageHeader } from '@renderer/ui/PageHeader';
import { STATUS_COLORS } from './labels';
import { NEW_CAMPAIGN_SHORTCUT } from './shortcuts/planner-shortcuts';
import { ShortcutTooltip } from './shortcuts/ShortcutTooltip';
import { WhipBar } from './targets/WhipBar';
import { useFormatters } from '@renderer/lib/use-formatters';

type StatusFilter = CampaignStatus | 'all';
const ORDER: Record<CampaignStatus, number> = {
  active: 0,
  planning: 1,
  paused: 2,
  won: 3,
  lost: 4,
  archived: 5,
};

/** All campaigns with their status, dates and progress; filter by status. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>('all');
  const day = today();
  const campaigns = useStoreQuery(['campaigns', 'targets'], (core) => {
    const index = plannerIndexOf(core.store);
    return core.campaigns
      .all()
      .map((campaign) => ({
        campaign,
        progress: campaignProgress(campaign, index.targetsOf(campaign.id), day),
      }))
      .sort(
        (a, b) =>
          ORDER[a.campaign.status] - ORDER[b.campaign.status] ||
          a.campaign.name.localeCompare(b.campaign.name),
      );
  });
  const shown = useMemo(
    () =>
      status === 'all' ? campaigns : campaigns.filter((entry) => entry.campaign.status === status),
    [campaigns, status],
  );

  return (
    <Container size="lg" px={0}>
      <Group justify="space-between" align="flex-start">
        <PageHeader
          title={t('pages.campaigns.title')}
          description={t('pages.campaigns.description')}
        />
        <ShortcutTooltip
          label={t('planner.shortcuts.newCampaign')}
          keys={shortcutLabel(NEW_CAMPAIGN_SHORTCUT)}
        >
          <Button
            component={Link}
            to="/campaigns/new"
            leftSection={<IconPlus size={16} aria-hidden />}
            data-testid="campaign-new"
          >
            {t('planner.list.new')}
          </Button>
        </ShortcutTooltip>
      </Group>
      {campaigns.length === 0 ? (
        <Text c="dimmed" data-testid="campaign-list-empty">
          {t('planner.list.empty')}
        </Text>
      ) : (
        <>
          <SegmentedControl
            mb="md"
            value={status}
            onChange={(value) => setStatus(value as StatusFilter)}
            aria-label={t('planner.list.statusFilter')}
            data-testid="campaign-status-filter"
            data={[
              { value: 'all', label: t('planner.list.allStatuses') },
              ...CAMPAIGN_STATUSES.map((value) => ({
                value,
                label: t(`planner.campaignStatuses.${value}`),
              })),
            ]}
          />
          {shown.length === 0 ? (
            <Text c="dimmed">{t('planner.list.noMatch')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="campaign-list">
              {shown.map(({ campaign, progress }) => (
                <CampaignCard key={campaign.id} campaign={campaign} progress={progress} />
              ))}
            </SimpleGrid>
          )}
        </>
      )}
    </Container>
  );
}

function CampaignCard({ campaign, progress }: { campaign: Campaign; progress: CampaignProgress }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const dates =
    campaign.startDate && campaign.endDate
      ? `${format.day(campaign.startDate)} – ${format.day(campaign.endDate)}`
      : campaign.startDate
        ? t('planner.list.from', { date: format.day(campaign.startDate) })
        : campaign.endDate
          ? t('planner.list.until', { date: format.day(campaign.endDate) })
          : t('planner.list.noDates');
  return (
    <Paper withBorder radius="lg" p="md" data-testid="campaign-card" data-campaign-id={campaign.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" lang={campaign.language} dir="auto" style={{ minWidth: 0 }}>
            <Text
              component={Link}
              to={`/campaigns/${campaign.id}`}
              inherit
              c="inherit"
              td="none"
              data-testid="campaign-link"
            >
              {campaign.name}
            </Text>
          </Title>
          <Badge color={STATUS_COLORS[campaign.status]} variant="light" style={{ flexShrink: 0 }}>
            {t(`planner.campaignStatuses.${campaign.status}`)}
          </Badge>
        </Group>
        <Group gap={6} c="dimmed">
          <IconCalendar size={16} aria-hidden />
          <Text size="sm">{dates}</Text>
        </Group>
        <WhipBar whip={progress.whip} size="md" />
        <Group gap="md" wrap="wrap">
          <Text size="sm">
            {t('planner.list.supportive', {
              supportive: format.number(progress.whip.supportive),
              total: format.number(progress.whip.total),
            })}
          </Text>
          <Text size="sm">
            {t('planner.list.milestones', {
              done: format.number(progress.milestonesDone),
              total: format.number(progress.milestonesTotal),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('planner.list.language', { language: format.languageName(campaign.language) })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
