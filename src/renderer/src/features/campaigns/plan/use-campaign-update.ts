import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignInput } from '@core/domain/campaign';
import { useDataCore } from '@renderer/app/data/data-core-context';

/**
 * Saves a patch of one campaign; remembers the last failure as a message to show. Nothing
 * is changed on screen until the store committed it.
 */
export function useCampaignUpdate(campaignId: string) {
  const { t } = useTranslation();
  const core = useDataCore();
  const [failure, setFailure] = useState<string | null>(null);
  const update = async (patch: Partial<CampaignInput>): Promise<boolean> => {
    try {
      await core.campaigns.update(campaignId, patch);
      setFailure(null);
      return true;
    } catch (error) {
      setFailure(t('planner.plan.itemFailed', { reason: String(error) }));
      return false;
    }
  };
  return { update, failure };
}
