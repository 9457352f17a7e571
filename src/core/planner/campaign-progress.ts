import type { Campaign } from '../domain/campaign';
import type { Target } from '../domain/target';
import type { Day } from './days';
import { whipCount, type WhipCount } from './whip-count';

export interface CampaignProgress {
  milestonesDone: number;
  milestonesTotal: number;
  /** Tasks still to do or in progress. */
  tasksOpen: number;
  /** Open tasks whose due date is before `today`. */
  tasksOverdue: number;
  whip: WhipCount;
}

/** `targets` are the campaign's own targets. */
export function campaignProgress(
  campaign: Campaign,
  targets: readonly Target[],
  today: Day,
): CampaignProgress {
  let tasksOpen = 0;
  let tasksOverdue = 0;
  for (const task of campaign.tasks) {
    if (task.status === 'done' || task.status === 'cancelled') continue;
    tasksOpen += 1;
    if (task.dueDate && task.dueDate < today) tasksOverdue += 1;
  }
  return {
    milestonesDone: campaign.milestones.filter((milestone) => milestone.done).length,
    milestonesTotal: campaign.milestones.length,
    tasksOpen,
    tasksOverdue,
    whip: whipCount(targets, campaign.winThreshold),
  };
}
