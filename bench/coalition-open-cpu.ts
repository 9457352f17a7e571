/**
 * The engine's opening of a new member's ~11,000 sealed documents alone (no replication), in
 * client CPU time (process.cpuUsage, WebCrypto's pool included), best and median of rounds:
 * opening a pull's slices of 100 (decryption, decoding, the body's and the id's checks), the
 * decryptions alone (the floor WebCrypto sets), the document-id check, the record's schema check.
 * With BASE_ROOT=<a checkout's root> that checkout's opening runs in the same rounds (a
 * before/after that a loaded machine disturbs less than whole receives). Run:
 * npx tsx --tsconfig tsconfig.test.json bench/coalition-open-cpu.ts [rounds]
 */
import { execSync } from 'node:child_process';
import path from 'node:path';
import {
  deriveCoalitionKeys,
  isDocumentIdOf,
  newCoalitionKey,
} from '@core/coalition/coalition-key';
import type { CoalitionKeys } from '@core/coalition/coalition-key';
import type { openDocument } from '@core/coalition/sealed-document';
import { openDocuments, type DocumentBody } from '@core/coalition/sealed-document';
import type { checkSharedRecord } from '@core/coalition/shared-schemas';
import { checkedRecordOf } from '@core/coalition/shared-schemas';
import type { StoredDocument } from '@core/coalition/sync/replica-database';
import { fromBase64, utf8 } from '@core/crypto/bytes';
import { campaignOwner } from './coalition-fixture';
import { median } from './types';

const SLICE = 100;

interface Base {
  keys: CoalitionKeys;
  openDocument: typeof openDocument;
  isDocumentIdOf: typeof isDocumentIdOf;
  checkSharedRecord: typeof checkSharedRecord;
}

async function baseOf(root: string, key: Uint8Array<ArrayBuffer>): Promise<Base> {
  const at = (file: string) => import(path.join(path.resolve(root), 'src/core/coalition', file));
  const sealed = (await at('sealed-document.ts')) as Pick<Base, 'openDocument'>;
  const ids = (await at('coalition-key.ts')) as Pick<Base, 'isDocumentIdOf'> & {
    deriveCoalitionKeys: typeof deriveCoalitionKeys;
  };
  const schemas = (await at('shared-schemas.ts')) as Pick<Base, 'checkSharedRecord'>;
  return { ...sealed, ...ids, ...schemas, keys: await ids.deriveCoalitionKeys(key) };
}

async function cpu(work: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function inSlices(
  docs: readonly StoredDocument[],
  open: (slice: StoredDocument[]) => unknown,
) {
  for (let start = 0; start < docs.length; start += SLICE)
    await open(docs.slice(start, start + SLICE));
}

async function main() {
  console.log(`uptime before: ${execSync('uptime').toString().trim()}`);
  const key = newCoalitionKey();
  const { replica: owner } = await campaignOwner(key);
  await owner.push();
  const { rows } = await owner.db.allDocs({ include_docs: true });
  const docs = rows.flatMap((row) => (row.doc && !row.id.startsWith('_') ? [row.doc] : []));
  const keys = await deriveCoalitionKeys(key);
  const bodies = (await openDocuments(docs, keys)) as DocumentBody[];
  const opened = bodies.map((body, index) => ({ id: (docs[index] as StoredDocument)._id, body }));
  const parts = docs.map((doc) => {
    const { _id, key: keyId, iv, data } = doc as unknown as Record<string, string>;
    const context = `tadamun:coalition-document:2:${keyId}:${_id}`;
    return { iv: fromBase64(iv ?? ''), data: fromBase64(data ?? '').buffer, context };
  });
  const root = process.env['BASE_ROOT'];
  const base = root ? await baseOf(root, key) : undefined;

  const steps: Record<string, () => unknown> = {
    'open, slices of 100': () => inSlices(docs, (slice) => openDocuments(slice, keys)),
    'decryptions alone': () =>
      inSlices(parts as unknown as StoredDocument[], (slice) =>
        Promise.all(
          (slice as unknown as typeof parts).map((part) =>
            crypto.subtle.decrypt(
              { name: 'AES-GCM', iv: part.iv, additionalData: utf8.encode(part.context) },
              keys.sealKey,
              part.data,
            ),
          ),
        ),
      ),
    'document-id check': () => {
      for (const { id, body } of opened) isDocumentIdOf(keys, id, body.kind, body.record.id);
    },
    'record check': () => {
      for (const { id, body } of opened) checkedRecordOf(id, body.kind, body.record);
    },
  };
  if (base) {
    steps['base: open, slices of 100'] = () =>
      inSlices(docs, (slice) => Promise.all(slice.map((doc) => base.openDocument(doc, base.keys))));
    steps['base: document-id check'] = () => {
      for (const { id, body } of opened)
        base.isDocumentIdOf(base.keys, id, body.kind, body.record.id);
    };
    steps['base: record check'] = () => {
      for (const { id, body } of opened) base.checkSharedRecord(id, body.kind, body.record);
    };
  }
  const figures = new Map<string, number[]>(Object.keys(steps).map((name) => [name, []]));
  for (let round = 0; round < Number(process.argv[2] ?? 8); round++)
    for (const [name, step] of Object.entries(steps)) figures.get(name)?.push(await cpu(step));
  for (const [name, values] of figures)
    console.log(
      `${name}: best ${Math.min(...values).toFixed(0)} ms, median ${median(values).toFixed(0)} ms CPU per ${docs.length} documents`,
    );
  console.log(`uptime after: ${execSync('uptime').toString().trim()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
