/**
 * The shape of the demo content: plain data that names records by short keys (e.g.
 * 'en.council.ortiz') instead of ids, and dates by day offsets from `now`. The loader turns
 * keys into the ids the repositories assign and offsets into dates.
 */
import type { CampaignInput, TASK_STATUSES } from '../domain/campaign';
import type { ContactInput } from '../domain/contact';
import type { DIRECTIONS, INTERACTION_KINDS } from '../domain/interaction';
import type { OrganizationInput } from '../domain/organization';
import type { Stance } from '../domain/target';

export interface DemoOrganization {
  key: string;
  organization: OrganizationInput;
}

export interface DemoPerson {
  key: string;
  /** Key of a DemoOrganization. */
  organization?: string;
  contact: Omit<ContactInput, 'organizationId'>;
}

export interface DemoMilestone {
  title: string;
  dueInDays?: number;
  done?: boolean;
}

export interface DemoTask {
  title: string;
  /** Negative: the due date has passed. */
  dueInDays?: number;
  status?: (typeof TASK_STATUSES)[number];
  /** Key of a DemoPerson. */
  owner?: string;
  notes?: string;
}

export interface DemoStanceChange {
  daysAgo: number;
  from: Stance;
  to: Stance;
  by?: string;
  note?: string;
}

export interface DemoTarget {
  /** Key of a DemoPerson. */
  contact: string;
  stance: Stance;
  priority: number;
  /** Oldest first; the last change ends at `stance`. */
  history?: DemoStanceChange[];
  notes?: string;
}

export interface DemoInteraction {
  /** Key of a DemoPerson. */
  contact: string;
  kind: (typeof INTERACTION_KINDS)[number];
  direction?: (typeof DIRECTIONS)[number];
  daysAgo: number;
  /** Local time of day, [hour, minute]. */
  at?: readonly [number, number];
  outcome?: string;
  notes?: string;
  /** Days from `now`: 0 is due today, negative is overdue. */
  followUpInDays?: number;
  followUpDone?: boolean;
  /** Recorded on the contact only, not on the campaign. */
  withoutCampaign?: boolean;
}

export interface DemoCampaign {
  key: string;
  campaign: Omit<CampaignInput, 'milestones' | 'tasks' | 'startDate' | 'endDate'>;
  startInDays: number;
  endInDays: number;
  milestones: DemoMilestone[];
  tasks: DemoTask[];
  targets: DemoTarget[];
  interactions: DemoInteraction[];
}
