import type { Contact } from '../domain/contact';
import { contactName } from '../domain/contact';
import type { Stance, Target } from '../domain/target';
import { instantKey, type Day } from './days';
import { plannerIndexOf, type PlannerIndex, type PlannerStore } from './planner-index';

export interface TargetRow {
  target: Target;
  /** Undefined if the contact was deleted. */
  contact?: Contact;
  /** The contact's name to show ('' if the contact is gone). */
  name: string;
  title?: string;
  stance: Stance;
  priority: number;
  /** The latest interaction with this contact in this campaign, an ISO instant in UTC. */
  lastInteraction?: string;
  /** The earliest follow-up not yet done (it may be overdue). */
  nextFollowUp?: Day;
  interactionCount: number;
}

/** What `targetRows` reads: a data core fits. */
export interface PlannerData {
  store: PlannerStore;
  contacts: { get(id: string): Contact | undefined };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * One row per target of the campaign, highest priority (1) first, then by name; last
 * interaction and next follow-up from the interactions with that contact in this campaign.
 */
export function targetRows(campaignId: string, data: PlannerData): TargetRow[] {
  return targetRowsFrom(plannerIndexOf(data.store), campaignId, data.contacts);
}

/** `targetRows` from an index built by the caller (reports build one from plain arrays). */
export function targetRowsFrom(
  index: PlannerIndex,
  campaignId: string,
  contacts: PlannerData['contacts'],
): TargetRow[] {
  const rows = index.targetsOf(campaignId).map((target): TargetRow => {
    const contact = contacts.get(target.contactId);
    let lastInteraction: string | undefined;
    let nextFollowUp: Day | undefined;
    const interactions = index.interactionsWith(campaignId, target.contactId);
    for (const interaction of interactions) {
      const at = instantKey(interaction.occurredAt);
      if (!lastInteraction || at > lastInteraction) lastInteraction = at;
      const due = interaction.followUpDate;
      if (due && !interaction.followUpDone && (!nextFollowUp || due < nextFollowUp)) {
        nextFollowUp = due;
      }
    }
    return {
      target,
      contact,
      name: contact ? contactName(contact) : '',
      title: contact?.title,
      stance: target.stance,
      priority: target.priority,
      lastInteraction,
      nextFollowUp,
      interactionCount: interactions.length,
    };
  });
  return rows.sort((a, b) => a.priority - b.priority || collator.compare(a.name, b.name));
}
