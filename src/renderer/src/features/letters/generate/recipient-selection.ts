import type { DataCore } from '@core/db/data-core';
import { contactName } from '@core/domain/contact';
import type { Stance } from '@core/domain/target';
import type { LetterRecipient } from '@core/letters';
import { campaignRecipients, contactRecipient } from '../recipients';

export type RecipientSource = 'targets' | 'contacts';
export type TargetFilter = 'all' | 'stance' | 'selected';

export interface RecipientSelection {
  source: RecipientSource;
  filter: TargetFilter;
  stances: Stance[];
  /** Recipient ids (target ids for targets, contact ids for contacts). */
  selected: string[];
}

/** Everyone the chosen source offers. */
export function availableRecipients(
  core: DataCore,
  source: RecipientSource,
  campaignId: string | null,
): LetterRecipient[] {
  if (source === 'targets') return campaignId ? campaignRecipients(core, campaignId) : [];
  return core.contacts
    .all()
    .map((c) => contactRecipient(core, c.id))
    .filter((r): r is LetterRecipient => r !== undefined)
    .sort((a, b) => contactName(a.contact).localeCompare(contactName(b.contact)));
}

/** The recipients the selection picks, in the order offered. */
export function chosenRecipients(
  available: readonly LetterRecipient[],
  selection: RecipientSelection,
): LetterRecipient[] {
  if (selection.source === 'targets' && selection.filter === 'all') return [...available];
  if (selection.source === 'targets' && selection.filter === 'stance') {
    const stances = new Set(selection.stances);
    return available.filter((r) => r.target && stances.has(r.target.stance));
  }
  const selected = new Set(selection.selected);
  return available.filter((r) => selected.has(r.id));
}

/** Where the dialog starts: one contact (as a target of the campaign if it is one), or a campaign. */
export function initialSelection(
  core: DataCore,
  campaignId: string | null,
  contactId: string | undefined,
): RecipientSelection {
  const base = { filter: 'all' as TargetFilter, stances: [] as Stance[], selected: [] as string[] };
  if (!contactId) return { ...base, source: campaignId ? 'targets' : 'contacts' };
  const target = campaignId
    ? core.targets.forCampaign(campaignId).find((t) => t.contactId === contactId)
    : undefined;
  return target
    ? { ...base, source: 'targets', filter: 'selected', selected: [target.id] }
    : { ...base, source: 'contacts', selected: [contactId] };
}
