/** A small shared campaign and three laptops around one server, for the sync engine's tests. */
import {
  campaignSchema,
  contactSchema,
  interactionSchema,
  letterSchema,
  targetSchema,
  templateSchema,
} from '@core/index';
import { newCoalitionKey } from '@core/coalition/coalition-key';
import type { CoalitionSyncConfig } from '@core/coalition/sync/ports';
import { MemoryWorkspace } from '@core/coalition/sync/memory-workspace';
import { CoalitionReplica } from '@core/coalition/sync/replica';
import type { ReplicaDatabase } from '@core/coalition/sync/replica-database';
import { memoryReplica } from '../../../../helpers/couch-server';

export const LATIN_MARKER = 'Zephyrine-Quillfeather';
export const ARABIC_MARKER = 'سلمى-الخطيب-المميزة';
export const AT = '2026-11-01T09:00:00.000Z';

let counter = 0;
export const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const base = () => ({ id: newId(), createdAt: AT, updatedAt: AT });

/** A campaign with an official target (Latin marker), a code-named volunteer (Arabic marker). */
export function seededWorkspace() {
  const workspace = new MemoryWorkspace();
  const official = contactSchema.parse({
    ...base(),
    kind: 'official',
    displayName: `Councillor ${LATIN_MARKER}`,
  });
  const volunteer = contactSchema.parse({
    ...base(),
    kind: 'volunteer',
    displayName: ARABIC_MARKER,
    codeName: 'Falcon',
    phones: [{ value: '+961 1 234 567' }],
  });
  const campaign = campaignSchema.parse({
    ...base(),
    name: 'Ordinance 2026-14',
    milestones: [{ id: newId(), title: 'Committee vote' }],
    tasks: [{ id: newId(), title: 'Call the councillor', ownerContactId: volunteer.id }],
  });
  const target = targetSchema.parse({
    ...base(),
    campaignId: campaign.id,
    contactId: official.id,
    stance: 'undecided',
  });
  const template = templateSchema.parse({ ...base(), name: 'Ask letter', body: 'Dear {{ name }}' });
  const interaction = interactionSchema.parse({
    ...base(),
    campaignId: campaign.id,
    contactId: volunteer.id,
    kind: 'meeting',
    occurredAt: AT,
    notes: `Met ${LATIN_MARKER}`,
  });
  const letter = letterSchema.parse({
    ...base(),
    campaignId: campaign.id,
    templateId: template.id,
    contactId: official.id,
    renderedText: `Dear ${LATIN_MARKER}`,
    fileName: 'letter.docx',
  });
  workspace.put('contacts', official, volunteer);
  workspace.put('campaigns', campaign);
  workspace.put('targets', target);
  workspace.put('templates', template);
  workspace.put('interactions', interaction);
  workspace.put('letters', letter);
  return { workspace, official, volunteer, campaign, target, template, interaction, letter };
}

export interface Laptop {
  workspace: MemoryWorkspace;
  db: ReplicaDatabase;
  replica: CoalitionReplica;
  config: CoalitionSyncConfig;
}

/** A clock shared by the laptops of a test: one second per reading. */
export function testClock(start = Date.UTC(2026, 11, 7, 9)) {
  let t = start;
  return () => (t += 1000);
}

export async function laptop(
  member: string,
  key: Uint8Array<ArrayBuffer>,
  workspace = new MemoryWorkspace(),
  campaignIds: string[] = [],
  now = testClock(),
): Promise<Laptop> {
  const config: CoalitionSyncConfig = {
    coalitionId: 'coalition-1',
    key,
    memberId: member,
    retiredKeyIds: [],
    sharedCampaigns: campaignIds.map((campaignId) => ({ campaignId, templateIds: [] })),
  };
  const db = memoryReplica(member);
  const replica = await CoalitionReplica.open(db, config, workspace, { now });
  return { workspace, db, replica, config };
}

export { newCoalitionKey };

/** The value, or a failed test saying it was missing. */
export function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}
