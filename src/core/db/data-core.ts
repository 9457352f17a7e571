import { TadamunDatabase } from './database';
import { RecordStore } from './record-store';
import { CampaignRepository } from './repositories/campaigns';
import { ContactRepository } from './repositories/contacts';
import { InteractionRepository } from './repositories/interactions';
import type { Clock, DataContext } from './repositories/repository';
import { SettingsRepository } from './repositories/settings';
import {
  letterRepository,
  organizationRepository,
  templateRepository,
} from './repositories/simple';
import { TargetRepository } from './repositories/targets';

export interface DataCoreOptions {
  /** A database name: tests and future workspaces each get their own. */
  name?: string;
  /** Another IndexedDB implementation (fake-indexeddb in Node tests). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  clock?: Clock;
  newId?: () => string;
}

export type DataCore = Awaited<ReturnType<typeof openDataCore>>;

/** Opens (creating or upgrading) the database, loads it, and returns the repositories. */
export async function openDataCore(options: DataCoreOptions = {}) {
  const db = new TadamunDatabase(
    options.name,
    options.indexedDB
      ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }
      : undefined,
  );
  const store = await RecordStore.open(db);
  const context: DataContext = {
    store,
    clock: options.clock ?? { now: () => new Date() },
    newId: options.newId ?? (() => crypto.randomUUID()),
  };
  return {
    store,
    organizations: organizationRepository(context),
    contacts: new ContactRepository(context),
    campaigns: new CampaignRepository(context),
    targets: new TargetRepository(context),
    interactions: new InteractionRepository(context),
    templates: templateRepository(context),
    letters: letterRepository(context),
    settings: new SettingsRepository(context),
    close: () => db.close(),
  };
}
