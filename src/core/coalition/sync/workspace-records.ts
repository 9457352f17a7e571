/**
 * What both workspace ports share: the snapshot of a coalition's shared campaigns over plain
 * records, the alias map, and turning an incoming record into the local change it makes.
 */
import type { Id } from '../../domain/common';
import type { Contact } from '../../domain/contact';
import { ENTITY_SCHEMAS, type EntityTable } from '../../domain/entities';
import { contactAliasOf, type CoalitionKeys } from '../coalition-key';
import { campaignShare, type SharedItem, type WorkspaceRecords } from '../share-selection';
import { SHARED_KINDS, type SharedKind, type SharedRecord } from '../shared-record';
import { runSteps } from '../../scheduling/time-slices';
import type {
  CoalitionSyncConfig,
  Departure,
  IncomingRecord,
  RecordRef,
  SnapshotResult,
  WorkspaceRefusal,
} from './ports';

export const TABLE_OF: Readonly<Record<SharedKind, EntityTable>> = {
  campaign: 'campaigns',
  target: 'targets',
  contact: 'contacts',
  organization: 'organizations',
  interaction: 'interactions',
  template: 'templates',
  letter: 'letters',
};

/** How contacts received from one coalition came: they travel back the same way. */
export interface ReceivedContacts {
  /** Received code-named (their id is the coalition's alias): never aliased again. */
  codeNamed: ReadonlySet<Id>;
  /** Received with their identity: shared with it again. */
  whole: ReadonlySet<Id>;
}

export const NO_RECEIVED: ReceivedContacts = { codeNamed: new Set(), whole: new Set() };

/** Aliases are HMACs: computed once per contact and coalition key. */
const aliasesByKeys = new WeakMap<CoalitionKeys, Map<Id, Id>>();

/** Each contact that may travel code-named → the id it travels under. */
export async function aliasMapOf(
  keys: CoalitionKeys,
  contacts: readonly Contact[],
  received: ReceivedContacts,
): Promise<Map<Id, Id>> {
  const aliases = new Map<Id, Id>();
  let known = aliasesByKeys.get(keys);
  if (!known) aliasesByKeys.set(keys, (known = new Map()));
  for (const contact of contacts) {
    if (contact.kind === 'official' || received.whole.has(contact.id)) continue;
    if (received.codeNamed.has(contact.id)) {
      aliases.set(contact.id, contact.id);
      continue;
    }
    let alias = known.get(contact.id);
    if (alias === undefined) known.set(contact.id, (alias = contactAliasOf(keys, contact.id)));
    aliases.set(contact.id, alias);
  }
  return aliases;
}

/** A contact's sharing choice given besides `Contact.shareIdentity` (tests, received contacts). */
export interface ContactSharing {
  shareIdentity?: boolean;
}

/** Every shared campaign's records, once each (a template shared by two campaigns, say). */
export function snapshotOf(
  records: WorkspaceRecords,
  config: CoalitionSyncConfig,
  aliases: ReadonlyMap<Id, Id>,
  sharing: ReadonlyMap<Id, ContactSharing>,
  received: ReceivedContacts,
): SnapshotResult {
  const withReceived = new Map(sharing);
  for (const id of received.whole) withReceived.set(id, { shareIdentity: true });
  if (withReceived.size > 0)
    records = {
      ...records,
      contacts: records.contacts.map((contact) =>
        // Officials travel whole anyway: their record stays as it is (no spurious edit).
        contact.kind !== 'official' &&
        !contact.shareIdentity &&
        withReceived.get(contact.id)?.shareIdentity
          ? { ...contact, shareIdentity: true }
          : contact,
      ),
    };
  const byKey = new Map<string, SharedItem>();
  const missing = new Set<Id>();
  let withheldSensitive = 0;
  for (const { campaignId, templateIds } of config.sharedCampaigns) {
    if (!records.campaigns.some((c) => c.id === campaignId)) continue;
    const share = campaignShare(campaignId, records, {
      templateIds,
      aliases,
    });
    for (const item of share.items) byKey.set(`${item.kind}\n${item.record.id}`, item);
    for (const id of share.missingCodeNames) missing.add(id);
    withheldSensitive += share.withheldSensitive;
  }
  const rank = (kind: SharedKind) => SHARED_KINDS.indexOf(kind);
  const items = [...byKey.values()].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
  );
  return { items, missingCodeNames: [...missing].sort(), withheldSensitive };
}

/** The local change an incoming record makes. */
export type LocalChange =
  | { action: 'put'; table: EntityTable; record: SharedRecord; received?: 'codeNamed' | 'whole' }
  | { action: 'delete'; table: EntityTable; id: Id }
  /** Nothing to do: already absent, or a code-named copy of the workspace's own contact. */
  | { action: 'keep' };

/**
 * The change `incoming` makes given the local record of the same id (`current`); `owned` maps
 * the aliases of the workspace's own contacts back to their ids. A letter keeps its local file
 * fields (they never travel); a contact received code-named is stored under its code name.
 */
export function localChangeOf(
  incoming: IncomingRecord,
  owned: ReadonlyMap<Id, Id>,
  current: (table: EntityTable, id: Id) => SharedRecord | undefined,
): LocalChange {
  const table = TABLE_OF[incoming.kind];
  const back = (id: unknown) => (typeof id === 'string' ? (owned.get(id) ?? id) : id);
  const record: Record<string, unknown> = { ...incoming.record };
  if (incoming.kind === 'contact' && owned.has(incoming.record.id)) return { action: 'keep' };
  if ('contactId' in record) record['contactId'] = back(record['contactId']);
  if (incoming.kind === 'campaign' && Array.isArray(record['tasks'])) {
    record['tasks'] = (record['tasks'] as Record<string, unknown>[]).map((task) =>
      task['ownerContactId'] ? { ...task, ownerContactId: back(task['ownerContactId']) } : task,
    );
  }
  const id = incoming.record.id;
  const local = current(table, id);
  if (incoming.removed) return local ? { action: 'delete', table, id } : { action: 'keep' };
  if (incoming.kind === 'letter' && local) {
    for (const name of ['fileName', 'docxSha256'] as const)
      if (local[name] !== undefined) record[name] = local[name];
  }
  if (incoming.kind === 'letter' && record['renderedText'] === undefined) {
    // Letters to a code-named addressee travel without their text.
    record['renderedText'] =
      typeof local?.['renderedText'] === 'string' ? local['renderedText'] : '';
  }
  if (incoming.kind === 'contact') {
    if (record['codeNamed'] === true) {
      const { codeNamed: _flag, ...rest } = record;
      const codeName = typeof rest['codeName'] === 'string' ? rest['codeName'] : undefined;
      return {
        action: 'put',
        table,
        record: { ...rest, id, ...(codeName && { displayName: codeName }) },
        received: 'codeNamed',
      };
    }
    return { action: 'put', table, record: record as SharedRecord, received: 'whole' };
  }
  return { action: 'put', table, record: record as SharedRecord };
}

/**
 * Why each record left the snapshot (ports.ts, `Departure`); `owned` maps the workspace's own
 * contacts' aliases back, `current` reads the workspace.
 */
export function departuresOf(
  records: readonly RecordRef[],
  owned: ReadonlyMap<Id, Id>,
  received: ReceivedContacts,
  sharing: ReadonlyMap<Id, ContactSharing>,
  current: (table: EntityTable, id: Id) => unknown,
): Departure[] {
  const contact = (id: unknown) =>
    typeof id === 'string' ? (current('contacts', id) as Contact | undefined) : undefined;
  return records.map(({ kind, id }): Departure => {
    if (kind === 'contact') {
      const local = contact(owned.get(id) ?? id);
      if (!local || local.sensitive) return 'deleted';
      const travelledWhole = !owned.has(id) && !received.codeNamed.has(id);
      const sharesIdentity =
        local.kind === 'official' ||
        local.shareIdentity ||
        sharing.get(id)?.shareIdentity ||
        received.whole.has(id);
      return travelledWhole && !sharesIdentity ? 'deleted' : 'withdrawn';
    }
    const local = current(TABLE_OF[kind], id) as { contactId?: unknown } | undefined;
    if (!local) return 'deleted';
    return contact(local.contactId)?.sensitive ? 'deleted' : 'withdrawn';
  });
}

/** The workspace's own contacts' aliases, reversed: alias → contact id. */
export function ownedAliases(aliases: ReadonlyMap<Id, Id>): Map<Id, Id> {
  const owned = new Map<Id, Id>();
  for (const [id, alias] of aliases) if (alias !== id) owned.set(alias, id);
  return owned;
}

export interface PreparedChanges {
  /** Checked against the stored record schemas, ready to commit together. */
  changes: Exclude<LocalChange, { action: 'keep' }>[];
  kept: number;
  refused: WorkspaceRefusal[];
}

/** The changes `records` make, each put checked against its table's schema (defaults filled). */
export function prepareChanges(
  records: readonly IncomingRecord[],
  owned: ReadonlyMap<Id, Id>,
  current: (table: EntityTable, id: Id) => SharedRecord | undefined,
): PreparedChanges {
  return runSteps(prepareChangeSteps(records, owned, current));
}

/**
 * `prepareChanges` as steps, one per record, for a caller on the page to run in slices
 * (`runStepsPaced`): checking a batch of 500 contacts took 20 ms or more in one task.
 */
export function* prepareChangeSteps(
  records: readonly IncomingRecord[],
  owned: ReadonlyMap<Id, Id>,
  current: (table: EntityTable, id: Id) => SharedRecord | undefined,
): Generator<void, PreparedChanges> {
  const prepared: PreparedChanges = { changes: [], kept: 0, refused: [] };
  for (const incoming of records) {
    yield;
    const change = localChangeOf(incoming, owned, current);
    if (change.action === 'keep') {
      prepared.kept++;
      continue;
    }
    if (change.action === 'delete') {
      prepared.changes.push(change);
      continue;
    }
    // checkSharedRecord parsed these with their domain schemas already; contacts and letters
    // change shape on the way in (code name, letter text), so they are checked again.
    if (incoming.checked && change.table !== 'contacts' && change.table !== 'letters') {
      prepared.changes.push(change);
      continue;
    }
    const parsed = ENTITY_SCHEMAS[change.table].safeParse(change.record);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
      prepared.refused.push({ documentId: incoming.documentId, reason: 'invalid-record', fields });
      continue;
    }
    prepared.changes.push({ ...change, record: parsed.data as SharedRecord });
  }
  return prepared;
}
