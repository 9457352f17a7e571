import { useMemo } from 'react';
import { campaignWorkspaceData, type CampaignWorkspaceData } from '@core/planner';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreVersion } from '@renderer/app/data/use-store-query';
import { localTimeZone, today } from '@renderer/lib/local-time';

export const WORKSPACE_TABLES = ['campaigns', 'targets', 'interactions', 'contacts'] as const;

/**
 * Everything a campaign's workspace shows (rows, whip count, progress, what is due), computed
 * once per change of the records it reads, from the planner's kept-current index.
 */
export function useCampaignWorkspace(campaignId: string): CampaignWorkspaceData | undefined {
  const core = useDataCore();
  const version = useStoreVersion(WORKSPACE_TABLES);
  const day = today();
  return useMemo(
    () => campaignWorkspaceData(core, campaignId, { today: day, timeZone: localTimeZone() }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
    [core, version, campaignId, day],
  );
}
