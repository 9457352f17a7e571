/**
 * What the coalition benchmark shares: a campaign of 500 targets × 20 interactions built into
 * a memory workspace, and the CouchDB-compatible server in a child process (its work does not
 * count as the client's event-loop blocking, nor as the browser's).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { campaignSchema, contactSchema, interactionSchema, targetSchema } from '@core/index';
import type { Campaign } from '@core/domain/campaign';
import { MemoryWorkspace } from '@core/coalition/sync/memory-workspace';
import type { CoalitionSyncConfig } from '@core/coalition/sync/ports';
import { CoalitionReplica } from '@core/coalition/sync/replica';
import { memoryReplica } from '../test/helpers/couch-server';

export const TARGETS = 500;
export const INTERACTIONS_PER_TARGET = 20;
const AT = '2026-11-01T09:00:00.000Z';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The engine's configuration of a bench member sharing `campaigns`. */
export const config = (
  key: Uint8Array<ArrayBuffer>,
  memberId: string,
  campaigns: string[],
): CoalitionSyncConfig => ({
  coalitionId: 'bench',
  key,
  memberId,
  retiredKeyIds: [],
  sharedCampaigns: campaigns.map((campaignId) => ({ campaignId, templateIds: [] })),
});

/** The member who shares the campaign: a memory workspace holding it, and its replica. */
export async function campaignOwner(key: Uint8Array<ArrayBuffer>, memberId = 'owner') {
  const workspace = new MemoryWorkspace();
  const campaign = campaignRecords(workspace);
  const replica = await CoalitionReplica.open(
    memoryReplica('owner'),
    config(key, memberId, [campaign.id]),
    workspace,
  );
  return { workspace, campaign, replica };
}

/** Puts the campaign, its officials, targets and outreach log into `workspace`. */
export function campaignRecords(workspace: MemoryWorkspace, targets = TARGETS): Campaign {
  let n = 0;
  const base = () => ({ id: uuid(++n), createdAt: AT, updatedAt: AT });
  const campaign = campaignSchema.parse({ ...base(), name: 'Ordinance 2026-14 — قانون' });
  workspace.put('campaigns', campaign);
  for (let t = 0; t < targets; t++) {
    const contact = contactSchema.parse({
      ...base(),
      kind: 'official',
      displayName: t % 2 ? `Councillor ${t}` : `النائبة رقم ${t}`,
      emails: [{ value: `official${t}@example.org` }],
    });
    const target = targetSchema.parse({
      ...base(),
      campaignId: campaign.id,
      contactId: contact.id,
    });
    workspace.put('contacts', contact);
    workspace.put('targets', target);
    for (let i = 0; i < INTERACTIONS_PER_TARGET; i++) {
      workspace.put(
        'interactions',
        interactionSchema.parse({
          ...base(),
          campaignId: campaign.id,
          contactId: contact.id,
          kind: i % 2 ? 'call' : 'email',
          occurredAt: AT,
          notes: i % 3 ? `Call ${i}: asked about the ordinance` : `مكالمة ${i} حول القانون`,
        }),
      );
    }
  }
  return campaign;
}

export interface BenchServer {
  child: ChildProcess;
  url: string;
  create(name: string): Promise<void>;
}

/** express-pouchdb on 127.0.0.1 in a child process (bench/coalition-server.ts). */
export function startServer(): Promise<BenchServer> {
  const child = fork(path.resolve(import.meta.dirname, 'coalition-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message: { url: string }) =>
      resolve({
        child,
        url: message.url,
        create: (name) =>
          new Promise<void>((done) => {
            const listener = (reply: { created?: string }) => {
              if (reply.created !== name) return;
              child.off('message', listener);
              done();
            };
            child.on('message', listener);
            child.send({ create: name });
          }),
      }),
    );
  });
}

/** The workspace's shared records as raw PouchDB documents (unencrypted, `_id` the record's id). */
export function plainDocuments(workspace: MemoryWorkspace) {
  const records = workspace.records();
  return [
    ...records.campaigns,
    ...records.contacts,
    ...records.targets,
    ...records.interactions,
  ].map((record) => ({ ...record, _id: record.id }));
}
