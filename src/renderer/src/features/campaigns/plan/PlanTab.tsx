import { Grid, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '@core/domain/campaign';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { CampaignForm } from './CampaignForm';
import { DeleteCampaignSection } from './DeleteCampaignSection';
import { MilestoneTimeline } from './MilestoneTimeline';
import { TasksTable } from './TasksTable';

/** The campaign's plan: every field, milestones on a timeline, tasks, and deletion. */
export function PlanTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const core = useDataCore();
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder radius="lg" p="lg">
            <Title order={2} size="h4" mb="md">
              {t('planner.plan.details')}
            </Title>
            <CampaignForm
              key={campaign.id}
              campaign={campaign}
              submitLabel={t('planner.plan.save')}
              savedMessage={t('planner.plan.saved')}
              failedMessage={(reason) => t('planner.plan.saveFailed', { reason })}
              onSave={async (fields) => {
                await core.campaigns.update(campaign.id, fields);
              }}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <MilestoneTimeline campaign={campaign} />
        </Grid.Col>
      </Grid>
      <TasksTable campaign={campaign} />
      <DeleteCampaignSection campaign={campaign} />
    </Stack>
  );
}
