import {
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCheck, IconFlag, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, Milestone } from '@core/domain/campaign';
import { today } from '@renderer/lib/local-time';
import { Notice } from '@renderer/ui/Notice';
import { DueDate } from './DueBadge';
import { ItemActions } from './ItemActions';
import { useCampaignUpdate } from './use-campaign-update';

/** Dated milestones first, in date order; undated ones after, in the order they were added. */
function inOrder(milestones: readonly Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) =>
    a.dueDate && b.dueDate
      ? a.dueDate.localeCompare(b.dueDate)
      : a.dueDate
        ? -1
        : b.dueDate
          ? 1
          : 0,
  );
}

/** The campaign's milestones on a timeline: add, edit, mark done, remove. */
export function MilestoneTimeline({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { update, failure } = useCampaignUpdate(campaign.id);
  const [editing, setEditing] = useState<string | null>(null);
  const day = today();
  const milestones = inOrder(campaign.milestones);
  const lastDone = milestones.reduce(
    (last, milestone, index) => (milestone.done ? index : last),
    -1,
  );

  const replace = (id: string, patch: Partial<Milestone> | null) =>
    update({
      milestones: campaign.milestones.flatMap((milestone) =>
        milestone.id !== id ? [milestone] : patch ? [{ ...milestone, ...patch }] : [],
      ),
    });

  return (
    <Paper withBorder radius="lg" p="lg" data-testid="milestones">
      <Title order={2} size="h4" mb="md">
        {t('planner.plan.milestonesTitle')}
      </Title>
      {milestones.length === 0 ? (
        <Text c="dimmed" size="sm" mb="md">
          {t('planner.plan.noMilestones')}
        </Text>
      ) : (
        <Timeline active={lastDone} bulletSize={24} lineWidth={2} mb="lg">
          {milestones.map((milestone) => (
            <Timeline.Item
              key={milestone.id}
              bullet={
                milestone.done ? (
                  <IconCheck size={14} aria-hidden />
                ) : (
                  <IconFlag size={14} aria-hidden />
                )
              }
              data-testid="milestone"
              data-done={milestone.done}
              title={
                editing === milestone.id ? undefined : (
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text
                      fw={600}
                      size="sm"
                      dir="auto"
                      td={milestone.done ? 'line-through' : undefined}
                    >
                      {milestone.title}
                    </Text>
                    <ItemActions
                      onEdit={() => setEditing(milestone.id)}
                      onRemove={() => void replace(milestone.id, null)}
                    />
                  </Group>
                )
              }
            >
              {editing === milestone.id ? (
                <MilestoneEditor
                  milestone={milestone}
                  onSave={async (patch) => {
                    if (await replace(milestone.id, patch)) setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <Group gap="md" mt={4}>
                  <DueDate due={milestone.dueDate} today={day} open={!milestone.done} />
                  <Checkbox
                    size="xs"
                    label={t('planner.plan.milestoneDone')}
                    checked={milestone.done}
                    onChange={(event) =>
                      void replace(milestone.id, { done: event.currentTarget.checked })
                    }
                    data-testid="milestone-done"
                  />
                </Group>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <MilestoneEditor
        onSave={async (patch) => {
          const milestone: Milestone = { id: crypto.randomUUID(), done: false, ...patch };
          return update({ milestones: [...campaign.milestones, milestone] });
        }}
      />
      {failure ? (
        <Notice tone="danger" mt="sm">
          {failure}
        </Notice>
      ) : null}
    </Paper>
  );
}

function MilestoneEditor({
  milestone,
  onSave,
  onCancel,
}: {
  milestone?: Milestone;
  onSave(patch: { title: string; dueDate?: string }): Promise<unknown>;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(milestone?.title ?? '');
  const [dueDate, setDueDate] = useState<string | null>(milestone?.dueDate ?? null);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('planner.plan.required'));
      return;
    }
    const saved = { title, dueDate };
    await onSave({ title: title.trim(), dueDate: dueDate ?? undefined });
    // What was typed while the save ran is the next milestone: only what was saved is cleared.
    if (!milestone) {
      setTitle((now) => (now === saved.title ? '' : now));
      setDueDate((now) => (now === saved.dueDate ? null : now));
    }
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid={milestone ? 'milestone-editor' : 'milestone-add'}
    >
      <Stack gap="xs">
        <Group align="flex-start" gap="xs" grow>
          <TextInput
            aria-label={t('planner.plan.milestoneTitle')}
            placeholder={t('planner.plan.milestonePlaceholder')}
            value={title}
            onChange={(event) => {
              setTitle(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            dir="auto"
            data-testid="milestone-title"
          />
          <DatePickerInput
            aria-label={t('planner.plan.milestoneDue')}
            placeholder={t('planner.plan.milestoneDue')}
            value={dueDate}
            onChange={setDueDate}
            clearable
            valueFormat="D MMM YYYY"
            data-testid="milestone-date"
          />
        </Group>
        <Group gap="xs">
          <Button
            type="submit"
            size="xs"
            leftSection={milestone ? undefined : <IconPlus size={14} aria-hidden />}
            data-testid="milestone-submit"
          >
            {milestone ? t('planner.plan.saveItem') : t('planner.plan.addMilestone')}
          </Button>
          {onCancel ? (
            <Button size="xs" variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
