/**
 * Removing a member: a new coalition key (and, in the replication layer, a new database), and
 * what was shared sealed again under it. The removed member keeps what they already received
 * but cannot open anything written after; documents still sealed under the old key are refused
 * as 'old-key' by everyone who has rotated.
 */
import { deriveCoalitionKeys, newCoalitionKey, type CoalitionKeys } from './coalition-key';
import { RefusedDocumentError } from './errors';
import { openDocument, sealDocument, type SealedDocument } from './sealed-document';

/**
 * One step of a coalition's key history: the key replaced, and an HMAC under it of the id of
 * the key that replaced it. Key ids are public (every document carries one); the proof shows
 * that whoever made the next key held this one, so an invitation cannot take over a member's
 * coalition by naming its key id alone.
 */
export interface KeyLink {
  keyId: string;
  /** 64 hex digits. */
  proof: string;
}

export interface RotatedKey {
  /** The new key's bytes: for the workspace (sealed) and for the new invitations. */
  raw: Uint8Array<ArrayBuffer>;
  keys: CoalitionKeys;
  /** The key ids to refuse as 'old-key' from now on: the previous ones and the one replaced. */
  retiredKeyIds: string[];
  /** The replaced key's link to the new one (appended to the coalition's `keyLinks`). */
  link: KeyLink;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The proof, under `from`, that the key `nextKeyId` replaced it (the same bytes WebCrypto's HMAC gave). */
export async function keyLinkProof(from: CoalitionKeys, nextKeyId: string): Promise<string> {
  return Promise.resolve(hex(from.idKey.mac(`key-rotation\n${nextKeyId}`)));
}

/**
 * Whether a chain of links (oldest first, ending at `currentKeyId`) leads from the key `held`
 * to the current one, as far as `held` can tell: its own link must carry a valid proof.
 */
export async function linksFrom(
  held: CoalitionKeys,
  links: readonly KeyLink[],
  currentKeyId: string,
): Promise<boolean> {
  const index = links.findIndex((link) => link.keyId === held.keyId);
  if (index < 0) return false;
  const next = links[index + 1]?.keyId ?? currentKeyId;
  return (await keyLinkProof(held, next)) === links[index]?.proof;
}

export async function rotateCoalitionKey(
  current: CoalitionKeys,
  retiredKeyIds: readonly string[] = [],
): Promise<RotatedKey> {
  const raw = newCoalitionKey();
  const keys = await deriveCoalitionKeys(raw);
  return {
    raw,
    keys,
    retiredKeyIds: [...new Set([...retiredKeyIds, current.keyId])],
    link: { keyId: current.keyId, proof: await keyLinkProof(current, keys.keyId) },
  };
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
