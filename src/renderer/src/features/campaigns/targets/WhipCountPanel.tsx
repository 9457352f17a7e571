import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconTarget } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STANCES } from '@core/domain/target';
import type { WhipCount } from '@core/planner';
import { STANCE_COLORS } from '../labels';
import { useFormatters } from '@renderer/lib/use-formatters';
import { WhipBar } from './WhipBar';

/** Targets grouped by stance with counts and, with a win threshold, how many more are needed. */
export function WhipCountPanel({ whip, threshold }: { whip: WhipCount; threshold?: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      data-testid="whip-count"
      data-supportive={whip.supportive}
      data-total={whip.total}
    >
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h5">
            {t('planner.whip.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('planner.whip.summary', {
              supportive: format.number(whip.supportive),
              opposed: format.number(whip.opposed),
              total: format.number(whip.total),
              count: whip.total,
            })}
          </Text>
        </div>
        {threshold !== undefined && whip.needed !== undefined ? (
          <Stack
            gap={2}
            align="flex-end"
            data-testid="whip-threshold"
            data-needed={whip.needed}
            data-missing={whip.missing}
          >
            <Text size="sm" fw={600}>
              {t('planner.whip.needed', {
                needed: format.number(whip.needed),
                total: format.number(whip.total),
              })}{' '}
              <Text span c="dimmed" size="sm">
                ({format.percent(threshold)})
              </Text>
            </Text>
            {whip.reached ? (
              <Badge color="green" leftSection={<IconCircleCheck size={14} aria-hidden />}>
                {t('planner.whip.reached')}
              </Badge>
            ) : (
              <Badge
                color="orange"
                variant="light"
                leftSection={<IconTarget size={14} aria-hidden />}
              >
                {t('planner.whip.missing', { missing: format.number(whip.missing ?? 0) })}
              </Badge>
            )}
          </Stack>
        ) : (
          <Text size="xs" c="dimmed" maw={300} ta="end">
            {t('planner.targets.whipNoThreshold')}
          </Text>
        )}
      </Group>
      <WhipBar whip={whip} />
      <Group gap="xs" mt="sm">
        {STANCES.map((stance) => (
          <Badge
            key={stance}
            variant={whip.byStance[stance] ? 'light' : 'outline'}
            color={STANCE_COLORS[stance]}
            size="lg"
            data-testid={`whip-${stance}`}
            data-count={whip.byStance[stance]}
          >
            {t('planner.targets.stanceCount', {
              stance: t(`planner.stances.${stance}`),
              n: format.number(whip.byStance[stance]),
            })}
          </Badge>
        ))}
      </Group>
    </Paper>
  );
}
