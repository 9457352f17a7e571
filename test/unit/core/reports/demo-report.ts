/* eslint-disable @typescript-eslint/no-non-null-assertion -- the demo workspace has one campaign in each language */
/** The demo workspace's campaigns as report input, at a fixed date. */
import { afterAll, beforeAll } from 'vitest';
import { loadDemoWorkspace, type CampaignReportInput, type DataCore } from '@core/index';
import { freshDataCore } from '../../../helpers/fresh-data-core';

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

/** Call once in a test file: the demo workspace, loaded before the file's tests, closed after. */
export function demoWorkspace() {
  const demo = {
    core: undefined as unknown as DataCore,
    inputFor: (language: 'en' | 'ar', extra: Partial<CampaignReportInput> = {}) =>
      reportInput(demo.core, language, extra),
  };
  beforeAll(async () => {
    demo.core = (await freshDataCore()).core;
    await loadDemoWorkspace(demo.core, { now: NOW });
  });
  afterAll(() => demo.core.close());
  return demo;
}
