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

/** Links one input at a time (see the module comment); `linked` counts the links made. */
export function organizationLinker(organizations: readonly { id: string; name: string }[]) {
  const byName = new Map<string, string>();
  for (const organization of organizations) {
    const key = normalizeForSearch(organization.name);
    if (key && !byName.has(key)) byName.set(key, organization.id);
  }
  const linker = {
    linked: 0,
    link(input: ContactInput): ContactInput {
      if (byName.size === 0 || input.organizationId || !input.organizationName) return input;
      const id = byName.get(normalizeForSearch(input.organizationName));
      if (!id) return input;
      linker.linked += 1;
      const { organizationName: _name, ...rest } = input;
      return { ...rest, organizationId: id };
    },
  };
  return linker;
}

export function linkOrganizations(
  inputs: readonly ContactInput[],
  organizations: readonly { id: string; name: string }[],
): { inputs: ContactInput[]; linked: number } {
  const linker = organizationLinker(organizations);
  const linkedInputs = inputs.map((input) => linker.link(input));
  return { inputs: linkedInputs, linked: linker.linked };
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
 * Contacts to import that arrive in batches (from the import worker, which keeps them until
 * they are written: only a batch at a time is alive on the page besides the new records).
 */
export interface InputBatches {
  count: number;
  batches(): AsyncIterable<readonly ContactInput[]>;
}

async function* batchesOf(inputs: readonly ContactInput[] | InputBatches) {
  if ('batches' in inputs) yield* inputs.batches();
  else yield inputs;
}

/**
 * `importContacts` for large files on the page: records are validated and built a slice at a
 * time, yielding between slices so the window stays responsive, then stored in one commit
 * (all or nothing, as `importContacts`).
 */
export async function importContactsInSlices(
  core: Pick<DataCore, 'contacts' | 'organizations' | 'store'>,
  inputs: readonly ContactInput[] | InputBatches,
  { onProgress, signal, onWriting }: ImportWriteOptions = {},
): Promise<ImportOutcome> {
  const slicer = cancellableSlicer(12, signal);
  const linker = organizationLinker(core.organizations.all());
  const total = 'batches' in inputs ? inputs.count : inputs.length;
  await slicer.maybeYield();
  const created: Contact[] = [];
  for await (const batch of batchesOf(inputs)) {
    for (const input of batch) {
      created.push(core.contacts.prepareCreate(linker.link(input)));
      if (created.length % 500 === 0) onProgress?.(created.length, total);
      await slicer.maybeYield();
    }
  }
  onProgress?.(created.length, total);
  await slicer.maybeYield();
  if (signal?.aborted) throw new ImportCancelledError();
  onWriting?.();
  await core.store.commit(created.map((contact) => core.contacts.put(contact)));
  return { created, linkedToOrganizations: linker.linked };
}
