import {
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Stack,
  Tabs,
  Text,
  Title,
  useDirection,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconListCheck,
  IconMail,
  IconMessages,
  IconPhonePlus,
  IconShare,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { ShareCampaignDialog } from '@renderer/features/coalitions/ShareCampaignDialog';
import { LogInteractionDialog } from '@renderer/features/outreach/LogInteractionDialog';
import { PlannerDates } from '@renderer/features/outreach/PlannerDates';
import { Notice } from '@renderer/ui/Notice';
import { STATUS_COLORS } from './labels';
import { CampaignLettersTab } from './letters/CampaignLettersTab';
import { OutreachTab } from './outreach/OutreachTab';
import { PlanTab } from './plan/PlanTab';
import { ADD_TARGET_KEY, isBareKey, LOG_KEY } from './shortcuts/planner-shortcuts';
import { ShortcutTooltip } from './shortcuts/ShortcutTooltip';
import { TargetsTab } from './targets/TargetsTab';
import { useCampaignWorkspace } from './use-campaign-workspace';
import { useFormatters } from '@renderer/lib/use-formatters';

export const WORKSPACE_TABS = ['plan', 'targets', 'outreach', 'letters'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

const isTab = (value: string | undefined): value is WorkspaceTab =>
  (WORKSPACE_TABS as readonly (string | undefined)[]).includes(value);

/** One campaign: Plan, Targets, Outreach and Letters tabs, each with its own address. */
export function CampaignWorkspace() {
  const { campaignId = '', tab } = useParams();
  if (tab !== undefined && !isTab(tab)) return <Navigate to={`/campaigns/${campaignId}`} replace />;
  return <Workspace key={campaignId} campaignId={campaignId} tab={tab ?? 'plan'} />;
}

function Workspace({ campaignId, tab }: { campaignId: string; tab: WorkspaceTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const { dir } = useDirection();
  const data = useCampaignWorkspace(campaignId);
  const [addingTargets, setAddingTargets] = useState(false);
  const [logFor, setLogFor] = useState<{ contactId?: string } | null>(null);
  const [sharing, setSharing] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isBareKey(event)) return;
      if (event.code === ADD_TARGET_KEY.code) {
        event.preventDefault();
        void navigate(`/campaigns/${campaignId}/targets`);
        setAddingTargets(true);
      } else if (event.code === LOG_KEY.code) {
        event.preventDefault();
        setLogFor({});
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [campaignId, navigate]);

  if (!data) {
    return (
      <Container size="lg" px={0}>
        <Notice tone="warning" data-testid="campaign-not-found">
          {t('planner.list.notFound')}
        </Notice>
        <Anchor component={Link} to="/campaigns" mt="md" display="inline-block">
          {t('planner.list.back')}
        </Anchor>
      </Container>
    );
  }
  const { campaign } = data;

  return (
    <Container size="xl" px={0}>
      <CreatedNotice name={campaign.name} />
      <PlannerDates>
        <Stack gap={4} mb="md">
          <Anchor component={Link} to="/campaigns" size="sm" data-testid="campaign-back">
            <Group gap={4} component="span">
              {dir === 'rtl' ? (
                <IconArrowRight size={14} aria-hidden />
              ) : (
                <IconArrowLeft size={14} aria-hidden />
              )}
              {t('planner.list.back')}
            </Group>
          </Anchor>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap="sm" align="center" style={{ minWidth: 0 }}>
              <Title
                order={1}
                size="h2"
                data-testid="page-title"
                lang={campaign.language}
                dir="auto"
              >
                {campaign.name}
              </Title>
              <Badge
                color={STATUS_COLORS[campaign.status]}
                variant="light"
                data-testid="campaign-status-badge"
              >
                {t(`planner.campaignStatuses.${campaign.status}`)}
              </Badge>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Button
                variant="default"
                leftSection={<IconShare size={16} aria-hidden />}
                onClick={() => setSharing(true)}
                data-testid="workspace-share"
              >
                {t('coalitions.share.button')}
              </Button>
              <ShortcutTooltip label={t('planner.shortcuts.logInteraction')} keys={LOG_KEY.label}>
                <Button
                  variant="light"
                  leftSection={<IconPhonePlus size={16} aria-hidden />}
                  onClick={() => setLogFor({})}
                  data-testid="workspace-log"
                >
                  {t('planner.outreach.log')}
                </Button>
              </ShortcutTooltip>
            </Group>
          </Group>
          {campaign.policy?.identifier || campaign.policy?.title ? (
            <Text c="dimmed" size="sm" dir="auto">
              {[campaign.policy.identifier, campaign.policy.title].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
        </Stack>
        <Tabs
          value={tab}
          onChange={(next) => next && void navigate(`/campaigns/${campaignId}/${next}`)}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab
              value="plan"
              leftSection={<IconListCheck size={16} aria-hidden />}
              data-testid="tab-plan"
            >
              {t('planner.plan.tab')}
            </Tabs.Tab>
            <Tabs.Tab
              value="targets"
              leftSection={<IconUsersGroup size={16} aria-hidden />}
              rightSection={
                <Badge size="xs" variant="light">
                  {format.number(data.rows.length)}
                </Badge>
              }
              data-testid="tab-targets"
            >
              {t('planner.targets.tab')}
            </Tabs.Tab>
            <Tabs.Tab
              value="outreach"
              leftSection={<IconMessages size={16} aria-hidden />}
              rightSection={
                data.due.length ? (
                  <Badge
                    size="xs"
                    variant="light"
                    color={data.due.some((item) => item.overdue) ? 'red' : 'blue'}
                  >
                    {format.number(data.due.length)}
                  </Badge>
                ) : undefined
              }
              data-testid="tab-outreach"
            >
              {t('planner.outreach.tab')}
            </Tabs.Tab>
            <Tabs.Tab
              value="letters"
              leftSection={<IconMail size={16} aria-hidden />}
              data-testid="tab-letters"
            >
              {t('planner.letters.tab')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="plan">
            <PlanTab campaign={campaign} />
          </Tabs.Panel>
          <Tabs.Panel value="targets">
            <TargetsTab
              data={data}
              adding={addingTargets}
              onAddingChange={setAddingTargets}
              onLog={(contactId) => setLogFor({ contactId })}
            />
          </Tabs.Panel>
          <Tabs.Panel value="outreach">
            <OutreachTab data={data} onLog={(contactId) => setLogFor({ contactId })} />
          </Tabs.Panel>
          <Tabs.Panel value="letters">
            <CampaignLettersTab campaignId={campaignId} />
          </Tabs.Panel>
        </Tabs>
      </PlannerDates>
      <LogInteractionDialog
        opened={logFor !== null}
        onClose={() => setLogFor(null)}
        campaignId={campaignId}
        contactId={logFor?.contactId}
      />
      <ShareCampaignDialog
        campaignId={campaignId}
        campaignName={campaign.name}
        opened={sharing}
        onClose={() => setSharing(false)}
      />
    </Container>
  );
}

/** After "Create campaign": the page from its top, and a word that the campaign exists. */
function CreatedNotice({ name }: { name: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  useEffect(() => {
    if (!created) return;
    document.getElementById('main-content')?.scrollTo({ top: 0 });
    window.scrollTo({ top: 0 });
  }, [created]);
  if (!created) return null;
  return (
    <Notice tone="success" mb="md" data-testid="campaign-created">
      {t('planner.list.created', { name })}
    </Notice>
  );
}
