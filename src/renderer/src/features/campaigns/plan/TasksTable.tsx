import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type Campaign, type Task } from '@core/domain/campaign';
import { contactName } from '@core/domain/contact';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { ContactPicker } from '@renderer/features/outreach/ContactPicker';
import { today } from '@renderer/lib/local-time';
import { PlannerDates } from '@renderer/features/outreach/PlannerDates';
import { Notice } from '@renderer/ui/Notice';
import { DueDate } from './DueBadge';
import { ItemActions } from './ItemActions';
import { useCampaignUpdate } from './use-campaign-update';

type TaskStatus = Task['status'];
const isOpen = (task: Task) => task.status !== 'done' && task.status !== 'cancelled';

/** The campaign's tasks: title, due date (overdue marked), owner, status, notes. */
export function TasksTable({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const core = useDataCore();
  const { update, failure } = useCampaignUpdate(campaign.id);
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const day = today();
  const statuses = TASK_STATUSES.map((value) => ({
    value,
    label: t(`planner.taskStatuses.${value}`),
  }));
  const tasks = [...campaign.tasks].sort(
    (a, b) =>
      Number(isOpen(b)) - Number(isOpen(a)) ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );
  const save = (id: string, patch: Partial<Task> | null) =>
    update({
      tasks: campaign.tasks.flatMap((task) =>
        task.id !== id ? [task] : patch ? [{ ...task, ...patch }] : [],
      ),
    });

  return (
    <Paper withBorder radius="lg" p="lg" data-testid="tasks">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('planner.plan.tasksTitle')}
        </Title>
        <Button
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing('new')}
          data-testid="task-add"
        >
          {t('planner.plan.addTask')}
        </Button>
      </Group>
      {tasks.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('planner.plan.noTasks')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planner.plan.taskTitle')}</Table.Th>
                <Table.Th>{t('planner.plan.taskDue')}</Table.Th>
                <Table.Th>{t('planner.plan.taskOwner')}</Table.Th>
                <Table.Th w={160}>{t('planner.plan.taskStatus')}</Table.Th>
                <Table.Th w={80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.map((task) => {
                const owner = task.ownerContactId
                  ? core.contacts.get(task.ownerContactId)
                  : undefined;
                return (
                  <Table.Tr
                    key={task.id}
                    data-testid="task-row"
                    data-overdue={isOpen(task) && !!task.dueDate && task.dueDate < day}
                  >
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={500}
                        dir="auto"
                        td={task.status === 'cancelled' ? 'line-through' : undefined}
                      >
                        {task.title}
                      </Text>
                      {task.notes ? (
                        <Text size="xs" c="dimmed" dir="auto" lineClamp={2}>
                          {task.notes}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <DueDate due={task.dueDate} today={day} open={isOpen(task)} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={owner ? undefined : 'dimmed'} dir="auto">
                        {owner ? contactName(owner) : t('planner.plan.noOwner')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        data={statuses}
                        value={task.status}
                        allowDeselect={false}
                        aria-label={t('planner.plan.taskStatus')}
                        onChange={(value) =>
                          value && void save(task.id, { status: value as TaskStatus })
                        }
                        data-testid="task-status"
                      />
                    </Table.Td>
                    <Table.Td>
                      <ItemActions
                        onEdit={() => setEditing(task)}
                        onRemove={() => void save(task.id, null)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {failure ? (
        <Notice tone="danger" mt="sm">
          {failure}
        </Notice>
      ) : null}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('planner.plan.addTask') : t('planner.plan.edit')}
        size="lg"
      >
        {editing !== null ? (
          <PlannerDates>
            <TaskForm
              task={editing === 'new' ? undefined : editing}
              onSave={async (fields) => {
                const saved =
                  editing === 'new'
                    ? await update({
                        tasks: [...campaign.tasks, { id: crypto.randomUUID(), ...fields }],
                      })
                    : await save(editing.id, fields);
                if (saved) setEditing(null);
              }}
            />
          </PlannerDates>
        ) : null}
      </Modal>
    </Paper>
  );
}

type TaskFields = Omit<Task, 'id'>;

function TaskForm({ task, onSave }: { task?: Task; onSave(fields: TaskFields): Promise<void> }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(task?.title ?? '');
  const [dueDate, setDueDate] = useState<string | null>(task?.dueDate ?? null);
  const [owner, setOwner] = useState(task?.ownerContactId);
  const [status, setStatus] = useState<TaskStatus>(task?.status ?? 'todo');
  const [notes, setNotes] = useState(task?.notes ?? '');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('planner.plan.required'));
      return;
    }
    await onSave({
      title: title.trim(),
      dueDate: dueDate ?? undefined,
      ownerContactId: owner,
      status,
      notes: notes.trim() || undefined,
    });
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="task-form">
      <Stack gap="sm">
        <TextInput
          label={t('planner.plan.taskTitle')}
          withAsterisk
          value={title}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          dir="auto"
          data-autofocus
          data-testid="task-title"
        />
        <Group grow align="flex-start">
          <DatePickerInput
            label={t('planner.plan.taskDue')}
            value={dueDate}
            onChange={setDueDate}
            clearable
            valueFormat="D MMMM YYYY"
            data-testid="task-due"
          />
          <Select
            label={t('planner.plan.taskStatus')}
            data={TASK_STATUSES.map((value) => ({
              value,
              label: t(`planner.taskStatuses.${value}`),
            }))}
            value={status}
            allowDeselect={false}
            onChange={(value) => value && setStatus(value as TaskStatus)}
          />
        </Group>
        <ContactPicker
          label={t('planner.plan.taskOwner')}
          placeholder={t('planner.plan.ownerPlaceholder')}
          value={owner}
          onChange={setOwner}
          data-testid="task-owner"
        />
        <Textarea
          label={t('planner.plan.taskNotes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          autosize
          minRows={2}
          dir="auto"
        />
        <Group justify="flex-end">
          <Button type="submit" data-testid="task-submit">
            {t('planner.plan.saveItem')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
