import type { Campaign } from '../domain/campaign';
import type { Interaction } from '../domain/interaction';
import { campaignProgress, type CampaignProgress } from './campaign-progress';
import type { Day } from './days';
import { dueItems, dueSummary, type DueCounts, type DueItem } from './due-items';
import { outreachPerWeek, type OutreachWeek } from './outreach-per-week';
import { plannerIndexOf } from './planner-index';
import { targetRows, type PlannerData, type TargetRow } from './target-rows';
import type { WhipCount } from './whip-count';

export interface PlannerClock {
  today: Day;
  timeZone: string;
  weekStartsOn?: 0 | 1 | 6;
  /** Weeks of outreach to chart; default 8. */
  weeks?: number;
}

export interface PlannerCore extends PlannerData {
  campaigns: { get(id: string): Campaign | undefined; all(): Campaign[] };
}

export interface CampaignWorkspaceData {
  campaign: Campaign;
  rows: TargetRow[];
  whip: WhipCount;
  progress: CampaignProgress;
  due: DueItem[];
  outreach: OutreachWeek[];
}

const DEFAULT_WEEKS = 8;

/** Everything a campaign's workspace shows, or undefined if there is no such campaign. */
export function campaignWorkspaceData(
  core: PlannerCore,
  campaignId: string,
  clock: PlannerClock,
): CampaignWorkspaceData | undefined {
  const campaign = core.campaigns.get(campaignId);
  if (!campaign) return undefined;
  const index = plannerIndexOf(core.store);
  const targets = index.targetsOf(campaignId);
  const progress = campaignProgress(campaign, targets, clock.today);
  const interactions = index.interactionsOf(campaignId);
  return {
    campaign,
    rows: targetRows(campaignId, core),
    whip: progress.whip,
    progress,
    due: dueItems({
      campaigns: [campaign],
      interactions: interactions.filter((i) => i.followUpDate && !i.followUpDone),
      today: clock.today,
    }),
    outreach: outreachPerWeek(interactions, {
      weeks: clock.weeks ?? DEFAULT_WEEKS,
      today: clock.today,
      timeZone: clock.timeZone,
      weekStartsOn: clock.weekStartsOn,
    }),
  };
}

export interface DashboardCampaign {
  campaign: Campaign;
  progress: CampaignProgress;
  outreach: OutreachWeek[];
}

export interface DashboardData {
  /** Active campaigns, the nearest end date first; at most `campaignLimit`. */
  campaigns: DashboardCampaign[];
  activeCount: number;
  /** The first `dueLimit` items of what is due. */
  due: DueItem[];
  /** Everything due, counted (the list above may be cut). */
  dueCounts: DueCounts;
  recent: Interaction[];
}

const byEndDate = (a: Campaign, b: Campaign) =>
  (a.endDate ?? '9999') < (b.endDate ?? '9999')
    ? -1
    : (a.endDate ?? '9999') > (b.endDate ?? '9999')
      ? 1
      : a.name.localeCompare(b.name);

/** What the Dashboard shows: active campaigns with progress, what is due, recent outreach. */
export function dashboardData(
  core: PlannerCore,
  clock: PlannerClock & { campaignLimit?: number; recentLimit?: number; dueLimit?: number },
): DashboardData {
  const index = plannerIndexOf(core.store);
  const all = core.campaigns.all();
  const active = all.filter((campaign) => campaign.status === 'active').sort(byEndDate);
  const shown = active.slice(0, clock.campaignLimit ?? 6);
  const due = dueSummary({
    campaigns: all,
    interactions: index.openFollowUps(),
    today: clock.today,
    limit: clock.dueLimit,
  });
  return {
    campaigns: shown.map((campaign) => ({
      campaign,
      progress: campaignProgress(campaign, index.targetsOf(campaign.id), clock.today),
      outreach: outreachPerWeek(index.interactionsOf(campaign.id), {
        weeks: clock.weeks ?? DEFAULT_WEEKS,
        today: clock.today,
        timeZone: clock.timeZone,
        weekStartsOn: clock.weekStartsOn,
      }),
    })),
    activeCount: active.length,
    due: due.items,
    dueCounts: due.counts,
    recent: index.recent(clock.recentLimit ?? 8),
  };
}
