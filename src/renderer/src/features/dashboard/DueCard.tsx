import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactName } from '@core/domain/contact';
import type { DueItem } from '@core/planner';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { DueDate } from '@renderer/features/campaigns/plan/DueBadge';
import { formatNumber } from '@renderer/lib/format-number';
import { useAction } from '@renderer/lib/use-action';
import { Notice } from '@renderer/ui/Notice';

type DueGroup = 'overdue' | 'today' | 'upcoming';
const groupOf = (item: DueItem): DueGroup =>
  item.overdue ? 'overdue' : item.dueToday ? 'today' : 'upcoming';

/**
 * What is due across campaigns: overdue first, then today, then the next 7 days. Follow-ups
 * link to the contact and can be marked done here; tasks and milestones link to their plan.
 */
export function DueCard({
  items,
  total,
  today,
}: {
  /** The first items due, already cut to what the card shows. */
  items: readonly DueItem[];
  /** How many items are due in all. */
  total: number;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const { run, outcome } = useAction();
  const nameOf = (item: DueItem) => {
    const contact = item.contactId ? core.contacts.get(item.contactId) : undefined;
    return contact ? contactName(contact) : t('planner.due.unknownContact');
  };
  const campaignName = (item: DueItem) =>
    item.campaignId ? core.campaigns.get(item.campaignId)?.name : undefined;

  const markDone = (item: DueItem) => {
    const name = nameOf(item);
    void run(() => core.interactions.update(item.id, { followUpDone: true }), {
      done: t('planner.due.markedDone', { name }),
      failed: (reason) => t('planner.due.markFailed', { reason }),
    });
  };

  return (
    <Paper withBorder radius="lg" p="lg" data-testid="dashboard-due">
      <Title order={2} size="h4" mb={4}>
        {t('planner.due.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('planner.due.intro')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="dashboard-due-empty">
          {t('planner.due.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          {(['overdue', 'today', 'upcoming'] as const).map((group) => {
            const inGroup = items.filter((item) => groupOf(item) === group);
            if (inGroup.length === 0) return null;
            return (
              <div key={group}>
                <Text
                  size="xs"
                  fw={700}
                  tt="uppercase"
                  c={group === 'overdue' ? 'red' : 'dimmed'}
                  mb={6}
                >
                  {t(`planner.due.${group}`)}
                </Text>
                <Stack gap={8}>
                  {inGroup.map((item) => (
                    <Group
                      key={`${item.kind}:${item.id}`}
                      justify="space-between"
                      wrap="nowrap"
                      align="flex-start"
                      data-testid="dashboard-due-item"
                      data-kind={item.kind}
                      data-overdue={item.overdue}
                      data-due-today={item.dueToday}
                    >
                      <div style={{ minWidth: 0 }}>
                        {item.kind === 'follow-up' && item.contactId ? (
                          <Anchor
                            component={Link}
                            to={`/contacts/${item.contactId}`}
                            size="sm"
                            dir="auto"
                          >
                            {t('planner.due.followUp', { name: nameOf(item) })}
                          </Anchor>
                        ) : (
                          <Anchor
                            component={Link}
                            to={
                              item.campaignId ? `/campaigns/${item.campaignId}/plan` : '/campaigns'
                            }
                            size="sm"
                            dir="auto"
                          >
                            {t(
                              item.kind === 'task' ? 'planner.due.task' : 'planner.due.milestone',
                              {
                                title: item.title ?? '',
                              },
                            )}
                          </Anchor>
                        )}
                        <Group gap="xs" wrap="wrap">
                          <DueDate due={item.due} today={today} />
                          {item.campaignId ? (
                            <Anchor
                              component={Link}
                              to={`/campaigns/${item.campaignId}`}
                              size="xs"
                              c="dimmed"
                              dir="auto"
                            >
                              {campaignName(item)}
                            </Anchor>
                          ) : null}
                        </Group>
                      </div>
                      {item.kind === 'follow-up' ? (
                        <Button
                          size="compact-sm"
                          variant="light"
                          leftSection={<IconCheck size={14} aria-hidden />}
                          aria-label={t('planner.due.markDoneLabel', { name: nameOf(item) })}
                          onClick={() => markDone(item)}
                          data-testid="dashboard-due-done"
                          style={{ flexShrink: 0 }}
                        >
                          {t('planner.due.markDone')}
                        </Button>
                      ) : null}
                    </Group>
                  ))}
                </Stack>
              </div>
            );
          })}
          {total > items.length ? (
            <Text size="sm" c="dimmed" data-testid="dashboard-due-more">
              {t('planner.due.more', { number: formatNumber(total - items.length, i18n.language) })}
            </Text>
          ) : null}
        </Stack>
      )}
      {outcome ? (
        <Notice
          tone={outcome.ok ? 'success' : 'danger'}
          mt="sm"
          data-testid="dashboard-due-outcome"
        >
          {outcome.message}
        </Notice>
      ) : null}
    </Paper>
  );
}
