import type { DataCore } from '@core/db/data-core';
import { contactName } from '@core/domain/contact';
import type { Campaign } from '@core/domain/campaign';
import type { LetterRecipient } from '@core/letters';
import { campaignRecipients, contactRecipient } from '../recipients';

/** Option values: 'target:<id>' for a campaign target, 'contact:<id>' for anyone. */
export function recipientOptions(core: DataCore, contactsLabel: string) {
  const campaigns = core.campaigns.all();
  const groups = campaigns.map((campaign) => ({
    group: campaign.name,
    items: campaignRecipients(core, campaign.id).map((r) => ({
      value: `target:${r.target?.id ?? ''}`,
      label: contactName(r.contact),
    })),
  }));
  const contacts = core.contacts
    .all()
    .map((c) => ({ value: `contact:${c.id}`, label: contactName(c) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [...groups.filter((g) => g.items.length), { group: contactsLabel, items: contacts }];
}

export function resolveRecipientOption(
  core: DataCore,
  value: string | null,
): { recipient: LetterRecipient; campaign?: Campaign } | undefined {
  if (!value) return undefined;
  const [kind, id = ''] = value.split(':');
  if (kind === 'target') {
    const target = core.targets.get(id);
    const recipient = target && contactRecipient(core, target.contactId, target);
    if (!target || !recipient) return undefined;
    const campaign = core.campaigns.get(target.campaignId);
    return campaign ? { recipient, campaign } : { recipient };
  }
  const recipient = contactRecipient(core, id);
  return recipient ? { recipient } : undefined;
}
