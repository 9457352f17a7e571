import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Edit and remove buttons of a milestone or a task. */
export function ItemActions({ onEdit, onRemove }: { onEdit(): void; onRemove(): void }) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={t('planner.plan.edit')} withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={onEdit}
          aria-label={t('planner.plan.edit')}
        >
          <IconPencil size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('planner.plan.remove')} withArrow>
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={onRemove}
          aria-label={t('planner.plan.remove')}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
