/**
 * The campaigns a coalition card lists: those this workspace shares with the coalition and those
 * it received from it (as the replica last reported them), each once, by name. A campaign the
 * workspace shares is not also "received" (its own revisions come back through the replica),
 * and one no longer in the workspace is left out.
 */
import type { Coalition } from '@core/domain/coalition';

export interface NamedCampaign {
  id: string;
  name: string;
}

export function coalitionCampaigns(
  coalition: Pick<Coalition, 'sharedCampaigns' | 'status'>,
  campaignOf: (id: string) => { name: string } | undefined,
  compare: (a: string, b: string) => number,
): { shared: NamedCampaign[]; received: NamedCampaign[] } {
  const named = (ids: Iterable<string>) =>
    [...ids]
      .flatMap((id) => {
        const campaign = campaignOf(id);
        return campaign ? [{ id, name: campaign.name }] : [];
      })
      .sort((a, b) => compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shared = new Set(coalition.sharedCampaigns.map((s) => s.campaignId));
  const received = new Set(coalition.status.receivedCampaigns.filter((id) => !shared.has(id)));
  return { shared: named(shared), received: named(received) };
}
