import { Container, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { PlannerDates } from '@renderer/features/outreach/PlannerDates';
import { PageHeader } from '@renderer/ui/PageHeader';
import { CampaignForm } from './plan/CampaignForm';

export function NewCampaignPage() {
  const { t } = useTranslation();
  const core = useDataCore();
  const navigate = useNavigate();
  return (
    <Container size="md" px={0}>
      <PageHeader title={t('planner.list.newTitle')} description={t('planner.list.newIntro')} />
      <Paper withBorder radius="lg" p="lg">
        <PlannerDates>
          <CampaignForm
            submitLabel={t('planner.list.create')}
            failedMessage={(reason) => t('planner.list.createFailed', { reason })}
            onSave={async (fields) => {
              const campaign = await core.campaigns.create(fields);
              // The new campaign from its top, with a word that it was created.
              void navigate(`/campaigns/${campaign.id}/plan`, {
                replace: true,
                state: { created: true },
              });
            }}
          />
        </PlannerDates>
      </Paper>
    </Container>
  );
}
