/**
 * Stores the valid rows of an import in one transaction (all or nothing).
 *
 * An organization named in the file is linked to an existing Organization whose name is the
 * same after normalization (case, accents, tashkeel, Arabic letter forms: "المؤسسة" and
 * "المؤسسه" are one). `importContactsInSlices` also makes each organization no stored one
 * matches into a record, in the same transaction, and links its contacts to it.
 */
import { newRecord } from '../domain/common';
import { nextRandomId } from '../domain/random-ids';
import type { Contact, ContactInput, ValidContactInput } from '../domain/contact';
import type { DataCore } from '../db/data-core';
import type { Change } from '../db/record-store';
import type { Organization } from '../domain/organization';
import { runSteps, runStepsInSlices } from '../scheduling/time-slices';
import { normalizeForSearch } from '../search/normalize';
import { cancellableSlicer, ImportCancelledError, SLICE_MS, yieldToEventLoop } from './time-slices';

export interface ImportOutcome {
  created: Contact[];
  linkedToOrganizations: number;
  /** Organizations named in the file and not yet stored, created with the contacts. */
  organizationsCreated?: number;
  /** Stored contacts refreshed from rows that matched them. */
  updated?: number;
}

/** Organization ids by normalized name (the first of each name). */
function organizationsByName(
  organizations: readonly { id: string; name: string }[],
): ReadonlyMap<string, string> {
  return runSteps(namingSteps(organizations));
}

/** `organizationsByName` as steps: thousands of names take a task's time to normalize. */
function* namingSteps(
  organizations: readonly { id: string; name: string }[],
): Generator<void, Map<string, string>> {
  const byName = new Map<string, string>();
  for (const organization of organizations) {
    const key = normalizeForSearch(organization.name);
    if (key && !byName.has(key)) byName.set(key, organization.id);
    yield;
  }
  return byName;
}

/** Names as written, with the id each links to (null: none); at most this many kept. */
type LinksByWrittenName = Map<string, string | null>;
const MAX_WRITTEN_NAMES = 65_536;

/**
 * Links one input at a time (see the module comment); `linked` counts the links made. A name
 * written the same way again (most are, in a large file) is normalized once (`written`).
 */
export function organizationLinker(
  organizations: readonly { id: string; name: string }[],
  byName = organizationsByName(organizations),
  written: LinksByWrittenName = new Map(),
) {
  const idOf = (name: string) => {
    let id = written.get(name);
    if (id !== undefined) return id;
    id = byName.get(normalizeForSearch(name)) ?? null;
    if (written.size < MAX_WRITTEN_NAMES) written.set(name, id);
    return id;
  };
  const linker = {
    linked: 0,
    link<I extends ContactInput>(input: I): I {
      if (byName.size === 0 || input.organizationId || !input.organizationName) return input;
      const id = idOf(input.organizationName);
      if (!id) return input;
      linker.linked += 1;
      const { organizationName: _name, ...rest } = input;
      return { ...rest, organizationId: id } as unknown as I;
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
  /** Stored contacts to refresh from rows that matched them, in the same transaction. */
  updates?: readonly { id: string; input: ContactInput }[];
}

/** What contacts prepared elsewhere need from the data core: their time and organizations. */
export interface ContactStamp {
  /** createdAt and updatedAt of every new record (ISO 8601). */
  now: string;
  organizations: readonly { id: string; name: string }[];
  /** The organizations' ids by normalized name, when made already (else made once, here). */
  organizationIds?: ReadonlyMap<string, string>;
}

/**
 * Contacts to import made into records elsewhere, a batch at a time: checked inputs (each
 * validated by the contact input schema, in the import worker) linked to organizations and
 * stamped with an id and `now` (`stampContacts`). Validated on the page, their garbage paused
 * it during large imports (docs/benchmarks.md).
 */
export interface PreparedContacts {
  count: number;
  /** The organization names of the contacts to store (each once, as first written). */
  organizationNames?(): Promise<string[]>;
  batches(stamp: ContactStamp): AsyncIterable<{ records: readonly Contact[]; linked: number }>;
  /**
   * Every record has arrived and the write starts (it can no longer be cancelled): whatever
   * prepared them can let go of its memory before the write needs the most.
   */
  release?(): void;
}

/**
 * The names of a stamp's organizations, normalized once for all its batches: an import that
 * names thousands of organizations normalized them all again for every batch of 250 records,
 * most of the page's work while the records arrived, and garbage for its collections.
 */
const namesOfStamps = new WeakMap<ContactStamp, ReadonlyMap<string, string>>();
const writtenNamesOfStamps = new WeakMap<ContactStamp, LinksByWrittenName>();

function stampedNames(stamp: ContactStamp): ReadonlyMap<string, string> {
  let names = namesOfStamps.get(stamp);
  if (!names) namesOfStamps.set(stamp, (names = organizationsByName(stamp.organizations)));
  return names;
}

function writtenNames(stamp: ContactStamp): LinksByWrittenName {
  let names = writtenNamesOfStamps.get(stamp);
  if (!names) writtenNamesOfStamps.set(stamp, (names = new Map()));
  return names;
}

/**
 * What `PreparedContacts` does with checked inputs: made into records, but
 * those whose position (counted from `first`) is in `skip`.
 */
export function stampContacts(
  inputs: readonly ValidContactInput[],
  { first, skip, stamp }: { first: number; skip: ReadonlySet<number>; stamp: ContactStamp },
  newId: () => string = nextRandomId,
): { records: Contact[]; linked: number } {
  const linker = organizationLinker(
    stamp.organizations,
    stamp.organizationIds ?? stampedNames(stamp),
    writtenNames(stamp),
  );
  const records: Contact[] = [];
  inputs.forEach((input, offset) => {
    if (!skip.has(first + offset)) records.push(newRecord(linker.link(input), newId(), stamp.now));
  });
  return { records, linked: linker.linked };
}

/** Fields whose values repeat across many contacts (a kind, a country, a language). */
const REPEATED_FIELDS = ['kind', 'formOfAddress', 'preferredLanguage', 'country'] as const;
const MAX_SHARED_VALUES = 4096;

/**
 * Records that arrive from a worker each hold their own copy of every text, even where all
 * share one (their time) or a few (kind, country): each copy is an object the page keeps and
 * its garbage collector moves. Replaced at once by one shared copy, the copies die young.
 */
function valueSharer(now: string): (record: Contact) => void {
  const shared = new Map<string, string>();
  const one = (value: string) => {
    const known = shared.get(value);
    if (known !== undefined) return known;
    if (shared.size < MAX_SHARED_VALUES) shared.set(value, value);
    return value;
  };
  return (record) => {
    if (record.createdAt === now) record.createdAt = now;
    if (record.updatedAt === now) record.updatedAt = now;
    const fields = record as unknown as Record<string, unknown>;
    for (const field of REPEATED_FIELDS) {
      const value = fields[field];
      if (typeof value === 'string') fields[field] = one(value);
    }
  };
}

/** Organization names once each, by their normalized form, in the order first met. */
export function distinctOrganizationNames(names: Iterable<string | undefined>): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = name ? normalizeForSearch(name) : '';
    if (key && name && !byKey.has(key)) byKey.set(key, name.trim());
  }
  return [...byKey.values()];
}

/**
 * The names no stored organization matches (Arabic-aware), made into new records a slice at a
 * time: a file of 100,000 rows may name thousands of organizations.
 */
async function newOrganizations(
  core: Pick<DataCore, 'organizations'>,
  names: readonly string[],
  slicer: { maybeYield(): Promise<void> },
): Promise<Organization[]> {
  const known = new Set<string>();
  for (const organization of core.organizations.all()) {
    known.add(normalizeForSearch(organization.name));
    await slicer.maybeYield();
  }
  const records: Organization[] = [];
  for (const name of names) {
    const key = name ? normalizeForSearch(name) : '';
    if (key && !known.has(key)) {
      known.add(key);
      records.push(core.organizations.prepareCreate({ name: name.trim().slice(0, 200) }));
    }
    await slicer.maybeYield();
  }
  return records;
}

/** Inputs made into records on the page per batch: a slice's worth of work between yields. */
const PAGE_BATCH = 50;

async function* recordBatches(
  core: Pick<DataCore, 'contacts'>,
  inputs: readonly ContactInput[] | PreparedContacts,
  organizations: readonly { id: string; name: string }[],
  organizationIds: ReadonlyMap<string, string>,
) {
  if ('batches' in inputs) {
    const now = core.contacts.now();
    const share = valueSharer(now);
    for await (const batch of inputs.batches({ now, organizations, organizationIds })) {
      for (const record of batch.records) share(record);
      yield batch;
    }
    return;
  }
  const linker = organizationLinker(organizations, organizationIds);
  for (let start = 0; start < inputs.length; start += PAGE_BATCH) {
    const records: Contact[] = [];
    for (const input of inputs.slice(start, start + PAGE_BATCH))
      records.push(core.contacts.prepareCreate(linker.link(input)));
    const linked = linker.linked;
    linker.linked = 0;
    yield { records, linked };
  }
}

/**
 * `importContacts` for large files on the page: records are validated and built a slice at a
 * time (or arrive made, see `PreparedContacts`), yielding between slices so the window stays
 * responsive, then stored in one commit (all or nothing, as `importContacts`).
 */
export async function importContactsInSlices(
  core: Pick<DataCore, 'contacts' | 'organizations' | 'store'>,
  inputs: readonly ContactInput[] | PreparedContacts,
  { onProgress, signal, onWriting, updates = [] }: ImportWriteOptions = {},
): Promise<ImportOutcome> {
  const slicer = cancellableSlicer(SLICE_MS, signal);
  const total = 'batches' in inputs ? inputs.count : inputs.length;
  await slicer.maybeYield();
  const names =
    'batches' in inputs
      ? ((await inputs.organizationNames?.()) ?? [])
      : inputs.map((input) => input.organizationName ?? '');
  const organizations = await newOrganizations(
    core,
    [...names, ...updates.map(({ input }) => input.organizationName ?? '')],
    slicer,
  );
  // The changes are listed as the records arrive: 100,000 of them listed after the last one
  // held the page in one task, most of it in the collections their allocation set off.
  const changes: Change[] = organizations.map((organization) =>
    core.organizations.put(organization),
  );
  const created: Contact[] = [];
  let linkedToOrganizations = 0;
  let reported = 0;
  const linkable = [...core.organizations.all(), ...organizations];
  const organizationIds = await runStepsInSlices(namingSteps(linkable), slicer);
  for await (const { records, linked } of recordBatches(core, inputs, linkable, organizationIds)) {
    for (const record of records) {
      created.push(record);
      changes.push(core.contacts.put(record));
    }
    linkedToOrganizations += linked;
    if (created.length - reported >= 500) onProgress?.((reported = created.length), total);
    await slicer.maybeYield();
  }
  const updateLinker = organizationLinker(linkable, organizationIds);
  let refreshed = 0;
  for (const { id, input } of updates) {
    changes.push(core.contacts.put(core.contacts.prepareRefresh(id, updateLinker.link(input))));
    refreshed += 1;
    await slicer.maybeYield();
  }
  onProgress?.(created.length, total);
  await slicer.maybeYield();
  if (signal?.aborted) throw new ImportCancelledError();
  onWriting?.();
  if ('batches' in inputs) inputs.release?.();
  await core.store.commit(changes);
  // The caller's next step (a search, a render) starts a task of its own: the search index's
  // last steps may have used this one's time. Stored now, so no longer cancelled.
  await yieldToEventLoop();
  return {
    created,
    linkedToOrganizations,
    ...(refreshed && { updated: refreshed }),
    ...(organizations.length && { organizationsCreated: organizations.length }),
  };
}
