import { contactName, type Contact } from '@core/domain/contact';
import { useStoreQuery } from '@renderer/app/data/use-store-query';

const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

/** Every contact, by name (Arabic and Latin names each in their own alphabetical order). */
export function useContactList(): Contact[] {
  return useStoreQuery(['contacts'], (core) =>
    core.contacts.all().sort((a, b) => collator.compare(contactName(a), contactName(b))),
  );
}

/** Organisation names by id, for showing a contact's organisation. */
export function useOrganizationNames(): Map<string, string> {
  return useStoreQuery(
    ['organizations'],
    (core) => new Map(core.organizations.all().map((org) => [org.id, org.name])),
  );
}
