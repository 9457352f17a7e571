/**
 * What sharing a campaign with a coalition sends: the campaign (milestones and tasks in it), its
 * targets with their stance history, its outreach log, the templates its letters use (and any
 * chosen besides), its letter records without their files, and the contacts all of these name.
 *
 * Contacts: officials travel as they are; anyone else travels only under a code name, unless
 * their owner ticked "share identity" for them (`Contact.shareIdentity`); a contact marked
 * sensitive never travels, nor does any target, interaction or letter about them (a task they
 * own loses its owner).
 */
import type { Campaign, Task } from '../domain/campaign';
import type { Id } from '../domain/common';
import type { Contact } from '../domain/contact';
import type { Interaction } from '../domain/interaction';
import type { Letter } from '../domain/letter';
import type { Organization } from '../domain/organization';
import type { Target } from '../domain/target';
import type { Template } from '../domain/template';
import { SHARED_KINDS, type SharedKind, type SharedRecord } from './shared-record';

export interface WorkspaceRecords {
  campaigns: readonly Campaign[];
  contacts: readonly Contact[];
  organizations: readonly Organization[];
  targets: readonly Target[];
  interactions: readonly Interaction[];
  templates: readonly Template[];
  letters: readonly Letter[];
}

export interface ShareOptions {
  /** Templates to share besides those the campaign's letters were made from. */
  templateIds?: readonly Id[];
  /**
   * The coalition's alias of each code-named contact (`contactAliasOf`): given, they travel
   * under it, and every reference to them too, so that one person's records cannot be linked
   * across coalitions by their id. Must hold every code-named contact shared.
   */
  aliases?: ReadonlyMap<Id, Id>;
}

/** A contact as it travels without its identity. */
export interface CodeNamedContact {
  id: Id;
  createdAt: string;
  updatedAt: string;
  kind: Contact['kind'];
  /** Absent when the owner has not given one yet: see `missingCodeNames`. */
  codeName?: string;
  codeNamed: true;
}

/** A letter record as it travels: never the file, nor (to a code-named contact) its text. */
export type SharedLetter = Omit<Letter, 'fileName' | 'docxSha256' | 'renderedText' | 'subject'> &
  Partial<Pick<Letter, 'renderedText' | 'subject'>>;

export interface SharedItem {
  kind: SharedKind;
  record: SharedRecord;
}

export interface CampaignShare {
  /** Sorted by kind (campaign first), then id: the same input gives the same list. */
  items: SharedItem[];
  /** Code-named contacts without a code name: the share should wait until they have one. */
  missingCodeNames: Id[];
  /** How many sensitive contacts were left out (with what is about them). */
  withheldSensitive: number;
}

export class CampaignNotFoundError extends Error {
  constructor(readonly campaignId: Id) {
    super(`No campaign ${campaignId} to share`);
    this.name = 'CampaignNotFoundError';
  }
}

export function campaignShare(
  campaignId: Id,
  workspace: WorkspaceRecords,
  options: ShareOptions = {},
): CampaignShare {
  const campaign = workspace.campaigns.find((c) => c.id === campaignId);
  if (!campaign) throw new CampaignNotFoundError(campaignId);
  const contacts = new Map(workspace.contacts.map((c) => [c.id, c]));
  const sensitive = (id: Id | undefined) => Boolean(id && contacts.get(id)?.sensitive);
  const withheld = new Set<Id>();
  const about = <T extends { contactId: Id }>(records: readonly T[]) =>
    records.filter((record) => {
      if (!sensitive(record.contactId)) return true;
      withheld.add(record.contactId);
      return false;
    });

  const targets = about(workspace.targets.filter((t) => t.campaignId === campaignId));
  const interactions = about(workspace.interactions.filter((i) => i.campaignId === campaignId));
  const letters = about(workspace.letters.filter((l) => l.campaignId === campaignId));
  const tasks = campaign.tasks.map((task): Task => {
    if (!sensitive(task.ownerContactId)) return task;
    if (task.ownerContactId) withheld.add(task.ownerContactId);
    const { ownerContactId: _hidden, ...rest } = task;
    return rest;
  });

  const named = [
    ...targets.map((t) => t.contactId),
    ...interactions.map((i) => i.contactId),
    ...letters.map((l) => l.contactId),
    ...tasks.flatMap((t) => (t.ownerContactId ? [t.ownerContactId] : [])),
  ];
  const items: SharedItem[] = [{ kind: 'campaign', record: { ...campaign, tasks } }];
  const identified = new Set<Id>();
  const missingCodeNames: Id[] = [];
  const organizationIds = new Set<Id>();
  for (const id of new Set(named)) {
    const contact = contacts.get(id);
    if (!contact) continue;
    if (contact.kind === 'official' || contact.shareIdentity) {
      identified.add(id);
      if (contact.organizationId) organizationIds.add(contact.organizationId);
      items.push({ kind: 'contact', record: contact });
      continue;
    }
    const codeName = contact.codeName;
    if (!codeName) missingCodeNames.push(id);
    const projected: CodeNamedContact = {
      id,
      createdAt: contact.createdAt,
      updatedAt: contact.updatedAt,
      kind: contact.kind,
      ...(codeName && { codeName }),
      codeNamed: true,
    };
    items.push({ kind: 'contact', record: { ...projected } });
  }
  for (const organization of workspace.organizations) {
    if (organizationIds.has(organization.id))
      items.push({ kind: 'organization', record: organization });
  }
  for (const target of targets) items.push({ kind: 'target', record: target });
  for (const interaction of interactions) items.push({ kind: 'interaction', record: interaction });
  for (const letter of letters) {
    const { fileName: _file, docxSha256: _hash, renderedText, subject, ...rest } = letter;
    const shared: SharedLetter = identified.has(letter.contactId)
      ? { ...rest, renderedText, ...(subject !== undefined && { subject }) }
      : rest;
    items.push({ kind: 'letter', record: { ...shared } });
  }
  const templateIds = new Set([
    ...letters.flatMap((l) => (l.templateId ? [l.templateId] : [])),
    ...(options.templateIds ?? []),
  ]);
  for (const template of workspace.templates) {
    if (templateIds.has(template.id)) items.push({ kind: 'template', record: template });
  }

  if (options.aliases) {
    const codeNamed = new Set(
      items
        .filter((i) => i.kind === 'contact' && !identified.has(i.record.id))
        .map((i) => i.record.id),
    );
    const aliased = withAliases(items, codeNamed, options.aliases);
    items.splice(0, items.length, ...aliased);
  }
  const rank = (kind: SharedKind) => SHARED_KINDS.indexOf(kind);
  items.sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
  );
  return { items, missingCodeNames: missingCodeNames.sort(), withheldSensitive: withheld.size };
}

/** The items with every code-named contact's id, and every reference to it, replaced by its alias. */
function withAliases(
  items: readonly SharedItem[],
  codeNamed: ReadonlySet<Id>,
  aliases: ReadonlyMap<Id, Id>,
): SharedItem[] {
  const alias = (id: Id | undefined): Id | undefined => {
    if (id === undefined || !codeNamed.has(id)) return id;
    const value = aliases.get(id);
    if (!value) throw new Error(`No coalition alias for code-named contact ${id}`);
    return value;
  };
  return items.map(({ kind, record }): SharedItem => {
    if (kind === 'contact')
      return { kind, record: { ...record, id: alias(record.id) ?? record.id } };
    if (kind === 'campaign') {
      const tasks = (record['tasks'] as Task[]).map((task) =>
        task.ownerContactId ? { ...task, ownerContactId: alias(task.ownerContactId) } : task,
      );
      return { kind, record: { ...record, tasks } };
    }
    const contactId = record['contactId'];
    if (typeof contactId === 'string')
      return { kind, record: { ...record, contactId: alias(contactId) } };
    return { kind, record };
  });
}
