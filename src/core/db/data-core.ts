import type { RecordCipher } from '../crypto/record-cipher';
import { ContactSearch } from '../search/contact-search';
import { TadamunDatabase } from './database';
import type { PreviousKey } from './row-codec';
import { RecordStore, type StoredRows } from './record-store';
import { CampaignRepository } from './repositories/campaigns';
import { CoalitionRepository } from './repositories/coalitions';
import { ContactRepository } from './repositories/contacts';
import { InteractionRepository } from './repositories/interactions';
import type { Clock, DataContext } from './repositories/repository';
import { SettingsRepository } from './repositories/settings';
import { OrganizationRepository } from './repositories/organizations';
import { DueNoticeRepository } from './repositories/due-notices';
import { SavedFilterRepository } from './repositories/saved-filters';
import { LetterRepository } from './repositories/letters';
import { templateRepository } from './repositories/simple';
import { TargetRepository } from './repositories/targets';

export interface DataCoreOptions {
  /** A database name: tests and future workspaces each get their own. */
  name?: string;
  /** Another IndexedDB implementation (fake-indexeddb in Node tests). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  clock?: Clock;
  newId?: () => string;
  /** Seals every stored row; without one, rows are plain (tests, and never the app). */
  cipher?: RecordCipher;
  /** Opens the rows read at start, with the same key as `cipher` (off the page: see Vault). */
  openingCipher?: RecordCipher;
  /** The database's rows, when their reading already started (unlocking does, during the KDF). */
  rows?: StoredRows;
  /** Setting up encryption over a workspace from before it: seal its plain rows. */
  sealPlainRows?: boolean;
  /** The generation of `cipher`'s key; rows carry it (see `Keyring.generation`). */
  keyGeneration?: number;
  /** A key rotation under way: the key that sealed the rows not re-sealed yet. */
  previousKey?: PreviousKey;
}

export type DataCore = Awaited<ReturnType<typeof openDataCore>>;

/** The meta row holding the contact search index's stored copy. */
export const CONTACT_SEARCH_META_KEY = 'contactSearch';
/**
 * Left unparsed at unlock until read (record-store.ts): the Dashboard and a search read a
 * few contacts; the other tables the Dashboard reads whole, so they are parsed as they open.
 */
const LAZY_TABLES = ['contacts'] as const;
/** After a bulk change, wait this long for quiet before storing a new copy of the index. */
const SEARCH_SAVE_DELAY_MS = 500;

/** Opens (creating or upgrading) the database, loads it, and returns the repositories. */
export async function openDataCore(options: DataCoreOptions = {}) {
  const db = new TadamunDatabase(
    options.name,
    options.indexedDB
      ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }
      : undefined,
  );
  const store = await RecordStore.open(db, {
    cipher: options.cipher,
    rows: options.rows,
    openingCipher: options.openingCipher,
    sealPlainRows: options.sealPlainRows ?? false,
    keyGeneration: options.keyGeneration,
    previousKey: options.previousKey,
    lazyTables: LAZY_TABLES,
  });
  const storedSearch = await store.readMeta(CONTACT_SEARCH_META_KEY);
  performance.mark('tadamun:search-copy-read');
  // Without a current copy the index reads every contact: parsed a chunk per task first.
  if (!ContactSearch.copyIsCurrent(storedSearch, store)) await store.parseInSlices('contacts');
  const search = new ContactSearch(store, storedSearch);
  performance.mark('tadamun:search-ready');
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | undefined;
  /**
   * The copy is only a cache: failing to store it (a full disk) must not fail anything. It is
   * built and sealed in slices (it is megabytes at 100,000 contacts), so the page stays live.
   */
  const saveSearch = async () => {
    saveTimer = undefined;
    while (saving) await saving;
    if (!search.snapshotIsStale) return;
    saving = search
      .snapshotInSlices()
      .then((copy) => copy && store.writeMeta(CONTACT_SEARCH_META_KEY, copy))
      .catch(() => {})
      .finally(() => (saving = undefined));
    await saving;
  };
  const scheduleSave = () => {
    if (!search.snapshotIsStale || saveTimer) return;
    saveTimer = setTimeout(() => void saveSearch(), SEARCH_SAVE_DELAY_MS);
  };
  const unsubscribe = store.subscribe(scheduleSave);
  scheduleSave();
  const context: DataContext = {
    store,
    clock: options.clock ?? { now: () => new Date() },
    newId: options.newId ?? (() => crypto.randomUUID()),
  };
  const contacts = new ContactRepository(context);
  const interactions = new InteractionRepository(context);
  return {
    store,
    organizations: new OrganizationRepository(context, contacts),
    contacts,
    campaigns: new CampaignRepository(context),
    targets: new TargetRepository(context),
    interactions,
    templates: templateRepository(context),
    letters: new LetterRepository(context, interactions),
    settings: new SettingsRepository(context),
    savedFilters: new SavedFilterRepository(context),
    dueNotices: new DueNoticeRepository(context),
    coalitions: new CoalitionRepository(context),
    search,
    /** Stores the search index's copy now if it is behind, instead of after the delay. */
    async saveSearchCopy() {
      clearTimeout(saveTimer);
      await saveSearch();
    },
    /** Stores the search index's copy if it is behind, then closes the database. */
    async close() {
      clearTimeout(saveTimer);
      unsubscribe();
      await saveSearch();
      search.dispose();
      store.dispose();
      db.close();
    },
  };
}
