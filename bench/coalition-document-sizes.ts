/**
 * The size of the sealed documents CouchDB stores for the coalition benchmark's campaign, per
 * kind (characters of the document's JSON, `_rev` left out), the sealing member's id a UUID as
 * in the app, beside the same records unencrypted. Run:
 * `npx tsx --tsconfig tsconfig.test.json bench/coalition-document-sizes.ts`.
 */
import { utf8 } from '@core/crypto/bytes';
import { compactBody } from '@core/coalition/compact-body';
import { deriveCoalitionKeys, newCoalitionKey } from '@core/coalition/coalition-key';
import { openDocument } from '@core/coalition/sealed-document';
import { MemoryWorkspace } from '@core/coalition/sync/memory-workspace';
import { CoalitionReplica } from '@core/coalition/sync/replica';
import { memoryReplica } from '../test/helpers/couch-server';
import { campaignRecords } from './coalition-fixture';
import { median } from './types';

async function main() {
  const key = newCoalitionKey();
  const workspace = new MemoryWorkspace();
  const campaign = campaignRecords(workspace, 20);
  const db = memoryReplica('sizes');
  const replica = await CoalitionReplica.open(
    db,
    {
      coalitionId: 'sizes',
      key,
      memberId: crypto.randomUUID(),
      retiredKeyIds: [],
      sharedCampaigns: [{ campaignId: campaign.id, templateIds: [] }],
    },
    workspace,
  );
  await replica.push();
  const keys = await deriveCoalitionKeys(key);
  const { rows } = await db.allDocs({ include_docs: true });
  const sealed = new Map<string, number[]>();
  const plain = new Map<string, number[]>();
  const bodies = new Map<string, number[][]>();
  for (const row of rows) {
    if (!row.doc || row.id.startsWith('_')) continue;
    const { _rev, ...stored } = row.doc as Record<string, unknown>;
    void _rev;
    const body = await openDocument(stored, keys);
    sealed.set(body.kind, [...(sealed.get(body.kind) ?? []), JSON.stringify(stored).length]);
    const raw = JSON.stringify({ ...body.record, _id: body.record.id });
    const bytes = (value: unknown) => utf8.encode(JSON.stringify(value)).byteLength;
    bodies.set(body.kind, [
      ...(bodies.get(body.kind) ?? []),
      [bytes(body), bytes(compactBody(body))],
    ]);
    plain.set(body.kind, [...(plain.get(body.kind) ?? []), raw.length]);
  }
  for (const [kind, sizes] of sealed) {
    const raw = plain.get(kind) ?? [];
    const [v1 = [], v2 = []] = [0, 1].map((at) => (bodies.get(kind) ?? []).map((b) => b[at] ?? 0));
    console.log(
      `${kind}: ${sizes.length} documents, stored ${median(sizes)} characters (${Math.min(...sizes)}–${Math.max(...sizes)}), raw ${median(raw)} (${Math.min(...raw)}–${Math.max(...raw)}); body before padding ${median(v1)} bytes as version 1 wrote it, ${median(v2)} as version 2 does`,
    );
  }
  await db.destroy();
}

void main();
