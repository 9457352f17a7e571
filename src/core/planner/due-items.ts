import type { Campaign } from '../domain/campaign';
import type { Interaction } from '../domain/interaction';
import { addDays, type Day } from './days';

export type DueKind = 'follow-up' | 'task' | 'milestone';

export interface DueItem {
  kind: DueKind;
  /** The interaction's id for a follow-up, the task's or milestone's id otherwise. */
  id: string;
  campaignId?: string;
  /** Only for follow-ups: whom to get back to. */
  contactId?: string;
  /** The task's or milestone's title; follow-ups have none (show the contact instead). */
  title?: string;
  due: Day;
  overdue: boolean;
  dueToday: boolean;
}

export interface DueItemsInput {
  campaigns: readonly Campaign[];
  /** Any interactions: only open follow-ups count (a pre-filtered list is faster). */
  interactions: readonly Interaction[];
  today: Day;
  /** Items due up to this many days after today are listed; overdue ones always. Default 7. */
  horizonDays?: number;
}

const KIND_ORDER: Record<DueKind, number> = { 'follow-up': 0, task: 1, milestone: 2 };

/**
 * What needs doing by `today + horizonDays`: open follow-ups, open tasks and milestones not
 * done, overdue ones first, then by date. Items without a date (tasks and milestones may have
 * none) are never due, so they are left out; so is everything in an archived campaign.
 */
export function dueItems(input: DueItemsInput): DueItem[] {
  const { today } = input;
  const last = addDays(today, input.horizonDays ?? 7);
  const items: DueItem[] = [];
  const add = (item: Omit<DueItem, 'overdue' | 'dueToday'>) => {
    if (item.due > last) return;
    items.push({ ...item, overdue: item.due < today, dueToday: item.due === today });
  };
  const archived = new Set<string>();
  for (const campaign of input.campaigns) {
    if (campaign.status === 'archived') {
      archived.add(campaign.id);
      continue;
    }
    for (const task of campaign.tasks) {
      if (!task.dueDate || task.status === 'done' || task.status === 'cancelled') continue;
      add({
        kind: 'task',
        id: task.id,
        campaignId: campaign.id,
        title: task.title,
        due: task.dueDate,
      });
    }
    for (const milestone of campaign.milestones) {
      if (!milestone.dueDate || milestone.done) continue;
      add({
        kind: 'milestone',
        id: milestone.id,
        campaignId: campaign.id,
        title: milestone.title,
        due: milestone.dueDate,
      });
    }
  }
  for (const interaction of input.interactions) {
    const due = interaction.followUpDate;
    if (!due || interaction.followUpDone) continue;
    if (interaction.campaignId && archived.has(interaction.campaignId)) continue;
    add({
      kind: 'follow-up',
      id: interaction.id,
      campaignId: interaction.campaignId,
      contactId: interaction.contactId,
      due,
    });
  }
  return items.sort(
    (a, b) =>
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
