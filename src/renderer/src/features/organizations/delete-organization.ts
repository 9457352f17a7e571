import type { DataCore } from '@core/db/data-core';
import type { Change } from '@core/db/record-store';

/**
 * Deletes an organization and keeps its people: each contact linked to it loses the link and
 * keeps the organization's name as free text (unless it has its own), so letters still show
 * it. One commit: all of it, or nothing.
 */
export async function deleteOrganization(core: DataCore, organizationId: string): Promise<number> {
  const organization = core.organizations.require(organizationId);
  const changes: Change[] = [{ table: 'organizations', delete: organizationId }];
  for (const contact of core.contacts.all()) {
    if (contact.organizationId !== organizationId) continue;
    const kept = core.contacts.prepareUpdate(contact.id, {
      organizationId: undefined,
      organizationName: contact.organizationName ?? organization.name,
    });
    changes.push(core.contacts.put(kept));
  }
  await core.store.commit(changes);
  return changes.length - 1;
}
