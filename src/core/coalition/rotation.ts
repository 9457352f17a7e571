/**
 * Removing a member: a new coalition key (and, in the replication layer, a new database), and
 * what was shared sealed again under it. The removed member keeps what they already received
 * but cannot open anything written after; documents still sealed under the old key are refused
 * as 'old-key' by everyone who has rotated.
 */
import { deriveCoalitionKeys, newCoalitionKey, type CoalitionKeys } from './coalition-key';
import { RefusedDocumentError } from './errors';
import { openDocument, sealDocument, type SealedDocument } from './sealed-document';

export interface RotatedKey {
  /** The new key's bytes: for the workspace (sealed) and for the new invitations. */
  raw: Uint8Array<ArrayBuffer>;
  keys: CoalitionKeys;
  /** The key ids to refuse as 'old-key' from now on: the previous ones and the one replaced. */
  retiredKeyIds: string[];
}

export async function rotateCoalitionKey(
  current: CoalitionKeys,
  retiredKeyIds: readonly string[] = [],
): Promise<RotatedKey> {
  const raw = newCoalitionKey();
  const keys = await deriveCoalitionKeys(raw);
  return { raw, keys, retiredKeyIds: [...new Set([...retiredKeyIds, current.keyId])] };
}

export interface Resealed {
  /** The same revisions under the new key and their new ids, without engine revisions. */
  documents: SealedDocument[];
  /** Documents that did not open under the old key: not carried over. */
  refused: RefusedDocumentError[];
}

/**
 * Seals the replica's documents again under the new key, each as written by `author`. Merge
 * conflicts first: only the given revision of each document is carried over.
 */
export async function resealDocuments(
  documents: readonly unknown[],
  from: CoalitionKeys,
  to: CoalitionKeys,
  author: string,
): Promise<Resealed> {
  const resealed: SealedDocument[] = [];
  const refused: RefusedDocumentError[] = [];
  for (const document of documents) {
    try {
      const { kind, record, clocks } = await openDocument(document, from);
      resealed.push(await sealDocument(to, { kind, record, clocks, author }));
    } catch (error) {
      if (!(error instanceof RefusedDocumentError)) throw error;
      refused.push(error);
    }
  }
  return { documents: resealed, refused };
}
