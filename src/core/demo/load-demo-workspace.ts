/**
 * Fills an empty workspace with a demo: two campaigns (English and Arabic) with their
 * contacts, organizations, targets, interactions and templates, dated relative to `now`.
 *
 * All or nothing: every record is built and validated by its repository first, then written in
 * one `RecordStore.commit`, which is one IndexedDB transaction. If anything fails, nothing is
 * stored and memory is unchanged.
 */
import type { Campaign } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { EntityTable } from '../domain/entities';
import type { Interaction } from '../domain/interaction';
import type { Organization } from '../domain/organization';
import type { Target } from '../domain/target';
import type { Template } from '../domain/template';
import type { DataCore } from '../db/data-core';
import type { Change } from '../db/record-store';
import { DEMO_CAMPAIGN_AR } from './demo-campaign-ar';
import { DEMO_CAMPAIGN_EN } from './demo-campaign-en';
import { calendarDay, instantOn } from './demo-dates';
import { DEMO_ORGANIZATIONS } from './demo-organizations';
import { DEMO_PEOPLE_AR } from './demo-people-ar';
import { DEMO_PEOPLE_EN } from './demo-people-en';
import { DEMO_TEMPLATES } from './demo-templates';
import type { DemoCampaign } from './demo-types';

/** The tables that hold a group's own data: any record in one of them makes a workspace used. */
const WORKSPACE_TABLES = [
  'organizations',
  'contacts',
  'campaigns',
  'targets',
  'interactions',
  'templates',
  'letters',
] as const satisfies readonly EntityTable[];

export interface LoadDemoWorkspaceOptions {
  /** The reference instant for every demo date (default: the current time). */
  now?: Date;
}

/** How many records of each kind the demo created. */
export interface DemoWorkspaceSummary {
  campaigns: number;
  contacts: number;
  organizations: number;
  targets: number;
  interactions: number;
  templates: number;
}

/** The demo was refused because the workspace already holds data; nothing was written. */
export class DemoWorkspaceError extends Error {
  constructor(readonly occupiedTables: readonly EntityTable[]) {
    super(
      `The demo can only be loaded into an empty workspace, and this one already has ${occupiedTables.join(', ')}. Nothing was changed.`,
    );
    this.name = 'DemoWorkspaceError';
  }
}

function occupiedTables(core: DataCore): EntityTable[] {
  return WORKSPACE_TABLES.filter((table) => core.store.count(table) > 0);
}

/**
 * True when the workspace holds no organizations, contacts, campaigns, targets, interactions,
 * templates or letters. Settings do not count: they are not demo data and are left as they are.
 */
export function isWorkspaceEmpty(core: DataCore): boolean {
  return occupiedTables(core).length === 0;
}

/**
 * Loads the demo into an empty workspace in one transaction. Throws `DemoWorkspaceError`
 * (and writes nothing) if the workspace already holds data, so demo records are never mixed
 * with a group's real ones.
 */
export async function loadDemoWorkspace(
  core: DataCore,
  options: LoadDemoWorkspaceOptions = {},
): Promise<DemoWorkspaceSummary> {
  // Commits run in order: an empty one resolves once the writes already queued have landed,
  // so the check below sees them. (A write started while this one waits can still land first:
  // the store has no "commit only if still empty"; the UI offers the demo on an empty,
  // idle workspace.)
  await core.store.commit([]);
  const occupied = occupiedTables(core);
  if (occupied.length > 0) throw new DemoWorkspaceError(occupied);

  // Building is synchronous: nothing of ours is written until the one commit below.
  const records = buildDemoRecords(core, options.now ?? new Date());
  const changes: Change[] = [
    ...records.organizations.map((r) => core.organizations.put(r)),
    ...records.contacts.map((r) => core.contacts.put(r)),
    ...records.campaigns.map((r) => core.campaigns.put(r)),
    ...records.targets.map((r) => core.targets.put(r)),
    ...records.interactions.map((r) => core.interactions.put(r)),
    ...records.templates.map((r) => core.templates.put(r)),
  ];
  await core.store.commit(changes);

  return {
    campaigns: records.campaigns.length,
    contacts: records.contacts.length,
    organizations: records.organizations.length,
    targets: records.targets.length,
    interactions: records.interactions.length,
    templates: records.templates.length,
  };
}

interface DemoRecords {
  organizations: Organization[];
  contacts: Contact[];
  campaigns: Campaign[];
  targets: Target[];
  interactions: Interaction[];
  templates: Template[];
}

/** Builds every demo record, validated by its repository, with ids resolved. Writes nothing. */
function buildDemoRecords(core: DataCore, now: Date): DemoRecords {
  const lookup = (kind: string, ids: ReadonlyMap<string, string>) => (key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`Demo data: unknown ${kind} key "${key}"`);
    return id;
  };

  const organizations: Organization[] = [];
  const organizationIds = new Map<string, string>();
  for (const { key, organization } of DEMO_ORGANIZATIONS) {
    const record = core.organizations.prepareCreate(organization);
    organizations.push(record);
    organizationIds.set(key, record.id);
  }
  const organizationId = lookup('organization', organizationIds);

  const contacts: Contact[] = [];
  const contactIds = new Map<string, string>();
  for (const person of [...DEMO_PEOPLE_EN, ...DEMO_PEOPLE_AR]) {
    const record = core.contacts.prepareCreate({
      ...person.contact,
      organizationId: person.organization ? organizationId(person.organization) : undefined,
    });
    contacts.push(record);
    contactIds.set(person.key, record.id);
  }
  const contactId = lookup('contact', contactIds);

  const campaigns: Campaign[] = [];
  const targets: Target[] = [];
  const interactions: Interaction[] = [];
  for (const demo of [DEMO_CAMPAIGN_EN, DEMO_CAMPAIGN_AR]) {
    const campaign = core.campaigns.prepareCreate(campaignInput(demo, now, contactId));
    campaigns.push(campaign);
    for (const target of demo.targets) {
      targets.push(
        core.targets.prepareCreate({
          campaignId: campaign.id,
          contactId: contactId(target.contact),
          stance: target.stance,
          priority: target.priority,
          notes: target.notes,
          stanceHistory: (target.history ?? []).map((change) => ({
            at: instantOn(now, -change.daysAgo, 18, 0),
            from: change.from,
            to: change.to,
            by: change.by,
            note: change.note,
          })),
        }),
      );
    }
    for (const interaction of demo.interactions) {
      const [hour, minute] = interaction.at ?? [10, 0];
      interactions.push(
        core.interactions.prepareCreate({
          campaignId: interaction.withoutCampaign ? undefined : campaign.id,
          contactId: contactId(interaction.contact),
          kind: interaction.kind,
          direction: interaction.direction ?? 'outgoing',
          occurredAt: instantOn(now, -interaction.daysAgo, hour, minute),
          outcome: interaction.outcome,
          notes: interaction.notes,
          followUpDate:
            interaction.followUpInDays === undefined
              ? undefined
              : calendarDay(now, interaction.followUpInDays),
          followUpDone: interaction.followUpDone ?? false,
        }),
      );
    }
  }

  const templates = DEMO_TEMPLATES.map((template) => core.templates.prepareCreate(template));
  return { organizations, contacts, campaigns, targets, interactions, templates };
}

function campaignInput(demo: DemoCampaign, now: Date, contactId: (key: string) => string) {
  const day = (offset: number | undefined) =>
    offset === undefined ? undefined : calendarDay(now, offset);
  return {
    ...demo.campaign,
    startDate: day(demo.startInDays),
    endDate: day(demo.endInDays),
    milestones: demo.milestones.map((milestone) => ({
      id: crypto.randomUUID(),
      title: milestone.title,
      dueDate: day(milestone.dueInDays),
      done: milestone.done ?? false,
    })),
    tasks: demo.tasks.map((task) => ({
      id: crypto.randomUUID(),
      title: task.title,
      dueDate: day(task.dueInDays),
      status: task.status ?? 'todo',
      ownerContactId: task.owner ? contactId(task.owner) : undefined,
      notes: task.notes,
    })),
  };
}
