import { useMemo } from 'react';
import { dashboardData, type DashboardData } from '@core/planner';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreVersion } from '@renderer/app/data/use-store-query';
import type { PlannerClockValue } from './use-planner-clock';

/** How many due items the Dashboard lists; the rest are counted. */
export const DUE_SHOWN = 12;

const DASHBOARD_TABLES = ['campaigns', 'targets', 'interactions', 'contacts'] as const;

/** Active campaigns, what is due and recent outreach; recomputed when those records change. */
export function useDashboardData(clock: PlannerClockValue): DashboardData {
  const core = useDataCore();
  const version = useStoreVersion(DASHBOARD_TABLES);
  return useMemo(
    () =>
      dashboardData(core, {
        ...clock,
        weeks: 8,
        campaignLimit: 6,
        recentLimit: 8,
        dueLimit: DUE_SHOWN,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
    [core, version, clock.today, clock.timeZone, clock.weekStartsOn],
  );
}
