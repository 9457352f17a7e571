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
import { cancellableSlicer, ImportCancelledError } from './time-slices';

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

export interface ImportWriteOptions {
  /** Records prepared so far, of the total (the write itself follows, in one piece). */
  onProgress?: (prepared: number, total: number) => void;
  /** Aborting before the write starts cancels the import; nothing is stored. */
  signal?: AbortSignal;
  /** The records are built: the one transaction starts (it can no longer be cancelled). */
  onWriting?: () => void;
}

/**
 * `importContacts` for large files on the page: records are validated and built a slice at a
 * time, yielding between slices so the window stays responsive, then stored in one commit
 * (all or nothing, as `importContacts`).
 */
export async function importContactsInSlices(
  core: Pick<DataCore, 'contacts' | 'organizations' | 'store'>,
  inputs: readonly ContactInput[],
  { onProgress, signal, onWriting }: ImportWriteOptions = {},
): Promise<ImportOutcome> {
  const slicer = cancellableSlicer(12, signal);
  const { inputs: linkedInputs, linked } = linkOrganizations(inputs, core.organizations.all());
  await slicer.maybeYield();
  const created: Contact[] = [];
  for (const input of linkedInputs) {
    created.push(core.contacts.prepareCreate(input));
    if (created.length % 500 === 0) onProgress?.(created.length, linkedInputs.length);
    await slicer.maybeYield();
  }
  onProgress?.(created.length, linkedInputs.length);
  await slicer.maybeYield();
  if (signal?.aborted) throw new ImportCancelledError();
  onWriting?.();
  await core.store.commit(created.map((contact) => core.contacts.put(contact)));
  return { created, linkedToOrganizations: linked };
}
