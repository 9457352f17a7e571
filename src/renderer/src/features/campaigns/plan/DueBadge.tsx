import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@renderer/lib/use-formatters';

/**
 * A due date, marked when it is overdue (red, warning icon, the word) or due today (orange,
 * clock, the word): colour is never the only sign. In a narrow column the mark goes under the
 * date rather than being cut.
 */
export function DueDate({
  due,
  today,
  open = true,
}: {
  due?: string;
  today: string;
  open?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!due) {
    return (
      <Text size="sm" c="dimmed">
        {t('planner.plan.noDate')}
      </Text>
    );
  }
  const overdue = open && due < today;
  const dueToday = open && due === today;
  return (
    <Group gap={6} wrap="wrap" style={{ rowGap: 2 }} data-overdue={overdue || undefined}>
      <Text
        size="sm"
        c={overdue ? 'red' : undefined}
        fw={overdue ? 600 : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {format.day(due)}
      </Text>
      {overdue ? (
        <Badge
          color="red"
          variant="light"
          size="sm"
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
          data-testid="overdue-badge"
          style={{ flexShrink: 0 }}
        >
          {t('planner.plan.overdue')}
        </Badge>
      ) : dueToday ? (
        <Badge
          color="orange"
          variant="light"
          size="sm"
          leftSection={<IconClock size={12} aria-hidden />}
          style={{ flexShrink: 0 }}
        >
          {t('planner.plan.dueToday')}
        </Badge>
      ) : null}
    </Group>
  );
}
