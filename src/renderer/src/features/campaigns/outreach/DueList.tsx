import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactName } from '@core/domain/contact';
import type { DueItem } from '@core/planner';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useAction } from '@renderer/lib/use-action';
import { Notice } from '@renderer/ui/Notice';
import { DueDate } from '../plan/DueBadge';

/** What is due in this campaign: follow-ups (mark done here), tasks and milestones. */
export function DueList({
  campaignId,
  items,
  today,
}: {
  campaignId: string;
  items: readonly DueItem[];
  today: string;
}) {
  const { t } = useTranslation();
  const core = useDataCore();
  const marking = useAction();

  const nameOf = (item: DueItem) => {
    const contact = item.contactId ? core.contacts.get(item.contactId) : undefined;
    return contact ? contactName(contact) : t('planner.due.unknownContact');
  };
  const label = (item: DueItem) => {
    if (item.kind === 'follow-up') return t('planner.due.followUp', { name: nameOf(item) });
    return item.kind === 'task'
      ? t('planner.due.task', { title: item.title ?? '' })
      : t('planner.due.milestone', { title: item.title ?? '' });
  };

  return (
    <Paper withBorder radius="lg" p="md" data-testid="campaign-due">
      <Title order={2} size="h5" mb="sm">
        {t('planner.outreach.dueTitle')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planner.outreach.dueEmpty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((item) => (
            <Group
              key={`${item.kind}:${item.id}`}
              justify="space-between"
              wrap="nowrap"
              data-testid="campaign-due-item"
              data-kind={item.kind}
              data-overdue={item.overdue}
            >
              <div style={{ minWidth: 0 }}>
                {item.kind === 'follow-up' ? (
                  <Text size="sm" dir="auto">
                    {label(item)}
                  </Text>
                ) : (
                  <Anchor
                    component={Link}
                    to={`/campaigns/${campaignId}/plan`}
                    size="sm"
                    dir="auto"
                  >
                    {label(item)}
                  </Anchor>
                )}
                <DueDate due={item.due} today={today} />
              </div>
              {item.kind === 'follow-up' ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconCheck size={14} aria-hidden />}
                  aria-label={t('planner.due.markDoneLabel', { name: nameOf(item) })}
                  onClick={() =>
                    void marking.run(
                      () => core.interactions.update(item.id, { followUpDone: true }),
                      { failed: (reason) => t('planner.due.markFailed', { reason }) },
                    )
                  }
                  data-testid="campaign-due-done"
                >
                  {t('planner.due.markDone')}
                </Button>
              ) : (
                <Badge variant="outline" size="sm" style={{ flexShrink: 0 }}>
                  {item.kind === 'task'
                    ? t('planner.plan.tasksTitle')
                    : t('planner.plan.milestonesTitle')}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {marking.outcome ? (
        <Notice tone="danger" mt="sm">
          {marking.outcome.message}
        </Notice>
      ) : null}
    </Paper>
  );
}
