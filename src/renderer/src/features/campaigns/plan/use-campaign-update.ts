import { useTranslation } from 'react-i18next';
import type { CampaignInput } from '@core/domain/campaign';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useAction } from '@renderer/lib/use-action';

/**
 * Saves a patch of one campaign; remembers the last failure as a message to show. Nothing
 * is changed on screen until the store committed it.
 */
export function useCampaignUpdate(campaignId: string) {
  const { t } = useTranslation();
  const core = useDataCore();
  const { run, outcome } = useAction();
  const update = async (patch: Partial<CampaignInput>): Promise<boolean> => {
    const saved = await run(() => core.campaigns.update(campaignId, patch), {
      failed: (reason) => t('planner.plan.itemFailed', { reason }),
    });
    return saved.ok;
  };
  return { update, failure: outcome?.message ?? null };
}
