import { LIST_ENTRY_KEYS, refreshedList, unionBy } from '../../dedupe/merge-fields';
import type { Campaign } from '../../domain/campaign';
import { contactInputSchema, type Contact, type ContactInput } from '../../domain/contact';
import type { Interaction } from '../../domain/interaction';
import type { Letter } from '../../domain/letter';
import {
  organizationInputSchema,
  type Organization,
  type OrganizationInput,
} from '../../domain/organization';
import type { Target } from '../../domain/target';
import { ValidationError, type FieldError } from '../../domain/validation';
import type { Change } from '../record-store';
import { Repository, type DataContext } from './repository';

const MAX_LIST = 10;

/** What `removeManyWithDependents` took away: hand it back to `restoreRemoved` to undo. */
export interface RemovedContacts {
  readonly counts: {
    readonly contacts: number;
    readonly targets: number;
    readonly interactions: number;
    readonly letters: number;
  };
  /** Opaque to callers: the records as they were stored. */
  readonly records: {
    readonly contacts: readonly Contact[];
    readonly targets: readonly Target[];
    readonly interactions: readonly Interaction[];
    readonly letters: readonly Letter[];
    readonly taskOwners: readonly { campaignId: string; taskId: string; contactId: string }[];
  };
}

/** Undo refused: putting the records back would overwrite or dangle. */
export class RestoreConflictError extends Error {
  constructor(
    readonly code: 'record-exists' | 'campaign-missing',
    readonly table: string,
    readonly id: string,
  ) {
    super(
      code === 'record-exists'
        ? `Cannot undo: ${table} record ${id} exists again`
        : `Cannot undo: campaign ${id} no longer exists`,
    );
    this.name = 'RestoreConflictError';
  }
}

/** How many records hang on a contact (what a merge moves, what a delete removes). */
export interface ContactDependents {
  interactions: number;
  targets: number;
  letters: number;
  tasks: number;
}

/** Fields a directory re-import never overwrites: the user's own. */
const USER_OWNED = ['tags', 'notes', 'doNotContact', 'sensitive', 'shareIdentity'] as const;

/** A contact saved together with the new organization it belongs to. */
export interface ContactWithOrganization {
  contact: Contact;
  organization: Organization;
}

export class ContactRepository extends Repository<'contacts', ContactInput> {
  /** Validates the organizations created with a contact (see `createWithOrganization`). */
  private readonly organizations: Repository<'organizations', OrganizationInput>;

  constructor(context: DataContext) {
    super(context, 'contacts', contactInputSchema);
    this.organizations = new Repository(context, 'organizations', organizationInputSchema);
  }

  /** Creates a new organization and a contact linked to it: both are stored, or neither. */
  async createWithOrganization(
    input: ContactInput,
    organization: OrganizationInput,
  ): Promise<ContactWithOrganization> {
    return this.withNewOrganization(organization, (organizationId) =>
      this.prepareCreate({ ...input, organizationId }),
    );
  }

  /** Updates a contact and links it to a new organization: both are stored, or neither. */
  async updateWithOrganization(
    id: string,
    patch: Partial<ContactInput>,
    organization: OrganizationInput,
  ): Promise<ContactWithOrganization> {
    return this.withNewOrganization(organization, (organizationId) =>
      this.prepareUpdate(id, { ...patch, organizationId }),
    );
  }

  private async withNewOrganization(
    input: OrganizationInput,
    contactOf: (organizationId: string) => Contact,
  ): Promise<ContactWithOrganization> {
    const organization = this.organizations.prepareCreate(input);
    const contact = contactOf(organization.id);
    await this.store.commit([this.organizations.put(organization), this.put(contact)]);
    return { contact, organization };
  }

  dependentsOf(id: string): ContactDependents {
    const count = (table: 'interactions' | 'targets' | 'letters') =>
      this.store.all(table).filter((record) => record.contactId === id).length;
    const tasks = this.store
      .all('campaigns')
      .reduce((n, c) => n + c.tasks.filter((task) => task.ownerContactId === id).length, 0);
    return {
      interactions: count('interactions'),
      targets: count('targets'),
      letters: count('letters'),
      tasks,
    };
  }

  /** Deletes a contact and everything about them: targets, interactions, letters, task owners. */
  async removeWithDependents(id: string): Promise<void> {
    await this.removeManyWithDependents([id]);
  }

  /**
   * Deletes contacts with their targets, interactions and letters and clears them as task
   * owners, in one commit; returns all of it for `restoreRemoved`.
   */
  async removeManyWithDependents(ids: readonly string[]): Promise<RemovedContacts> {
    const wanted = new Set(ids);
    const contacts = [...wanted].map((id) => this.require(id));
    const dependents = <T extends { contactId: string }>(records: T[]) =>
      records.filter((record) => wanted.has(record.contactId));
    const targets = dependents(this.store.all('targets'));
    const interactions = dependents(this.store.all('interactions'));
    const letters = dependents(this.store.all('letters'));
    const taskOwners: { campaignId: string; taskId: string; contactId: string }[] = [];
    const changes: Change[] = [];
    for (const campaign of this.store.all('campaigns')) {
      const owned = campaign.tasks.filter((t) => t.ownerContactId && wanted.has(t.ownerContactId));
      if (owned.length === 0) continue;
      for (const task of owned)
        taskOwners.push({
          campaignId: campaign.id,
          taskId: task.id,
          contactId: task.ownerContactId ?? '',
        });
      changes.push(
        this.withTaskOwners(campaign, (owner) => (owner && wanted.has(owner) ? undefined : owner)),
      );
    }
    for (const [table, records] of [
      ['contacts', contacts],
      ['targets', targets],
      ['interactions', interactions],
      ['letters', letters],
    ] as const) {
      for (const record of records) changes.push({ table, delete: record.id });
    }
    await this.store.commit(changes);
    return {
      counts: {
        contacts: contacts.length,
        targets: targets.length,
        interactions: interactions.length,
        letters: letters.length,
      },
      records: { contacts, targets, interactions, letters, taskOwners },
    };
  }

  /**
   * Puts removed contacts back exactly as they were, with their dependents and task owners,
   * in one commit. Refuses (RestoreConflictError) if any of those records exists again or a
   * campaign they belong to was deleted since; a task that was given another owner keeps it.
   */
  async restoreRemoved(removed: RemovedContacts): Promise<void> {
    const { contacts, targets, interactions, letters, taskOwners } = removed.records;
    const changes: Change[] = [];
    for (const [table, records] of [
      ['contacts', contacts],
      ['targets', targets],
      ['interactions', interactions],
      ['letters', letters],
    ] as const) {
      for (const record of records) {
        if (this.store.get(table, record.id))
          throw new RestoreConflictError('record-exists', table, record.id);
        if (
          'campaignId' in record &&
          record.campaignId &&
          !this.store.get('campaigns', record.campaignId)
        )
          throw new RestoreConflictError('campaign-missing', 'campaigns', record.campaignId);
        changes.push({ table, put: record });
      }
    }
    for (const campaign of this.store.all('campaigns')) {
      const owners = new Map(
        taskOwners.filter((o) => o.campaignId === campaign.id).map((o) => [o.taskId, o.contactId]),
      );
      if (!campaign.tasks.some((task) => owners.has(task.id) && !task.ownerContactId)) continue;
      const tasks = campaign.tasks.map((task) =>
        task.ownerContactId ? task : { ...task, ownerContactId: owners.get(task.id) },
      );
      changes.push({ table: 'campaigns', put: { ...campaign, tasks } });
    }
    await this.store.commit(changes);
  }

  /** Adds `tag` to each contact lacking it, in one commit; returns how many changed. */
  async tagMany(ids: readonly string[], tag: string): Promise<number> {
    const name = this.checkedTag(tag);
    return this.retag(ids, (tags) =>
      tags.some((t) => sameTag(t, name)) ? undefined : [...tags, name],
    );
  }

  /** Removes `tag` (any letter case) from each contact having it; returns how many changed. */
  async untagMany(ids: readonly string[], tag: string): Promise<number> {
    const name = this.checkedTag(tag);
    return this.retag(ids, (tags) =>
      tags.some((t) => sameTag(t, name)) ? tags.filter((t) => !sameTag(t, name)) : undefined,
    );
  }

  private checkedTag(tag: string): string {
    const name = tag.trim();
    if (!name || name.length > 60)
      throw new ValidationError(this.entity, [
        { field: 'tags', message: 'a tag has 1 to 60 characters' },
      ]);
    return name;
  }

  private async retag(
    ids: readonly string[],
    change: (tags: string[]) => string[] | undefined,
  ): Promise<number> {
    const updates = [...new Set(ids)].flatMap((id) => {
      const tags = change(this.require(id).tags);
      return tags ? [this.prepareUpdate(id, { tags })] : [];
    });
    await this.store.commit(updates.map((record) => this.put(record)));
    return updates.length;
  }

  /**
   * Creates or updates contacts by `externalId` (e.g. "bioguide:M001153"), in one commit:
   * importing the same directory entries again updates them, never duplicates them. An
   * update takes the incoming fields but keeps the user's tags (adding incoming ones), notes
   * and flags, and list entries the source does not speak for.
   */
  async upsertByExternalId(
    inputs: readonly ContactInput[],
  ): Promise<{ created: number; updated: number; unchanged: number }> {
    const byExternalId = new Map<string, Contact>();
    for (const contact of this.all())
      if (contact.externalId) byExternalId.set(contact.externalId, contact);
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    const records: Contact[] = [];
    let created = 0;
    let unchanged = 0;
    inputs.forEach((input, index) => {
      const externalId = input.externalId?.trim();
      const problem = !externalId
        ? 'required to update by it'
        : seen.has(externalId)
          ? 'appears twice'
          : '';
      if (problem || !externalId) {
        problems.push({ field: `[${index}].externalId`, message: problem });
        return;
      }
      seen.add(externalId);
      try {
        const current = byExternalId.get(externalId);
        if (!current) {
          records.push(this.prepareCreate(input));
          created += 1;
          return;
        }
        const record = this.prepareUpdate(current.id, this.refreshPatch(current, input));
        if (sameContent(record, current)) unchanged += 1;
        else records.push(record);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const e of error.fieldErrors)
          problems.push({ field: `[${index}]${e.field ? `.${e.field}` : ''}`, message: e.message });
      }
    });
    if (problems.length) throw new ValidationError(this.entity, problems);
    await this.store.commit(records.map((record) => this.put(record)));
    return { created, updated: records.length - created, unchanged };
  }

  /**
   * The record of a stored contact refreshed from an imported row (not yet stored), as
   * `upsertByExternalId` refreshes it: the row's fields, the user's tags, notes and flags kept.
   */
  prepareRefresh(id: string, input: ContactInput): Contact {
    return this.prepareUpdate(id, this.refreshPatch(this.require(id), input));
  }

  private refreshPatch(current: Contact, input: ContactInput): Partial<ContactInput> {
    const patch: Record<string, unknown> = Object.fromEntries(
      Object.entries(input).filter(
        ([field, value]) =>
          value !== undefined && !(USER_OWNED as readonly string[]).includes(field),
      ),
    );
    patch.tags = unionBy([...current.tags, ...(input.tags ?? [])], (t) => t.toLowerCase());
    for (const list of ['emails', 'phones', 'websites', 'addresses'] as const) {
      const keyOf = LIST_ENTRY_KEYS[list] as (entry: unknown) => string;
      const incoming = (input[list] ?? []) as { label?: string }[];
      patch[list] = refreshedList(current[list] as { label?: string }[], incoming, keyOf, MAX_LIST);
    }
    return patch as Partial<ContactInput>;
  }

  /**
   * Merges `dropId` into `keepId`: the kept contact gains the other's emails, phones,
   * addresses, websites, tags and notes (its own fields win, `fields` overrides), and every
   * interaction, letter and campaign target moves over. All in one transaction.
   */
  async merge(
    keepId: string,
    dropId: string,
    fields: Partial<ContactInput> = {},
  ): Promise<Contact> {
    if (keepId === dropId)
      throw new ValidationError('Contact', [
        { field: '', message: 'cannot merge a contact with itself' },
      ]);
    const keep = this.require(keepId);
    const drop = this.require(dropId);
    const notes = [keep.notes, drop.notes].filter(Boolean).join('\n\n');
    const fill = Object.fromEntries(
      Object.entries(drop).filter(
        ([name, value]) =>
          value !== undefined && (keep as Record<string, unknown>)[name] === undefined,
      ),
    );
    const merged = this.prepareUpdate(keepId, {
      ...fill,
      emails: unionBy([...keep.emails, ...drop.emails], LIST_ENTRY_KEYS.emails),
      phones: unionBy([...keep.phones, ...drop.phones], LIST_ENTRY_KEYS.phones),
      addresses: unionBy([...keep.addresses, ...drop.addresses], LIST_ENTRY_KEYS.addresses),
      websites: unionBy([...keep.websites, ...drop.websites], LIST_ENTRY_KEYS.websites),
      tags: unionBy([...keep.tags, ...drop.tags], (t) => t.toLowerCase()),
      notes: notes || undefined,
      doNotContact: keep.doNotContact || drop.doNotContact,
      sensitive: keep.sensitive || drop.sensitive,
      // Sharing an identity is opted into per person: the merged contact keeps it only if both did.
      shareIdentity: Boolean(keep.shareIdentity && drop.shareIdentity),
      ...fields,
    } as Partial<ContactInput>);

    const { changes: targetChanges, replaced } = this.moveTargets(keepId, dropId);
    const changes: Change[] = [this.put(merged), { table: 'contacts', delete: dropId }];
    for (const interaction of this.store.all('interactions')) {
      if (interaction.contactId === dropId)
        changes.push({ table: 'interactions', put: { ...interaction, contactId: keepId } });
    }
    for (const letter of this.store.all('letters')) {
      if (letter.contactId !== dropId) continue;
      const targetId = letter.targetId && (replaced.get(letter.targetId) ?? letter.targetId);
      changes.push({ table: 'letters', put: { ...letter, contactId: keepId, targetId } });
    }
    changes.push(...targetChanges);
    for (const campaign of this.store.all('campaigns')) {
      if (campaign.tasks.some((task) => task.ownerContactId === dropId))
        changes.push(this.withTaskOwners(campaign, (owner) => (owner === dropId ? keepId : owner)));
    }
    await this.store.commit(changes);
    return merged;
  }

  /**
   * Targets move to the kept contact. Where both were targets of one campaign, one remains:
   * with both stance histories, the stance changed last (a known one over "unknown"), the
   * higher priority (1 is highest) and both notes. `replaced` maps dropped target ids to the
   * one kept, for the letters that point at them.
   */
  private moveTargets(
    keepId: string,
    dropId: string,
  ): { changes: Change[]; replaced: Map<string, string> } {
    const targets = this.store.all('targets');
    const kept = new Map<string, Target>();
    for (const t of targets) if (t.contactId === keepId) kept.set(t.campaignId, t);
    const changes: Change[] = [];
    const replaced = new Map<string, string>();
    for (const t of targets) {
      if (t.contactId !== dropId) continue;
      const existing = kept.get(t.campaignId);
      if (!existing) {
        changes.push({ table: 'targets', put: { ...t, contactId: keepId } });
        continue;
      }
      const history = [...existing.stanceHistory, ...t.stanceHistory].sort((a, b) =>
        a.at.localeCompare(b.at),
      );
      const notes = [existing.notes, t.notes].filter(Boolean).join('\n\n') || undefined;
      changes.push({
        table: 'targets',
        put: {
          ...existing,
          stance: currentStance(existing, t),
          stanceHistory: history,
          priority: Math.min(existing.priority, t.priority),
          notes,
          updatedAt: this.now(),
        },
      });
      changes.push({ table: 'targets', delete: t.id });
      replaced.set(t.id, existing.id);
    }
    return { changes, replaced };
  }

  private withTaskOwners(
    campaign: Campaign,
    owner: (current: string | undefined) => string | undefined,
  ): Change {
    const tasks = campaign.tasks.map((task) => ({
      ...task,
      ownerContactId: owner(task.ownerContactId),
    }));
    return { table: 'campaigns', put: { ...campaign, tasks } };
  }
}

function sameTag(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Of two targets of one campaign, the stance to keep: a known one, else the latest change. */
function currentStance(a: Target, b: Target): Target['stance'] {
  if (a.stance === 'unknown') return b.stance;
  if (b.stance === 'unknown') return a.stance;
  const lastChange = (t: Target) => t.stanceHistory.at(-1)?.at ?? t.updatedAt;
  return lastChange(b) > lastChange(a) ? b.stance : a.stance;
}

/** Whether a record holds the same data as before (timestamps aside). */
function sameContent(a: Contact, b: Contact): boolean {
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return stableJson(restA) === stableJson(restB);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([x], [y]) => x.localeCompare(y)),
        )
      : v,
  );
}
