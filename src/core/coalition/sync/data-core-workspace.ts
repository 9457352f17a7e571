/**
 * The workspace port over the data core: the snapshot reads the in-memory records, incoming
 * records go through `store.commit` (one IndexedDB transaction, all or nothing).
 *
 * How contacts came from each coalition (code-named or whole) is a meta value written after the
 * commit: should that write fail, the next snapshot would share such a contact once more under
 * an alias of its own, which loses nothing. A Contact field would make it part of the commit
 * (the schema is the workspace branch's).
 */
import type { Id } from '../../domain/common';
import type { DataCore } from '../../db/data-core';
import type { Change } from '../../db/record-store';
import { ENTITY_TABLES, type EntityTable } from '../../domain/entities';
import { loopPacer, runStepsPaced } from '../../scheduling/time-slices';
import type { CoalitionKeys } from '../coalition-key';
import type { WorkspaceRecords } from '../share-selection';
import type { ContactSharing } from './workspace-records';
import type { SharedRecord } from '../shared-record';
import type {
  ApplyResult,
  CoalitionSyncConfig,
  CoalitionWorkspace,
  Departure,
  IncomingRecord,
  RecordRef,
  SnapshotResult,
} from './ports';
import {
  aliasMapOf,
  departuresOf,
  ownedAliases,
  prepareChanges,
  prepareChangeSteps,
  snapshotOf,
  type ReceivedContacts,
} from './workspace-records';

export const receivedContactsMetaKey = (coalitionId: string) =>
  `coalition-received-contacts:${coalitionId}`;

export interface DataCoreWorkspaceOptions {
  /** "Share identity" per contact, until it is a Contact field. */
  sharing?: () => ReadonlyMap<Id, ContactSharing>;
}

export class DataCoreWorkspace implements CoalitionWorkspace {
  constructor(
    private readonly core: DataCore,
    private readonly options: DataCoreWorkspaceOptions = {},
  ) {}

  private records(): WorkspaceRecords {
    const { store } = this.core;
    return {
      campaigns: store.all('campaigns'),
      contacts: store.all('contacts'),
      organizations: store.all('organizations'),
      targets: store.all('targets'),
      interactions: store.all('interactions'),
      templates: store.all('templates'),
      letters: store.all('letters'),
    };
  }

  private async received(coalitionId: string): Promise<ReceivedContacts> {
    const stored = (await this.core.store.readMeta(receivedContactsMetaKey(coalitionId))) as
      { codeNamed?: unknown; whole?: unknown } | undefined;
    const ids = (value: unknown) =>
      new Set(Array.isArray(value) ? value.filter((id) => typeof id === 'string') : []);
    return { codeNamed: ids(stored?.codeNamed), whole: ids(stored?.whole) };
  }

  async snapshot(config: CoalitionSyncConfig, keys: CoalitionKeys): Promise<SnapshotResult> {
    const records = this.records();
    const received = await this.received(config.coalitionId);
    const aliases = await aliasMapOf(keys, records.contacts, received);
    return snapshotOf(records, config, aliases, this.options.sharing?.() ?? new Map(), received);
  }

  async departures(
    config: CoalitionSyncConfig,
    keys: CoalitionKeys,
    records: readonly RecordRef[],
  ): Promise<Departure[]> {
    const { store } = this.core;
    const received = await this.received(config.coalitionId);
    const aliases = await aliasMapOf(keys, store.all('contacts'), received);
    return departuresOf(
      records,
      ownedAliases(aliases),
      received,
      this.options.sharing?.() ?? new Map(),
      (table, id) => store.get(table, id),
    );
  }

  async applyIncoming(
    config: CoalitionSyncConfig,
    keys: CoalitionKeys,
    records: readonly IncomingRecord[],
  ): Promise<ApplyResult> {
    const { store } = this.core;
    const received = await this.received(config.coalitionId);
    const aliases = await aliasMapOf(keys, store.all('contacts'), received);
    const owned = ownedAliases(aliases);
    const current = (table: EntityTable, id: Id) =>
      store.get(table, id) as SharedRecord | undefined;
    const versions = () => ENTITY_TABLES.map((table) => store.version(table)).join();
    const before = versions();
    // In slices: the page keeps answering meanwhile (a batch is up to 500 records).
    let prepared = await runStepsPaced(prepareChangeSteps(records, owned, current), loopPacer());
    // A local write that came between the slices (a letter's file, a deletion) is read again:
    // checked at once where nothing else can commit, rather than written over.
    // A receive comes in batches: each one's new records go into chunks of their own rather
    // than sealing again the half-full chunk the batch before left (docs/benchmarks.md, "Issue
    // 20, eighth session").
    await store.commitPrepared(
      () => {
        if (versions() !== before) prepared = prepareChanges(records, owned, current);
        return prepared.changes.map((change): Change =>
          change.action === 'delete'
            ? { table: change.table, delete: change.id }
            : { table: change.table, put: change.record },
        );
      },
      { newChunksOnly: true },
    );
    const codeNamed = new Set(received.codeNamed);
    const whole = new Set(received.whole);
    for (const change of prepared.changes) {
      if (change.action !== 'put' || !change.received) continue;
      (change.received === 'codeNamed' ? codeNamed : whole).add(change.record.id);
    }
    if (codeNamed.size !== received.codeNamed.size || whole.size !== received.whole.size) {
      await store.writeMeta(receivedContactsMetaKey(config.coalitionId), {
        codeNamed: [...codeNamed].sort(),
        whole: [...whole].sort(),
      });
    }
    return { applied: prepared.changes.length, kept: prepared.kept, refused: prepared.refused };
  }
}
