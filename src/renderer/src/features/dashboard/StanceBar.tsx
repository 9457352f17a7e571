import { Group, Progress, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STANCES } from '@core/domain/target';
import type { WhipCount } from '@core/planner';
import { STANCE_COLORS } from '@renderer/features/campaigns/labels';
import { formatNumber } from '@renderer/lib/format-number';

/**
 * Targets by stance as one stacked bar (champions first, at the inline start: right in
 * Arabic), with a legend that carries the numbers, so colour is never the only sign.
 */
export function StanceBar({ whip }: { whip: WhipCount }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  if (whip.total === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('planner.whip.noTargets')}
      </Text>
    );
  }
  const present = STANCES.filter((stance) => whip.byStance[stance] > 0);
  return (
    <div data-testid="stance-bar">
      <Progress.Root size={14} aria-label={t('planner.whip.byStance')}>
        {present.map((stance) => (
          <Tooltip
            key={stance}
            label={`${t(`planner.stances.${stance}`)}: ${n(whip.byStance[stance])}`}
          >
            <Progress.Section
              value={(whip.byStance[stance] / whip.total) * 100}
              color={STANCE_COLORS[stance]}
              data-stance={stance}
              data-count={whip.byStance[stance]}
            />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="sm" mt={6} wrap="wrap">
        {present.map((stance) => (
          <Group key={stance} gap={4} wrap="nowrap">
            <span
              aria-hidden
              style={{
                width: 10,
                height: 10,
                borderRadius: 3,
                background: `var(--mantine-color-${STANCE_COLORS[stance]}-filled)`,
              }}
            />
            <Text size="xs">
              {t(`planner.stances.${stance}`)} {n(whip.byStance[stance])}
            </Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
