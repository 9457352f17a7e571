import { contactInputSchema, type Contact, type ContactInput } from '../../domain/contact';
import type { Target } from '../../domain/target';
import { ValidationError } from '../../domain/validation';
import type { Change } from '../record-store';
import { Repository, type DataContext } from './repository';

const DEPENDENT_TABLES = ['interactions', 'letters'] as const;

function unionBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}

export class ContactRepository extends Repository<'contacts', ContactInput> {
  constructor(context: DataContext) {
    super(context, 'contacts', contactInputSchema);
  }

  /** Deletes a contact and everything about them: targets, interactions, letters, task owners. */
  async removeWithDependents(id: string): Promise<void> {
    this.require(id);
    const changes: Change[] = [{ table: 'contacts', delete: id }];
    for (const table of [...DEPENDENT_TABLES, 'targets'] as const) {
      for (const record of this.store.all(table)) {
        if (record.contactId === id) changes.push({ table, delete: record.id });
      }
    }
    changes.push(...this.releaseTaskOwner(id, undefined));
    await this.store.commit(changes);
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
      emails: unionBy([...keep.emails, ...drop.emails], (e) => e.value.toLowerCase()),
      phones: unionBy([...keep.phones, ...drop.phones], (p) => p.value.replace(/\D/g, '')),
      addresses: unionBy([...keep.addresses, ...drop.addresses], (a) => a.lines.join('\n')),
      websites: unionBy([...keep.websites, ...drop.websites], (w) => w.value),
      tags: [...new Set([...keep.tags, ...drop.tags])],
      notes: notes || undefined,
      doNotContact: keep.doNotContact || drop.doNotContact,
      sensitive: keep.sensitive || drop.sensitive,
      ...fields,
    } as Partial<ContactInput>);

    const changes: Change[] = [this.put(merged), { table: 'contacts', delete: dropId }];
    for (const table of DEPENDENT_TABLES) {
      for (const record of this.store.all(table)) {
        if (record.contactId === dropId)
          changes.push({ table, put: { ...record, contactId: keepId } });
      }
    }
    changes.push(...this.moveTargets(keepId, dropId));
    changes.push(...this.releaseTaskOwner(dropId, keepId));
    await this.store.commit(changes);
    return merged;
  }

  /** Targets move to the kept contact; where both were targets of one campaign, one remains. */
  private moveTargets(keepId: string, dropId: string): Change[] {
    const targets = this.store.all('targets');
    const kept = new Map<string, Target>();
    for (const t of targets) if (t.contactId === keepId) kept.set(t.campaignId, t);
    const changes: Change[] = [];
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
      changes.push({
        table: 'targets',
        put: {
          ...existing,
          stanceHistory: history,
          priority: Math.min(existing.priority, t.priority),
        },
      });
      changes.push({ table: 'targets', delete: t.id });
    }
    return changes;
  }

  private releaseTaskOwner(ownerId: string, replacement: string | undefined): Change[] {
    const changes: Change[] = [];
    for (const campaign of this.store.all('campaigns')) {
      if (!campaign.tasks.some((task) => task.ownerContactId === ownerId)) continue;
      const tasks = campaign.tasks.map((task) =>
        task.ownerContactId === ownerId ? { ...task, ownerContactId: replacement } : task,
      );
      changes.push({ table: 'campaigns', put: { ...campaign, tasks } });
    }
    return changes;
  }
}
