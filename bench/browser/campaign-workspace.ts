/**
 * Page side of the campaign-workspace scenario: a workspace of 100 campaigns × 500 targets ×
 * 20 interactions each (1,000,000 interactions; 20,000 contacts shared between campaigns),
 * written through the core API into Chromium's IndexedDB, then timed in memory as the app
 * does after unlock: one campaign's workspace (target rows, whip count, what is due, outreach
 * per week) and the Dashboard's data. The baseline is the naive way to get one campaign's
 * target rows: scan every interaction for the campaign's, then one pass over its targets.
 */
import { openDataCore, type DataCore } from '@core/db/data-core';
import { contactName, type Contact, type ContactInput } from '@core/domain/contact';
import type { InteractionInput } from '@core/domain/interaction';
import { INTERACTION_KINDS } from '@core/domain/interaction';
import { STANCES } from '@core/domain/target';
import {
  addDays,
  campaignWorkspaceData,
  dashboardData,
  dayIn,
  plannerIndexOf,
  type PlannerClock,
} from '@core/planner';

export const WORKSPACE_DATABASE = 'bench-campaign-workspace';
const TIME_ZONE = 'Asia/Beirut';

export interface WorkspaceScale {
  campaigns: number;
  targetsPerCampaign: number;
  interactionsPerTarget: number;
  contacts: number;
}

export interface GenerateResult {
  ms: number;
  campaigns: number;
  targets: number;
  interactions: number;
  contacts: number;
}

export interface TimingResult {
  /** First use after load: the planner index over every target and interaction. */
  indexBuildMs: number;
  /** Median of `runs` campaigns' workspaces (each a different campaign), index built. */
  workspaceMs: number[];
  dashboardMs: number[];
  /** After logging one interaction: the index follows the change, the workspace recomputes. */
  afterWriteMs: number[];
  /** `targets.setStance` committed (IndexedDB included), then the workspace recomputed. */
  stanceChangeMs: number[];
  /** `interactions.create` committed (IndexedDB included), then the workspace recomputed. */
  logInteractionMs: number[];
  baselineMs: number[];
  /** Checks that the measured code computed something real. */
  rows: number;
  due: number;
  weeks: number;
}

const state: { core?: DataCore } = {};

/** What the Dashboard asks for (features/dashboard/use-dashboard-data.ts): it lists 12 due. */
const dashboardView = () => ({ ...clock(), campaignLimit: 6, recentLimit: 8, dueLimit: 12 });

/** A deterministic generator: every run builds the same workspace. */
function random(seed: number) {
  let value = seed;
  return () => {
    value = (value * 1_103_515_245 + 12_345) % 2_147_483_648;
    return value / 2_147_483_648;
  };
}

function clock(): PlannerClock {
  return { today: dayIn(new Date(), TIME_ZONE), timeZone: TIME_ZONE, weekStartsOn: 6, weeks: 8 };
}

export async function generate(scale: WorkspaceScale): Promise<GenerateResult> {
  const started = performance.now();
  const core = await openDataCore({ name: WORKSPACE_DATABASE });
  const next = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const today = dayIn(new Date(), TIME_ZONE);
  const now = Date.now();

  const contactInputs: ContactInput[] = Array.from({ length: scale.contacts }, (_, i) => ({
    givenName: i % 2 ? `سلمى ${i}` : `Alex ${i}`,
    familyName: i % 3 ? 'Haddad' : 'الخطيب',
    kind: 'official',
    title: 'Member of Parliament',
  }));
  const contacts: Contact[] = [];
  for (let start = 0; start < contactInputs.length; start += 5_000) {
    contacts.push(...(await core.contacts.createMany(contactInputs.slice(start, start + 5_000))));
  }

  let targets = 0;
  let interactions = 0;
  for (let c = 0; c < scale.campaigns; c += 1) {
    const campaign = await core.campaigns.create({
      name: `Campaign ${c + 1}`,
      status: c % 4 === 3 ? 'planning' : 'active',
      winThreshold: 0.5,
      endDate: addDays(today, 30 + c),
      milestones: Array.from({ length: 6 }, (_, m) => ({
        id: crypto.randomUUID(),
        title: `Milestone ${m + 1}`,
        dueDate: addDays(today, m * 10 - 20),
        done: m < 2,
      })),
      tasks: Array.from({ length: 20 }, (_, t) => ({
        id: crypto.randomUUID(),
        title: `Task ${t + 1}`,
        dueDate: t % 5 === 4 ? undefined : addDays(today, t - 8),
        status: t % 4 === 0 ? 'done' : 'todo',
      })),
    });
    // 500 different contacts per campaign, from a window sliding over the shared pool.
    const offset = (c * 1_777) % scale.contacts;
    const members = Array.from(
      { length: scale.targetsPerCampaign },
      (_, t) => contacts[(offset + t) % scale.contacts] as Contact,
    );
    targets += (
      await core.targets.createMany(
        members.map((contact, t) => ({
          campaignId: campaign.id,
          contactId: contact.id,
          stance: pick(STANCES),
          priority: 1 + (t % 5),
        })),
      )
    ).length;
    const inputs: InteractionInput[] = [];
    for (const contact of members) {
      for (let k = 0; k < scale.interactionsPerTarget; k += 1) {
        const followUp = next() < 0.05;
        inputs.push({
          campaignId: campaign.id,
          contactId: contact.id,
          kind: pick(INTERACTION_KINDS),
          direction: next() < 0.2 ? 'incoming' : 'outgoing',
          occurredAt: new Date(now - Math.floor(next() * 180 * 86_400_000)).toISOString(),
          followUpDate: followUp ? addDays(today, Math.floor(next() * 28) - 14) : undefined,
          followUpDone: followUp && next() < 0.3,
        });
      }
    }
    interactions += (await core.interactions.createMany(inputs)).length;
  }
  await core.close();
  return {
    ms: performance.now() - started,
    campaigns: scale.campaigns,
    targets,
    interactions,
    contacts: contacts.length,
  };
}

/** Opens the stored workspace (not timed: unlocking has its own scenario). */
export async function open(): Promise<{ interactions: number }> {
  state.core = await openDataCore({ name: WORKSPACE_DATABASE });
  return { interactions: state.core.interactions.count() };
}

function timed<T>(work: () => T): [number, T] {
  const started = performance.now();
  const value = work();
  return [performance.now() - started, value];
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

/** The naive way: every interaction scanned for the campaign's, then its targets' rows. */
function naiveRows(core: DataCore, campaignId: string) {
  const last = new Map<string, string>();
  for (const interaction of core.store.all('interactions')) {
    if (interaction.campaignId !== campaignId) continue;
    const seen = last.get(interaction.contactId);
    if (!seen || interaction.occurredAt > seen)
      last.set(interaction.contactId, interaction.occurredAt);
  }
  return core.targets.forCampaign(campaignId).map((target) => {
    const contact = core.contacts.get(target.contactId);
    return {
      name: contact ? contactName(contact) : '',
      stance: target.stance,
      lastInteraction: last.get(target.contactId),
    };
  });
}

export async function measure(runs: number): Promise<TimingResult> {
  const core = state.core;
  if (!core) throw new Error('open() first');
  const campaigns = core.campaigns.all();
  const [indexBuildMs] = timed(() => plannerIndexOf(core.store));
  const result: TimingResult = {
    indexBuildMs,
    workspaceMs: [],
    dashboardMs: [],
    afterWriteMs: [],
    stanceChangeMs: [],
    logInteractionMs: [],
    baselineMs: [],
    rows: 0,
    due: 0,
    weeks: 0,
  };
  for (let run = 0; run < runs; run += 1) {
    const campaign = campaigns[(run * 37) % campaigns.length];
    if (!campaign) throw new Error('no campaign');
    const [workspaceMs, workspace] = timed(() => campaignWorkspaceData(core, campaign.id, clock()));
    const [dashboardMs, dashboard] = timed(() => dashboardData(core, dashboardView()));
    const [baselineMs, naive] = timed(() => naiveRows(core, campaign.id));
    if (!workspace || naive.length !== workspace.rows.length) throw new Error('rows differ');
    const today = clock().today;
    const before = workspace.rows[run];
    const target = before?.target;
    if (!target) throw new Error('no target');
    const [logCommitMs] = await timedAsync(() =>
      core.interactions.create({
        campaignId: campaign.id,
        contactId: target.contactId,
        kind: 'call',
        occurredAt: new Date().toISOString(),
        followUpDate: today,
      }),
    );
    const [afterWriteMs, updated] = timed(() => campaignWorkspaceData(core, campaign.id, clock()));
    const row = updated?.rows.find((r) => r.target.id === target.id);
    // The new follow-up is due today; an older one may be overdue and come first.
    const followUp = row?.nextFollowUp;
    if (row?.interactionCount !== before.interactionCount + 1 || !followUp || followUp > today) {
      throw new Error('the index missed the new interaction');
    }
    const stance = STANCES[(STANCES.indexOf(target.stance) + 1) % STANCES.length] ?? 'unknown';
    const [stanceCommitMs] = await timedAsync(() => core.targets.setStance(target.id, stance));
    const [afterStanceMs, changed] = timed(() => campaignWorkspaceData(core, campaign.id, clock()));
    if (changed?.whip.byStance[stance] !== (updated?.whip.byStance[stance] ?? 0) + 1) {
      throw new Error('the whip count missed the stance change');
    }
    const logInteractionMs = logCommitMs + afterWriteMs;
    const stanceChangeMs = stanceCommitMs + afterStanceMs;
    result.workspaceMs.push(workspaceMs);
    result.dashboardMs.push(dashboardMs);
    result.baselineMs.push(baselineMs);
    result.afterWriteMs.push(afterWriteMs);
    result.stanceChangeMs.push(stanceChangeMs);
    result.logInteractionMs.push(logInteractionMs);
    result.rows = workspace.rows.length;
    result.due = dashboard.dueCounts.total;
    result.weeks = workspace.outreach.length;
  }
  return result;
}

export async function drop(): Promise<void> {
  await state.core?.close();
  state.core = undefined;
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(WORKSPACE_DATABASE);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
}

export const campaignWorkspaceBench = { generate, open, measure, drop };
