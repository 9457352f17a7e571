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
}

export interface ContactHit {
  contact: Contact;
  score: number;
}

/** Rewrite the stored copy once this many contacts changed since it, or this share of all. */
const STALE_AFTER_CHANGES = 1000;
const STALE_AFTER_SHARE = 0.05;

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
  private readonly unsubscribe: () => void;

  /** Builds the index, from `stored` (a snapshot) when it is usable, else from scratch. */
  constructor(
    private readonly store: RecordStore,
    stored?: unknown,
  ) {
    if (!this.restore(stored)) this.rebuild();
    this.unsubscribe = store.subscribe((event) => this.onChange(event));
  }

  get size(): number {
    return this.index.size;
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
    const index = this.index.toJSON();
    this.changedSinceSnapshot = 0;
    return {
      format: CONTACT_SEARCH_SNAPSHOT_FORMAT,
      version: CONTACT_SEARCH_SNAPSHOT_VERSION,
      index,
      hashes: index.ids.map((id) => this.hashes.get(id) ?? 0),
    };
  }

  /** Stops following the store and drops the index (on close, and on lock later). */
  dispose(): void {
    this.unsubscribe();
    this.index.clear();
    this.hashes.clear();
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
      this.index = SearchIndex.fromJSON(stored.index);
    } catch {
      return false;
    }
    performance.mark('tadamun:search-copy-loaded');
    const fieldNames = Object.keys(CONTACT_SEARCH_FIELDS);
    if (stored.index.fields.map((field) => field.name).join() !== fieldNames.join()) return false;
    this.hashes = new Map(stored.index.ids.map((id, slot) => [id, stored.hashes[slot] ?? 0]));
    const names = this.organizationNames();
    const present = new Set<string>();
    let changed = 0;
    for (const contact of this.store.all('contacts')) {
      present.add(contact.id);
      const organization = names.get(contact.organizationId ?? '');
      const hash = entryVersion(contact, organization);
      if (this.hashes.get(contact.id) === hash) continue;
      this.index.replace(contactDocument(contact, organization));
      this.hashes.set(contact.id, hash);
      changed += 1;
    }
    for (const id of [...this.index.ids()]) {
      if (present.has(id)) continue;
      this.index.remove(id);
      this.hashes.delete(id);
      changed += 1;
    }
    this.changedSinceSnapshot = changed;
    return true;
  }

  private onChange(event: ChangeEvent): void {
    if (event.reset) {
      this.rebuild();
      return;
    }
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
}
