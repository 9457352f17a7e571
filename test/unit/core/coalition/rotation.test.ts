import { describe, expect, it } from 'vitest';
import { deriveCoalitionKeys, newCoalitionKey } from '@core/coalition/coalition-key';
import { RefusedDocumentError } from '@core/coalition/errors';
import { formatHlc } from '@core/coalition/hlc';
import { stampEdit } from '@core/coalition/record-clocks';
import {
  keyLinkProof,
  linksFrom,
  resealDocuments,
  rotateCoalitionKey,
} from '@core/coalition/rotation';
import { openDocument, sealDocument } from '@core/coalition/sealed-document';
import { utf8 } from '@core/crypto/bytes';
import { webCryptoIdKey } from '../../../helpers/webcrypto-id-key';

const HLC = formatHlc({ wall: Date.parse('2026-12-01T10:00:00Z'), counter: 0, member: 'm-amal' });

async function sealedContact(keys: Awaited<ReturnType<typeof deriveCoalitionKeys>>, n: number) {
  const record = {
    id: `0c3a4b5c-0000-4000-8000-00000000000${n}`,
    kind: 'official',
    displayName: `Official ${n}`,
  };
  const { clocks } = stampEdit('contact', undefined, record, HLC);
  return sealDocument(keys, { kind: 'contact', record, clocks, author: 'm-amal' });
}

describe('removing a member: a new key', () => {
  it('proves a key link with the HMAC WebCrypto gave under the HKDF-derived id key', async () => {
    const raw = newCoalitionKey();
    const idKey = await webCryptoIdKey(raw);
    const next = 'a'.repeat(32);
    const mac = await crypto.subtle.sign('HMAC', idKey, utf8.encode(`key-rotation\n${next}`));
    const expected = Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    expect(await keyLinkProof(await deriveCoalitionKeys(raw), next)).toBe(expected);
  });

  it('links each replaced key to the next with a proof only its holders can make', async () => {
    const k0 = await deriveCoalitionKeys(newCoalitionKey());
    const first = await rotateCoalitionKey(k0);
    const second = await rotateCoalitionKey(first.keys, first.retiredKeyIds);
    expect(first.link).toEqual({
      keyId: k0.keyId,
      proof: await keyLinkProof(k0, first.keys.keyId),
    });
    const links = [first.link, second.link];
    const current = second.keys.keyId;
    // A member still under k0, or under the key after it, finds its link valid.
    expect(await linksFrom(k0, links, current)).toBe(true);
    expect(await linksFrom(first.keys, links, current)).toBe(true);
    // A proof made up, a link cut out, a key not in the chain: no.
    const forged = [{ keyId: k0.keyId, proof: 'ab'.repeat(32) }, second.link];
    expect(await linksFrom(k0, forged, current)).toBe(false);
    expect(await linksFrom(k0, [first.link], current)).toBe(false);
    const stranger = await deriveCoalitionKeys(newCoalitionKey());
    expect(await linksFrom(stranger, links, current)).toBe(false);
  });

  it('seals what was shared again; the old key opens none of it, and old documents are refused as old', async () => {
    const old = await deriveCoalitionKeys(newCoalitionKey());
    const before = [await sealedContact(old, 1), await sealedContact(old, 2)];
    const rotated = await rotateCoalitionKey(old, ['0'.repeat(32)]);
    expect(rotated.retiredKeyIds).toEqual(['0'.repeat(32), old.keyId]);
    expect(rotated.keys.keyId).not.toBe(old.keyId);

    const { documents, refused } = await resealDocuments(before, old, rotated.keys, 'm-basil');
    expect(refused).toEqual([]);
    expect(documents).toHaveLength(2);
    for (const [index, document] of documents.entries()) {
      const previous = await openDocument(before[index], old);
      const opened = await openDocument(document, rotated.keys);
      expect(opened).toEqual({ ...previous, author: 'm-basil' });
      expect(document._id).not.toBe(before[index]?._id);
      // The removed member still has only the old key.
      await expect(openDocument(document, old)).rejects.toMatchObject({ reason: 'foreign' });
      await expect(
        openDocument(before[index], rotated.keys, { retiredKeyIds: rotated.retiredKeyIds }),
      ).rejects.toMatchObject({ reason: 'old-key' });
    }
  });

  it('does not carry over a document that does not open, and says which', async () => {
    const old = await deriveCoalitionKeys(newCoalitionKey());
    const good = await sealedContact(old, 1);
    const altered = { ...(await sealedContact(old, 2)), iv: 'AAAAAAAAAAAAAAAA' };
    const rotated = await rotateCoalitionKey(old);
    const result = await resealDocuments([good, altered], old, rotated.keys, 'm-amal');
    expect(result.documents).toHaveLength(1);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toBeInstanceOf(RefusedDocumentError);
    expect(result.refused[0]).toMatchObject({ documentId: altered._id, reason: 'altered' });
  });
});
