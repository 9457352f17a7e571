/** Letter recipients built from the records: a campaign's targets, or contacts on their own. */
import type { DataCore } from '@core/db/data-core';
import type { Target } from '@core/domain/target';
import type { LetterRecipient } from '@core/letters';

/** 'YYYY-MM-DD' of the contact's last meeting, for thank-you letters. */
function lastMeetingDay(core: DataCore, contactId: string): string | undefined {
  let last: string | undefined;
  for (const i of core.interactions.forContact(contactId)) {
    if (i.kind === 'meeting' && (!last || i.occurredAt > last)) last = i.occurredAt;
  }
  return last?.slice(0, 10);
}

export function contactRecipient(
  core: DataCore,
  contactId: string,
  target?: Target,
): LetterRecipient | undefined {
  const contact = core.contacts.get(contactId);
  if (!contact) return undefined;
  const organizationName = contact.organizationId
    ? core.organizations.get(contact.organizationId)?.name
    : undefined;
  return {
    id: target?.id ?? contact.id,
    contact,
    organizationName,
    target,
    meetingDate: lastMeetingDay(core, contactId),
  };
}

/** A campaign's targets whose contacts still exist, by priority then name. */
export function campaignRecipients(core: DataCore, campaignId: string): LetterRecipient[] {
  return core.targets
    .forCampaign(campaignId)
    .flatMap((target) => {
      const recipient = contactRecipient(core, target.contactId, target);
      return recipient ? [recipient] : [];
    })
    .sort((a, b) => (a.target?.priority ?? 3) - (b.target?.priority ?? 3));
}
