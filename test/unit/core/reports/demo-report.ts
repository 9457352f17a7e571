/* eslint-disable @typescript-eslint/no-non-null-assertion -- the demo workspace has one campaign in each language */
/** The demo workspace's campaigns as report input, at a fixed date. */
import type { CampaignReportInput, DataCore } from '@core/index';

export const NOW = new Date('2026-11-30T10:00:00Z');

export function reportInput(
  core: DataCore,
  language: 'en' | 'ar',
  extra: Partial<CampaignReportInput> = {},
): CampaignReportInput {
  const campaign = core.campaigns.all().find((c) => c.language === language)!;
  return {
    campaign,
    targets: core.targets.forCampaign(campaign.id),
    contacts: core.contacts.all(),
    interactions: core.interactions.forCampaign(campaign.id),
    settings: core.settings.get(),
    language,
    today: '2026-11-30',
    timeZone: 'Asia/Beirut',
    ...extra,
  };
}
