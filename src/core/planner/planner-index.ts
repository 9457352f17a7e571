import type { RecordChange, RecordStore } from '../db/record-store';
import type { Interaction } from '../domain/interaction';
import type { Target } from '../domain/target';
import { instantKey } from './days';

export type PlannerStore = Pick<RecordStore, 'all' | 'version' | 'subscribe'>;

const pairKey = (campaignId: string | undefined, contactId: string) =>
  `${campaignId ?? ''}\u0000${contactId}`;

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeFrom<T extends { id: string }>(map: Map<string, T[]>, key: string, id: string) {
  const list = map.get(key);
  if (!list) return;
  const at = list.findIndex((item) => item.id === id);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Targets and interactions grouped the way the planner reads them: by campaign, by
 * campaign + contact, open follow-ups. Built once, then kept current change by change, so a
 * campaign workspace never scans the million interactions of a large workspace.
 */
export class PlannerIndex {
  private readonly targets = new Map<string, Target>();
  private readonly targetsByCampaign = new Map<string, Target[]>();
  private readonly interactions = new Map<string, Interaction>();
  private readonly interactionsByCampaign = new Map<string, Interaction[]>();
  private readonly interactionsByPair = new Map<string, Interaction[]>();
  private readonly openFollowUpsById = new Map<string, Interaction>();
  /** The latest interactions, newest first: exactly the top `length` of all of them. */
  private recentCache: RecentEntry[] | undefined;
  private recentWanted = 0;

  constructor(source: { targets: readonly Target[]; interactions: readonly Interaction[] }) {
    for (const target of source.targets) this.putTarget(target);
    for (const interaction of source.interactions) this.putInteraction(interaction);
  }

  /** Applies a store change event's records; putting or deleting twice changes nothing. */
  apply(changes: readonly RecordChange[]): void {
    for (const { table, id, record } of changes) {
      if (table === 'targets') {
        if (record) this.putTarget(record as unknown as Target);
        else this.removeTarget(id);
      } else if (table === 'interactions') {
        if (record) this.putInteraction(record as unknown as Interaction);
        else this.removeInteraction(id);
      }
    }
  }

  private putTarget(target: Target): void {
    this.removeTarget(target.id);
    this.targets.set(target.id, target);
    addTo(this.targetsByCampaign, target.campaignId, target);
  }

  private removeTarget(id: string): void {
    const old = this.targets.get(id);
    if (!old) return;
    this.targets.delete(id);
    removeFrom(this.targetsByCampaign, old.campaignId, id);
  }

  private putInteraction(interaction: Interaction): void {
    this.removeInteraction(interaction.id);
    this.interactions.set(interaction.id, interaction);
    addTo(this.interactionsByCampaign, interaction.campaignId ?? '', interaction);
    addTo(
      this.interactionsByPair,
      pairKey(interaction.campaignId, interaction.contactId),
      interaction,
    );
    if (interaction.followUpDate && !interaction.followUpDone) {
      this.openFollowUpsById.set(interaction.id, interaction);
    }
    this.addRecent(interaction);
  }

  /** Keeps the recent list current without a scan: a new interaction is usually the newest. */
  private addRecent(interaction: Interaction): void {
    const cache = this.recentCache;
    if (!cache) return;
    const key = instantKey(interaction.occurredAt);
    const coversAll = cache.length === this.interactions.size - 1;
    const last = cache[cache.length - 1];
    // Anything outside the list is no newer than its last entry, so a newer one belongs in it.
    if (!coversAll && (!last || key < last.key)) return;
    let at = cache.length;
    while (at > 0 && (cache[at - 1] as RecentEntry).key < key) at -= 1;
    cache.splice(at, 0, { key, interaction });
    if (cache.length > this.recentWanted) cache.pop();
  }

  private removeInteraction(id: string): void {
    const old = this.interactions.get(id);
    if (!old) return;
    this.interactions.delete(id);
    removeFrom(this.interactionsByCampaign, old.campaignId ?? '', id);
    removeFrom(this.interactionsByPair, pairKey(old.campaignId, old.contactId), id);
    this.openFollowUpsById.delete(id);
    // The rest of a top list is still the top of what remains.
    const cache = this.recentCache;
    const at = cache ? cache.findIndex((entry) => entry.interaction.id === id) : -1;
    if (at >= 0) cache?.splice(at, 1);
  }

  targetsOf(campaignId: string): readonly Target[] {
    return this.targetsByCampaign.get(campaignId) ?? EMPTY;
  }

  /** A campaign's interactions; `undefined` for those logged without a campaign. */
  interactionsOf(campaignId: string | undefined): readonly Interaction[] {
    return this.interactionsByCampaign.get(campaignId ?? '') ?? EMPTY;
  }

  /** The interactions with one contact within one campaign. */
  interactionsWith(campaignId: string | undefined, contactId: string): readonly Interaction[] {
    return this.interactionsByPair.get(pairKey(campaignId, contactId)) ?? EMPTY;
  }

  /** Interactions with a follow-up date not yet marked done (a live view: do not keep it). */
  openFollowUps(): Iterable<Interaction> {
    return this.openFollowUpsById.values();
  }

  /** The `limit` latest interactions, newest first. */
  recent(limit: number): Interaction[] {
    const cache = this.recentCache;
    if (!cache || (cache.length < limit && cache.length < this.interactions.size)) {
      this.recentWanted = Math.max(this.recentWanted, limit);
      this.recentCache = latest(this.interactions.values(), this.recentWanted);
    }
    return (this.recentCache ?? []).slice(0, limit).map((entry) => entry.interaction);
  }
}

interface RecentEntry {
  key: string;
  interaction: Interaction;
}

function latest(interactions: Iterable<Interaction>, limit: number): RecentEntry[] {
  const top: RecentEntry[] = [];
  for (const interaction of interactions) {
    if (limit <= 0) break;
    const key = instantKey(interaction.occurredAt);
    if (top.length === limit && key <= (top[limit - 1] as { key: string }).key) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1] as { key: string }).key < key) at -= 1;
    top.splice(at, 0, { key, interaction });
    if (top.length > limit) top.pop();
  }
  return top;
}

interface Cached {
  index: PlannerIndex;
  /** The store versions the index reflects; '' after a reset, until it is rebuilt. */
  versions: string;
}

const cache = new WeakMap<PlannerStore, Cached>();
const versionsOf = (store: PlannerStore) =>
  `${store.version('targets')}:${store.version('interactions')}`;

/**
 * The planner index of a store, built on first use and kept current from its change events.
 * If the store changed in a way the index has not seen yet (another change listener asking
 * first), the index is rebuilt, so it is never stale.
 */
export function plannerIndexOf(store: PlannerStore): PlannerIndex {
  const cached = cache.get(store);
  if (cached && cached.versions === versionsOf(store)) return cached.index;
  const fresh: Cached = {
    index: new PlannerIndex({
      targets: store.all('targets'),
      interactions: store.all('interactions'),
    }),
    versions: versionsOf(store),
  };
  if (!cached) {
    store.subscribe((event) => {
      const current = cache.get(store);
      if (!current || current.versions === '') return;
      if (event.reset) {
        current.versions = '';
        return;
      }
      if (!event.tables.has('targets') && !event.tables.has('interactions')) return;
      current.index.apply(event.records);
      current.versions = versionsOf(store);
    });
  }
  cache.set(store, fresh);
  return fresh.index;
}
