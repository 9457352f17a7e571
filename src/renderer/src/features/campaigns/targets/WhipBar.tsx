import { Progress, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STANCES } from '@core/domain/target';
import type { WhipCount } from '@core/planner';
import { STANCE_COLORS } from '../labels';
import { useFormatters } from '@renderer/lib/use-formatters';

/** Targets by stance as one stacked bar, champions first (the start side in RTL too). */
export function WhipBar({
  whip,
  size = 'lg',
}: {
  whip: WhipCount;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (whip.total === 0)
    return <Progress value={0} size={size} aria-label={t('planner.whip.noTargets')} />;
  return (
    <Progress.Root size={size} aria-label={t('planner.whip.byStance')}>
      {STANCES.filter((stance) => whip.byStance[stance] > 0).map((stance) => (
        <Tooltip
          key={stance}
          withArrow
          label={t('planner.targets.stanceCount', {
            stance: t(`planner.stances.${stance}`),
            n: format.number(whip.byStance[stance]),
          })}
        >
          <Progress.Section
            value={(whip.byStance[stance] / whip.total) * 100}
            color={STANCE_COLORS[stance]}
          />
        </Tooltip>
      ))}
    </Progress.Root>
  );
}
