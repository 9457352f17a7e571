import {
  ActionIcon,
  Badge,
  Group,
  Popover,
  Stack,
  Text,
  Tooltip,
  useDirection,
} from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Target } from '@core/domain/target';
import { STANCE_COLORS } from '../labels';
import { useFormatters } from '@renderer/lib/use-formatters';

/** Every stance change of one target, newest first, in a popover. */
export function StanceHistory({ target, name }: { target: Target; name: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { dir } = useDirection();
  const changes = [...target.stanceHistory].reverse();
  return (
    <Popover width={340} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Tooltip label={t('planner.targets.history')} withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`${t('planner.targets.history')}: ${name}`}
            data-testid="stance-history-button"
            data-count={changes.length}
          >
            <IconHistory size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown data-testid="stance-history">
        <Text fw={600} size="sm" mb="xs">
          {t('planner.targets.history')} · <span dir="auto">{name}</span>
        </Text>
        {changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planner.targets.historyEmpty')}
          </Text>
        ) : (
          <Stack gap="xs">
            {changes.map((change) => (
              <div
                key={change.at + change.to}
                data-testid="stance-history-entry"
                data-from={change.from}
                data-to={change.to}
              >
                <Group gap={6} wrap="nowrap">
                  <Badge size="sm" variant="light" color={STANCE_COLORS[change.from]}>
                    {t(`planner.stances.${change.from}`)}
                  </Badge>
                  <Text size="sm" aria-hidden>
                    {dir === 'rtl' ? '←' : '→'}
                  </Text>
                  <Badge size="sm" variant="filled" color={STANCE_COLORS[change.to]}>
                    {t(`planner.stances.${change.to}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {format.instant(change.at)}
                  {change.by ? ` · ${t('planner.targets.historyBy', { by: change.by })}` : ''}
                </Text>
                {change.note ? (
                  <Text size="xs" dir="auto">
                    {change.note}
                  </Text>
                ) : null}
              </div>
            ))}
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
