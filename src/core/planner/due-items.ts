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
  interactions: Iterable<Interaction>;
  today: Day;
  /** Items due up to this many days after today are listed; overdue ones always. Default 7. */
  horizonDays?: number;
}

const KIND_ORDER: Record<DueKind, number> = { 'follow-up': 0, task: 1, milestone: 2 };

export interface DueCounts {
  overdue: number;
  today: number;
  /** Due after today, within the horizon. */
  upcoming: number;
  total: number;
}

export interface DueSummary {
  /** The first `limit` items in the order of `dueItems`. */
  items: DueItem[];
  /** Every due item counted, including those past the limit. */
  counts: DueCounts;
}

type Candidate = Omit<DueItem, 'overdue' | 'dueToday'>;

type SortKey = Pick<Candidate, 'due' | 'kind' | 'id'>;

const compareCandidates = (a: SortKey, b: SortKey) =>
  (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What needs doing by `today + horizonDays`: open follow-ups, open tasks and milestones not
 * done, overdue ones first, then by date. Items without a date (tasks and milestones may have
 * none) are never due, so they are left out; so is everything in an archived campaign.
 */
export function dueItems(input: DueItemsInput): DueItem[] {
  return dueSummary(input).items;
}

/**
 * `dueItems` counted, keeping only the first `limit` items: with tens of thousands of open
 * follow-ups, only the few shown are built and ordered.
 */
export function dueSummary(input: DueItemsInput & { limit?: number }): DueSummary {
  const { today } = input;
  const last = addDays(today, input.horizonDays ?? 7);
  const limit = Math.max(0, input.limit ?? Infinity);
  const counts: DueCounts = { overdue: 0, today: 0, upcoming: 0, total: 0 };
  const kept: Candidate[] = [];
  const add = (candidate: Candidate) => {
    if (limit === Infinity) kept.push(candidate);
    else keep(candidate);
  };
  const keep = (candidate: Candidate) => {
    let at = kept.length;
    while (at > 0 && compareCandidates(kept[at - 1] as Candidate, candidate) > 0) at -= 1;
    kept.splice(at, 0, candidate);
    if (kept.length > limit) kept.pop();
  };
  /** Counts an item due on `due`; true if it is due at all and may be among those kept. */
  const counted = (due: Day, kind: DueKind, id: string): boolean => {
    if (due > last) return false;
    counts.total += 1;
    if (due < today) counts.overdue += 1;
    else if (due === today) counts.today += 1;
    else counts.upcoming += 1;
    if (limit === 0) return false;
    if (limit === Infinity || kept.length < limit) return true;
    // Most of tens of thousands of follow-ups fall after the last kept item: no object for them.
    const worst = kept[kept.length - 1] as Candidate;
    return compareCandidates({ due, kind, id }, worst) < 0;
  };
  const archived = new Set<string>();
  for (const campaign of input.campaigns) {
    if (campaign.status === 'archived') {
      archived.add(campaign.id);
      continue;
    }
    for (const task of campaign.tasks) {
      if (!task.dueDate || task.status === 'done' || task.status === 'cancelled') continue;
      if (!counted(task.dueDate, 'task', task.id)) continue;
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
      if (!counted(milestone.dueDate, 'milestone', milestone.id)) continue;
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
    if (!counted(due, 'follow-up', interaction.id)) continue;
    add({
      kind: 'follow-up',
      id: interaction.id,
      campaignId: interaction.campaignId,
      contactId: interaction.contactId,
      due,
    });
  }
  if (limit === Infinity) kept.sort(compareCandidates);
  return {
    items: kept.map((item) => ({
      ...item,
      overdue: item.due < today,
      dueToday: item.due === today,
    })),
    counts,
  };
}
