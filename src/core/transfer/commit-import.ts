/**
 * Stores the valid rows of an import in one transaction (all or nothing).
 *
 * An organization named in the file is linked to an existing Organization whose name is the
 * same after normalization (case, accents, Arabic letter forms); otherwise the name stays on
 * the contact as `organizationName`. No Organization is created: a typo in one row would
 * otherwise become a new organization, and the user can still create and link it later.
 */
import type { Contact, ContactInput } from '../domain/contact';
import type { DataCore } from '../db/data-core';
import { normalizeForSearch } from '../search/normalize';

export interface ImportOutcome {
  created: Contact[];
  linkedToOrganizations: number;
}

export function linkOrganizations(
  inputs: readonly ContactInput[],
  organizations: readonly { id: string; name: string }[],
): { inputs: ContactInput[]; linked: number } {
  const byName = new Map<string, string>();
  for (const organization of organizations) {
    const key = normalizeForSearch(organization.name);
    if (key && !byName.has(key)) byName.set(key, organization.id);
  }
  let linked = 0;
  const linkedInputs = inputs.map((input) => {
    if (input.organizationId || !input.organizationName) return input;
    const id = byName.get(normalizeForSearch(input.organizationName));
    if (!id) return input;
    linked += 1;
    const { organizationName: _name, ...rest } = input;
    return { ...rest, organizationId: id };
  });
  return { inputs: linkedInputs, linked };
}

export async function importContacts(
  core: Pick<DataCore, 'contacts' | 'organizations'>,
  inputs: readonly ContactInput[],
): Promise<ImportOutcome> {
  const { inputs: linkedInputs, linked } = linkOrganizations(inputs, core.organizations.all());
  const created = await core.contacts.createMany(linkedInputs);
  return { created, linkedToOrganizations: linked };
}
