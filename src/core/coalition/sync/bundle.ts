/**
 * Sharing without a server (issue 20, item 7): a campaign's sealed documents, every revision
 * leaf with its history (conflicts included), in one file under a one-time passphrase. Importing
 * writes them into the local replica as replication would (`new_edits: false`), so the next pull
 * merges them by the same rules. The documents stay sealed under the coalition key inside; the
 * passphrase only guards the file's list of documents (their number, ids and revisions).
 */
import { z } from 'zod';
import type { Argon2idDeriver, KdfCost } from '../../crypto/kdf';
import type { CoalitionKeys } from '../coalition-key';
import { RefusedDocumentError } from '../errors';
import {
  openPassphraseFile,
  PassphraseFileError,
  readPassphraseFile,
  sealPassphraseFile,
  type PassphraseFileProblem,
} from '../passphrase-file';
import { openDocument, type DocumentBody } from '../sealed-document';
import type { ReplicaDatabase, StoredDocument } from './replica-database';

export const BUNDLE_FORMAT = 'tadamun-coalition-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = 'tadamun-bundle';

export type BundleProblem =
  /** Not a bundle file at all. */
  | 'not-a-bundle'
  /** Cut short or changed in transit: the checksum or the structure is wrong. */
  | 'damaged'
  /** Made by a newer version of Tadamun. */
  | 'newer-version'
  /** The passphrase does not open it (or someone altered it and fixed the checksum). */
  | 'wrong-passphrase'
  /** Made for another coalition (or under a key this coalition has rotated away from). */
  | 'another-coalition';

export class BundleError extends Error {
  constructor(readonly problem: BundleProblem) {
    super(`Coalition bundle refused: ${problem}`);
    this.name = 'BundleError';
  }
}

/** The coalition key id the documents are sealed under is public, as on the server. */
const KIND = {
  format: BUNDLE_FORMAT,
  version: BUNDLE_VERSION,
  fields: { keyId: z.string().regex(/^[0-9a-f]{32}$/) },
};

export interface BundleOptions {
  /** Only this campaign and what it names; every shared document when absent. */
  campaignId?: string;
  retiredKeyIds?: readonly string[];
  cost?: KdfCost;
  argon2id?: Argon2idDeriver;
}

export interface ExportedBundle {
  /** The file's text (JSON). */
  file: string;
  /** The one-time passphrase, to pass on separately. */
  passphrase: string;
  /** How many documents (record ids) it holds. */
  documents: number;
}

/** The ids of the documents a campaign's bundle holds: its records and those they name. */
async function documentIdsOf(
  db: ReplicaDatabase,
  keys: CoalitionKeys,
  options: BundleOptions,
): Promise<string[]> {
  const { rows } = await db.allDocs({ include_docs: true });
  const opened: { id: string; body: DocumentBody }[] = [];
  for (const row of rows) {
    if (!row.doc || row.id.startsWith('_')) continue;
    try {
      opened.push({
        id: row.id,
        body: await openDocument(row.doc, keys, { retiredKeyIds: options.retiredKeyIds }),
      });
    } catch (error) {
      // A document that does not open is not carried into a bundle.
      if (!(error instanceof RefusedDocumentError)) throw error;
    }
  }
  const { campaignId } = options;
  if (campaignId === undefined) return opened.map((o) => o.id);
  const chosen = new Set<string>();
  const named = new Set<string>();
  const name = (value: unknown) => typeof value === 'string' && named.add(value);
  for (const { id, body } of opened) {
    const record = body.record;
    const inCampaign =
      (body.kind === 'campaign' && record.id === campaignId) || record['campaignId'] === campaignId;
    if (!inCampaign) continue;
    chosen.add(id);
    name(record['contactId']);
    name(record['templateId']);
    if (Array.isArray(record['tasks']))
      for (const task of record['tasks'] as Record<string, unknown>[]) name(task['ownerContactId']);
  }
  const organizations = new Set<string>();
  for (const { id, body } of opened) {
    if ((body.kind === 'contact' || body.kind === 'template') && named.has(body.record.id)) {
      chosen.add(id);
      const organizationId = body.record['organizationId'];
      if (body.kind === 'contact' && typeof organizationId === 'string')
        organizations.add(organizationId);
    }
  }
  for (const { id, body } of opened)
    if (body.kind === 'organization' && organizations.has(body.record.id)) chosen.add(id);
  return [...chosen].sort();
}

/** Every leaf revision of each document, with its revision history (`_revisions`). */
async function leavesOf(db: ReplicaDatabase, ids: readonly string[]): Promise<unknown[]> {
  const documents: unknown[] = [];
  for (const id of ids) {
    const leaves = (await db.get(id, { revs: true, open_revs: 'all' })) as unknown as {
      ok?: StoredDocument;
    }[];
    for (const leaf of leaves) if (leaf.ok) documents.push(leaf.ok);
  }
  return documents;
}

export async function exportBundle(
  db: ReplicaDatabase,
  keys: CoalitionKeys,
  options: BundleOptions = {},
): Promise<ExportedBundle> {
  const ids = await documentIdsOf(db, keys, options);
  const documents = await leavesOf(db, ids);
  const { file, passphrase } = await sealPassphraseFile(
    KIND,
    { keyId: keys.keyId },
    { documents },
    options,
  );
  return { file, passphrase, documents: ids.length };
}

const revisionSchema = z.looseObject({
  _id: z.string().regex(/^[0-9a-f]{64}$/),
  _rev: z.string().min(1),
  _revisions: z.object({ start: z.number().int().min(1), ids: z.array(z.string()).min(1) }),
});
const contentSchema = z.object({ documents: z.array(revisionSchema) });

/** Bundle problems for the passphrase file's own. */
const PROBLEMS: Record<PassphraseFileProblem, BundleProblem> = {
  'not-this-format': 'not-a-bundle',
  'newer-version': 'newer-version',
  damaged: 'damaged',
  'wrong-passphrase': 'wrong-passphrase',
  'invalid-content': 'damaged',
};

const asBundleError = (error: unknown) =>
  error instanceof PassphraseFileError ? new BundleError(PROBLEMS[error.problem]) : error;

export interface ImportedBundle {
  /** Revisions written into the replica (the pull that follows merges them). */
  revisions: number;
}

/**
 * Writes a bundle's revisions into the local replica; BundleError says what is wrong (the
 * coalition is checked before the passphrase, so another coalition's file costs no KDF).
 * Documents inside that do not open are refused by the pull like any replicated document.
 */
export async function importBundle(
  db: ReplicaDatabase,
  keys: CoalitionKeys,
  text: string,
  passphrase: string,
  argon2id?: Argon2idDeriver,
): Promise<ImportedBundle> {
  let content: z.output<typeof contentSchema>;
  try {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new BundleError(text.trimStart().startsWith('{') ? 'damaged' : 'not-a-bundle');
    }
    const file = await readPassphraseFile(KIND, json);
    if (file.fields['keyId'] !== keys.keyId) throw new BundleError('another-coalition');
    const parsed = contentSchema.safeParse(
      await openPassphraseFile(KIND, file, passphrase, argon2id),
    );
    if (!parsed.success) throw new BundleError('damaged');
    content = parsed.data;
  } catch (error) {
    throw asBundleError(error);
  }
  const results = await db.bulkDocs(content.documents, { new_edits: false });
  const failed = results.filter((r) => r.error);
  if (failed.length) throw new Error(`The replica refused ${failed.length} bundle revisions`);
  return { revisions: content.documents.length };
}
