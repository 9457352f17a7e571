/**
 * Contact search kept in step with the record store: every committed write to contacts (or to
 * an organisation's name) updates the index before the commit's promise resolves.
 *
 * Building the index costs seconds at 100,000 contacts, so a copy is kept (`snapshot()`,
 * stored by the data core) and a start loads it, then reconciles it with the records: a
 * hash of each contact's indexed text tells which changed since. The copy is rewritten only
 * when many contacts changed since it was taken, so everyday edits never pay to serialize.
 */
import type { Contact } from '../domain/contact';
import type { ChangeEvent, RecordStore } from '../db/record-store';
import { runSteps, runStepsInSlices, timeSlicer } from '../scheduling/time-slices';
import { CONTACT_SEARCH_FIELDS, contactDocument, entryVersion } from './contact-document';
import { SearchIndex, type SearchDocument } from './search-index';
import type { SerializedSearchIndex } from './serialized-index';

export const CONTACT_SEARCH_SNAPSHOT_FORMAT = 'tadamun-contact-search';
export const CONTACT_SEARCH_SNAPSHOT_VERSION = 2;

export interface ContactSearchSnapshot {
  format: typeof CONTACT_SEARCH_SNAPSHOT_FORMAT;
  version: typeof CONTACT_SEARCH_SNAPSHOT_VERSION;
  index: SerializedSearchIndex;
  /** `entryVersion` of each indexed contact, in the order of `index.ids`. */
  hashes: number[];
  /**
   * The record store's `rowStamp` of the searched tables when the copy was taken: when the
   * rows still carry it, the copy is exactly current and a start compares nothing.
   */
  stamp?: string;
}

/** The tables whose records the index is built from. */
const SEARCHED_TABLES = ['contacts', 'organizations'] as const;

/** How the index was made at start: from the copy as is, the copy caught up, or built. */
export type SearchStart = 'copy' | 'copy-compared' | 'built';

export interface ContactHit {
  contact: Contact;
  score: number;
}

/** Rewrite the stored copy once this many contacts changed since it, or this share of all. */
const STALE_AFTER_CHANGES = 1000;
const STALE_AFTER_SHARE = 0.05;
/** Changes touching this many contacts are indexed in slices, yielding to the page between. */
const SLICED_AT = 2000;

function isSnapshot(value: unknown): value is ContactSearchSnapshot {
  const candidate = value as Partial<ContactSearchSnapshot> | null | undefined;
  return (
    candidate?.format === CONTACT_SEARCH_SNAPSHOT_FORMAT &&
    candidate.version === CONTACT_SEARCH_SNAPSHOT_VERSION &&
    Array.isArray(candidate.hashes) &&
    Array.isArray(candidate.index?.ids) &&
    candidate.hashes.length === candidate.index.ids.length
  );
}

export class ContactSearch {
  private index = new SearchIndex({ fields: CONTACT_SEARCH_FIELDS });
  private hashes = new Map<string, number>();
  private changedSinceSnapshot = 0;
  /** Bulk changes being indexed in slices: meanwhile the index is behind the records. */
  private bulkChanges = 0;
  private disposed = false;
  private startedFrom: SearchStart = 'built';
  private readonly unsubscribe: () => void;

  /** Builds the index, from `stored` (a snapshot) when it is usable, else from scratch. */
  constructor(
    private readonly store: RecordStore,
    stored?: unknown,
  ) {
    if (!this.restore(stored)) this.rebuild();
    // Followed, not subscribed: a commit waits for the index, which may work in slices.
    this.unsubscribe = store.follow((event) => this.onChange(event));
  }

  /** True when `stored` is a copy of the index exactly as the records stand (nothing to compare). */
  static copyIsCurrent(stored: unknown, store: RecordStore): boolean {
    return (
      isSnapshot(stored) &&
      stored.stamp !== undefined &&
      stored.stamp === store.rowStamp(SEARCHED_TABLES)
    );
  }

  get size(): number {
    return this.index.size;
  }

  get start(): SearchStart {
    return this.startedFrom;
  }

  /** True when the stored copy is missing or far behind: the data core then saves a new one. */
  get snapshotIsStale(): boolean {
    const limit = Math.max(STALE_AFTER_CHANGES, this.index.size * STALE_AFTER_SHARE);
    return this.changedSinceSnapshot >= limit;
  }

  search(query: string, options: { limit?: number } = {}): ContactHit[] {
    const hits: ContactHit[] = [];
    for (const { id, score } of this.index.search(query, options)) {
      const contact = this.store.get('contacts', id);
      if (contact) hits.push({ contact, score });
    }
    return hits;
  }

  /** A copy to store (it holds names in plain text: it is stored like the records). */
  snapshot(): ContactSearchSnapshot {
    const copy = runSteps(this.snapshotting());
    if (!copy) throw new Error('The search index changed while it was copied.');
    return copy;
  }

  /**
   * `snapshot()` a slice at a time; undefined when the index changed meanwhile (the copy would
   * mix before and after): the data core then tries again later.
   */
  snapshotInSlices(): Promise<ContactSearchSnapshot | undefined> {
    return runStepsInSlices(this.snapshotting());
  }

  private *snapshotting(): Generator<void, ContactSearchSnapshot | undefined> {
    const serializing = this.index.serializing();
    const changes = this.index.changeCount;
    const changedBefore = this.changedSinceSnapshot;
    this.changedSinceSnapshot = 0;
    const stamp = this.bulkChanges > 0 ? undefined : this.store.rowStamp(SEARCHED_TABLES);
    const index = yield* serializing;
    if (!index) {
      this.changedSinceSnapshot += changedBefore;
      return undefined;
    }
    const hashes: number[] = [];
    for (const id of index.ids) {
      hashes.push(this.hashes.get(id) ?? this.versionOf(id));
      if (hashes.length % 4096 === 0) yield;
    }
    if (this.index.changeCount !== changes) {
      this.changedSinceSnapshot += changedBefore;
      return undefined;
    }
    return {
      format: CONTACT_SEARCH_SNAPSHOT_FORMAT,
      version: CONTACT_SEARCH_SNAPSHOT_VERSION,
      index,
      hashes,
      ...(stamp !== undefined && { stamp }),
    };
  }

  /** Stops following the store and drops the index (on close, and on lock later). */
  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.index.clear();
    this.hashes.clear();
  }

  /** The current `entryVersion` of an indexed contact (0 if it is gone). */
  private versionOf(id: string): number {
    const contact = this.store.get('contacts', id);
    if (!contact) return 0;
    const organizationId = contact.organizationId;
    const organization = organizationId
      ? this.store.get('organizations', organizationId)
      : undefined;
    return entryVersion(contact, organization?.name);
  }

  private organizationNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const organization of this.store.all('organizations')) {
      names.set(organization.id, organization.name);
    }
    return names;
  }

  private rebuild(): void {
    const names = this.organizationNames();
    this.index = new SearchIndex({ fields: CONTACT_SEARCH_FIELDS });
    this.hashes = new Map();
    const documents = this.store.all('contacts').map((contact) => {
      const organization = names.get(contact.organizationId ?? '');
      this.hashes.set(contact.id, entryVersion(contact, organization));
      return contactDocument(contact, organization);
    });
    this.index.addAll(documents);
    this.changedSinceSnapshot = Number.POSITIVE_INFINITY;
  }

  private restore(stored: unknown): boolean {
    if (!isSnapshot(stored)) return false;
    try {
      // A sealed copy opened: it is exactly what was written.
      this.index = SearchIndex.fromJSON(stored.index, { authenticated: this.store.sealing });
    } catch {
      return false;
    }
    performance.mark('tadamun:search-copy-loaded');
    const fieldNames = Object.keys(CONTACT_SEARCH_FIELDS);
    if (stored.index.fields.map((field) => field.name).join() !== fieldNames.join()) return false;
    this.hashes = new Map();
    if (stored.stamp !== undefined && stored.stamp === this.store.rowStamp(SEARCHED_TABLES)) {
      this.changedSinceSnapshot = 0;
      this.startedFrom = 'copy';
      return true;
    }
    this.startedFrom = 'copy-compared';
    // The stored hashes are compared by position; `hashes` only holds what changed since,
    // so a start builds no map of every contact (the next copy computes the rest).
    const storedHashes = stored.hashes;
    const names = this.organizationNames();
    const changedContacts: { contact: Contact; organization: string | undefined }[] = [];
    let present = 0;
    for (const contact of this.store.all('contacts')) {
      const organization = names.get(contact.organizationId ?? '');
      const position = this.index.positionOf(contact.id);
      if (position === undefined) {
        changedContacts.push({ contact, organization });
        continue;
      }
      present += 1;
      if (storedHashes[position] !== entryVersion(contact, organization)) {
        changedContacts.push({ contact, organization });
      }
    }
    // Positions hold only until the index changes: apply the changes after comparing.
    let changed = 0;
    if (present < this.index.size) {
      for (const id of [...this.index.ids()]) {
        if (this.store.get('contacts', id)) continue;
        this.index.remove(id);
        changed += 1;
      }
    }
    for (const { contact, organization } of changedContacts) {
      this.index.replace(contactDocument(contact, organization));
      this.hashes.set(contact.id, entryVersion(contact, organization));
      changed += 1;
    }
    this.changedSinceSnapshot = changed;
    return true;
  }

  private onChange(event: ChangeEvent): Promise<void> | void {
    if (event.reset) {
      this.rebuild();
      return;
    }
    if (event.records.length >= SLICED_AT) {
      return this.onBulkChange(event).catch((error: unknown) => {
        if (!(error instanceof IndexClosedError)) throw error;
      });
    }
    this.applyChange(event);
  }

  private applyChange(event: ChangeEvent): void {
    if (!event.tables.has('contacts') && !event.tables.has('organizations')) return;
    const renamed = new Set<string>();
    const touched = new Set<string>();
    for (const change of event.records) {
      if (change.table === 'organizations') renamed.add(change.id);
      else if (change.table === 'contacts') touched.add(change.id);
    }
    if (renamed.size > 0) {
      for (const contact of this.store.all('contacts')) {
        if (renamed.has(contact.organizationId ?? '')) touched.add(contact.id);
      }
    }
    const names = this.organizationNames();
    const added: SearchDocument[] = [];
    for (const id of touched) {
      const contact = this.store.get('contacts', id);
      if (contact && !this.index.has(id)) {
        const organization = names.get(contact.organizationId ?? '');
        this.hashes.set(id, entryVersion(contact, organization));
        added.push(contactDocument(contact, organization));
      } else {
        this.update(id, names);
      }
    }
    // New contacts in one batch: a bulk import indexes as fast as a build.
    this.index.addAll(added);
    this.changedSinceSnapshot += added.length;
  }

  private update(id: string, names: ReadonlyMap<string, string>): void {
    const contact = this.store.get('contacts', id);
    if (!contact) {
      if (this.index.remove(id)) this.changedSinceSnapshot += 1;
      this.hashes.delete(id);
      return;
    }
    const organization = names.get(contact.organizationId ?? '');
    const hash = entryVersion(contact, organization);
    if (this.hashes.get(id) === hash && this.index.has(id)) return;
    this.index.replace(contactDocument(contact, organization));
    this.hashes.set(id, hash);
    this.changedSinceSnapshot += 1;
  }

  /** `onChange` for an import: documents built and indexed a slice at a time. */
  private async onBulkChange(event: ChangeEvent): Promise<void> {
    this.bulkChanges += 1;
    try {
      await this.indexBulkChange(event);
    } finally {
      this.bulkChanges -= 1;
    }
  }

  private async indexBulkChange(event: ChangeEvent): Promise<void> {
    const slicer = timeSlicer();
    // Locked meanwhile: the index is gone, and so is the work.
    const pause = async () => {
      await slicer.maybeYield();
      if (this.disposed) throw new IndexClosedError();
    };
    const names = this.organizationNames();
    const renamed = event.records.some((change) => change.table === 'organizations');
    if (renamed) {
      // Contacts of renamed organizations, but those of this change (indexed below): a slice
      // at a time, as an import that creates organizations touches 100,000 contacts here.
      const inEvent = new Set<string>();
      const organizations = new Set<string>();
      let seen = 0;
      for (const change of event.records) {
        if (change.table === 'contacts') inEvent.add(change.id);
        else if (change.table === 'organizations') organizations.add(change.id);
        // 100,000 ids into a set in one go held the page ~20 ms on a busy machine.
        if ((seen += 1) % 1024 === 0) await pause();
      }
      for (const contact of this.store.all('contacts')) {
        if (!inEvent.has(contact.id) && organizations.has(contact.organizationId ?? '')) {
          this.update(contact.id, names);
        }
        await pause();
      }
    }
    // The new contacts only: each document is made as it is indexed, and dropped then.
    const added: Contact[] = [];
    for (const change of event.records) {
      if (change.table !== 'contacts') continue;
      const contact = this.store.get('contacts', change.id);
      if (contact && !this.index.has(change.id)) added.push(contact);
      else this.update(change.id, names);
      await pause();
    }
    await this.index.addEachInSlices(this.documentsOf(added, names), pause);
    this.changedSinceSnapshot += added.length;
  }

  /**
   * The contacts' documents, one at a time. Their hashes are not noted: as after a start from
   * a copy, a contact without one is hashed when the next copy is taken (`versionOf`), and
   * 100,000 map entries made while an import runs were objects the page's collections moved.
   */
  private *documentsOf(
    contacts: readonly Contact[],
    names: ReadonlyMap<string, string>,
  ): Generator<SearchDocument> {
    for (const contact of contacts) {
      yield contactDocument(contact, names.get(contact.organizationId ?? ''));
    }
  }
}

class IndexClosedError extends Error {}
