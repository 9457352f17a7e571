import { organizationInputSchema, type OrganizationInput } from '../../domain/organization';
import type { Change } from '../record-store';
import type { ContactRepository } from './contacts';
import { Repository, type DataContext } from './repository';

export class OrganizationRepository extends Repository<'organizations', OrganizationInput> {
  constructor(
    context: DataContext,
    private readonly contacts: ContactRepository,
  ) {
    super(context, 'organizations', organizationInputSchema);
  }

  /**
   * Deletes an organization and keeps its people: each contact linked to it loses the link and
   * keeps the organization's name as free text (unless it has its own), so letters still show
   * it. One commit: all of it, or nothing. Returns how many contacts were unlinked.
   */
  async removeKeepingContacts(id: string): Promise<number> {
    const organization = this.require(id);
    const changes: Change[] = [{ table: 'organizations', delete: id }];
    for (const contact of this.contacts.all()) {
      if (contact.organizationId !== id) continue;
      const kept = this.contacts.prepareUpdate(contact.id, {
        organizationId: undefined,
        organizationName: contact.organizationName ?? organization.name,
      });
      changes.push(this.contacts.put(kept));
    }
    await this.store.commit(changes);
    return changes.length - 1;
  }
}
