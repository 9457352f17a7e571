/** A workspace held in plain arrays: the sync engine's tests (three laptops in one process). */
import type { Id } from '../../domain/common';
import type { EntityTable } from '../../domain/entities';
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
  snapshotOf,
} from './workspace-records';

type Tables = { -readonly [K in keyof WorkspaceRecords]: Map<Id, WorkspaceRecords[K][number]> };
const TABLES = {
  campaigns: 'campaigns',
  contacts: 'contacts',
  organizations: 'organizations',
  targets: 'targets',
  interactions: 'interactions',
  templates: 'templates',
  letters: 'letters',
} as const satisfies Partial<Record<EntityTable, keyof WorkspaceRecords>>;

export class MemoryWorkspace implements CoalitionWorkspace {
  readonly tables: Tables = {
    campaigns: new Map(),
    contacts: new Map(),
    organizations: new Map(),
    targets: new Map(),
    interactions: new Map(),
    templates: new Map(),
    letters: new Map(),
  };
  /** "Share identity" per contact (a future Contact field). */
  readonly sharing = new Map<Id, ContactSharing>();
  private readonly received = new Map<string, { codeNamed: Set<Id>; whole: Set<Id> }>();
  /** Makes the next `applyIncoming` fail before changing anything (a full disk). */
  failNextApply = false;

  records(): WorkspaceRecords {
    const t = this.tables;
    return {
      campaigns: [...t.campaigns.values()],
      contacts: [...t.contacts.values()],
      organizations: [...t.organizations.values()],
      targets: [...t.targets.values()],
      interactions: [...t.interactions.values()],
      templates: [...t.templates.values()],
      letters: [...t.letters.values()],
    };
  }

  /** Writes records as a local edit would (the caller bumps `updatedAt`). */
  put(table: keyof WorkspaceRecords, ...records: SharedRecord[]): void {
    for (const record of records)
      (this.tables[table] as Map<Id, SharedRecord>).set(record.id, record);
  }

  remove(table: keyof WorkspaceRecords, id: Id): void {
    this.tables[table].delete(id);
  }

  private receivedOf(coalitionId: string) {
    let received = this.received.get(coalitionId);
    if (!received)
      this.received.set(coalitionId, (received = { codeNamed: new Set(), whole: new Set() }));
    return received;
  }

  async snapshot(config: CoalitionSyncConfig, keys: CoalitionKeys): Promise<SnapshotResult> {
    const records = this.records();
    const received = this.receivedOf(config.coalitionId);
    const aliases = await aliasMapOf(keys, records.contacts, received);
    return snapshotOf(records, config, aliases, this.sharing, received);
  }

  async departures(
    config: CoalitionSyncConfig,
    keys: CoalitionKeys,
    records: readonly RecordRef[],
  ): Promise<Departure[]> {
    const received = this.receivedOf(config.coalitionId);
    const aliases = await aliasMapOf(keys, [...this.tables.contacts.values()], received);
    return departuresOf(records, ownedAliases(aliases), received, this.sharing, (table, id) =>
      (this.tables[TABLES[table as keyof typeof TABLES]] as Map<Id, SharedRecord> | undefined)?.get(
        id,
      ),
    );
  }

  async applyIncoming(
    config: CoalitionSyncConfig,
    keys: CoalitionKeys,
    records: readonly IncomingRecord[],
  ): Promise<ApplyResult> {
    const received = this.receivedOf(config.coalitionId);
    const aliases = await aliasMapOf(keys, [...this.tables.contacts.values()], received);
    const prepared = prepareChanges(records, ownedAliases(aliases), (table, id) =>
      (this.tables[TABLES[table as keyof typeof TABLES]] as Map<Id, SharedRecord> | undefined)?.get(
        id,
      ),
    );
    if (this.failNextApply) {
      this.failNextApply = false;
      throw new Error('The workspace could not be written (simulated)');
    }
    for (const change of prepared.changes) {
      const table = this.tables[TABLES[change.table as keyof typeof TABLES]] as Map<
        Id,
        SharedRecord
      >;
      if (change.action === 'delete') table.delete(change.id);
      else {
        table.set(change.record.id, change.record);
        if (change.received) received[change.received].add(change.record.id);
      }
    }
    return {
      applied: prepared.changes.length,
      kept: prepared.kept,
      refused: prepared.refused,
    };
  }
}
